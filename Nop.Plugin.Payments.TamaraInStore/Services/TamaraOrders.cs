using Nop.Core.Domain.Orders;

namespace Nop.Plugin.Payments.TamaraInStore.Services;

/// <summary>Which nopCommerce orders are the plugin's; staff code asks it through <see cref="Staff.TamaraStaffPolicy"/></summary>
public static class TamaraOrders
{
    /// <summary>The order was placed with this payment method</summary>
    public static bool IsTamara(Order order) =>
        order is not null && string.Equals(order.PaymentMethodSystemName, TamaraInStoreDefaults.SystemName, StringComparison.OrdinalIgnoreCase);
}
