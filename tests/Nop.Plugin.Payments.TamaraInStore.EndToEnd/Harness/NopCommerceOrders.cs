using Moq;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Tests.Fakes;
using Nop.Services.Payments;

namespace Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;

/// <summary>
/// The shared in-memory orders, plus what nopCommerce's order processing does around refunds: the offline refunds the
/// plugin uses to count refunds made at Tamara (the refund buttons are <see cref="InMemoryOrders.RefundFromAdminAsync"/>).
/// </summary>
public static class NopCommerceOrders
{
    public static InMemoryOrders Create()
    {
        var orders = new InMemoryOrders();
        var processing = orders.ProcessingMock;

        processing.Setup(service => service.CanRefundOffline(It.IsAny<Order>()))
            .Returns((Order order) => order.PaymentStatus == PaymentStatus.Paid && order.RefundedAmount == 0m);
        processing.Setup(service => service.RefundOfflineAsync(It.IsAny<Order>()))
            .Returns((Order order) => BookRefundAsync(orders, order, order.OrderTotal - order.RefundedAmount));
        processing.Setup(service => service.CanPartiallyRefundOffline(It.IsAny<Order>(), It.IsAny<decimal>()))
            .Returns((Order order, decimal amount) => order.PaymentStatus is PaymentStatus.Paid or PaymentStatus.PartiallyRefunded
                && amount > 0m && order.RefundedAmount + amount <= order.OrderTotal);
        processing.Setup(service => service.PartiallyRefundOfflineAsync(It.IsAny<Order>(), It.IsAny<decimal>()))
            .Returns((Order order, decimal amount) => BookRefundAsync(orders, order, amount));

        return orders;
    }

    private static async Task BookRefundAsync(InMemoryOrders orders, Order order, decimal amount)
    {
        order.RefundedAmount += amount;
        order.PaymentStatus = order.RefundedAmount >= order.OrderTotal ? PaymentStatus.Refunded : PaymentStatus.PartiallyRefunded;
        await orders.OrderService.UpdateOrderAsync(order);
    }
}
