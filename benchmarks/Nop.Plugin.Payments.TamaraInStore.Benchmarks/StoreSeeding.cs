using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

namespace Nop.Plugin.Payments.TamaraInStore.Benchmarks;

/// <summary>Pending orders with their sessions written straight into the store, for runs that need many of them</summary>
public static class StoreSeeding
{
    private static int _nextOrderId = 50_000;

    public static (int OrderId, string TamaraOrderId) AddPendingOrder(EndToEndEnvironment environment, string tamaraOrderId, decimal total)
    {
        var orderId = Interlocked.Increment(ref _nextOrderId);
        var now = DateTime.UtcNow;
        var order = environment.Orders.Add(new Order
        {
            Id = orderId,
            CustomOrderNumber = orderId.ToString(),
            OrderGuid = Guid.NewGuid(),
            StoreId = StoreSettings.StoreId,
            PaymentMethodSystemName = TamaraInStoreDefaults.SystemName,
            OrderStatus = OrderStatus.Pending,
            PaymentStatus = PaymentStatus.Pending,
            OrderTotal = total,
            CurrencyRate = 1m,
            CustomerCurrencyCode = "SAR"
        });
        var session = new TamaraSession
        {
            OrderId = order.Id,
            OrderGuid = order.OrderGuid,
            StoreId = StoreSettings.StoreId,
            CheckoutId = "checkout-" + tamaraOrderId,
            TamaraOrderId = tamaraOrderId,
            TamaraStatus = TamaraOrderStatus.New,
            State = TamaraSessionState.Pending,
            Amount = total,
            CurrencyCode = "SAR",
            PhoneNumber = "966534274516",
            CreatedOnUtc = now,
            ExpiresOnUtc = now.AddMinutes(15)
        };
        environment.Sessions.Insert(session);
        return (orderId, tamaraOrderId);
    }
}
