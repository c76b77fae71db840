using Nop.Core;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Checkout;

/// <summary>
/// Whether a staff member is placing the order for the customer (Customers → Edit → Place order)
/// </summary>
public static class TamaraStaffOrderEntry
{
    /// <remarks>
    /// nopCommerce learns about impersonation only while resolving the current customer, so OriginalCustomerIfImpersonated
    /// is null until GetCurrentCustomerAsync has run in this request.
    /// </remarks>
    public static async Task<bool> IsStaffOrderEntryAsync(this IWorkContext workContext)
    {
        await workContext.GetCurrentCustomerAsync();
        return workContext.OriginalCustomerIfImpersonated is not null;
    }
}
