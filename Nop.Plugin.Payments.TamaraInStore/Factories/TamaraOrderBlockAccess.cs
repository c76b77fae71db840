using Nop.Core;

namespace Nop.Plugin.Payments.TamaraInStore.Factories;

/// <summary>
/// Who sees the Tamara block of an order and may use its buttons
/// </summary>
public static class TamaraOrderBlockAccess
{
    /// <summary>
    /// Not vendors: nopCommerce's order page hides an order's payment details and notes from a vendor (IsLoggedInAsVendor),
    /// and a vendor may open any order that holds one of their products, whoever else sold in it
    /// </summary>
    public static async Task<bool> MaySeeAsync(IWorkContext workContext) => await workContext.GetCurrentVendorAsync() is null;
}
