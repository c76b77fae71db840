using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Services.Events;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.TamaraInStore.Services;

/// <summary>
/// nopCommerce never calls the payment method when an order is cancelled: void the live payment link here so the
/// customer cannot pay for a cancelled order
/// </summary>
public class EventConsumer : IConsumer<OrderStatusChangedEvent>
{
    private readonly ILogger _logger;
    private readonly IOrderService _orderService;
    private readonly TamaraOrderSyncService _orderSyncService;
    private readonly TamaraSessionService _sessionService;
    private readonly TimeProvider _timeProvider;

    public EventConsumer(ILogger logger,
        IOrderService orderService,
        TamaraOrderSyncService orderSyncService,
        TamaraSessionService sessionService,
        TimeProvider timeProvider)
    {
        _logger = logger;
        _orderService = orderService;
        _orderSyncService = orderSyncService;
        _sessionService = sessionService;
        _timeProvider = timeProvider;
    }

    public async Task HandleEventAsync(OrderStatusChangedEvent eventMessage)
    {
        var order = eventMessage?.Order;
        if (order is null || order.OrderStatus != OrderStatus.Cancelled || eventMessage.PreviousOrderStatus == OrderStatus.Cancelled)
            return;

        if (!string.Equals(order.PaymentMethodSystemName, TamaraInStoreDefaults.SystemName, StringComparison.OrdinalIgnoreCase))
            return;

        try
        {
            // a session the sync closed itself (declined/expired, then cancelled by setting) is no longer pending: nothing to do
            var session = await _sessionService.GetLatestSessionByOrderIdAsync(order.Id);
            if (session is null || session.State != TamaraSessionState.Pending)
                return;

            var result = await _orderSyncService.VoidSessionAsync(session, "the order was cancelled");
            if (result.Succeeded || result.SessionState is TamaraSessionState.Declined or TamaraSessionState.Expired or TamaraSessionState.Canceled or TamaraSessionState.NeedsAttention)
                return;

            var message = $"Tamara: the order was cancelled but its payment link could not be voided ({result.Outcome}{(string.IsNullOrEmpty(result.Error) ? string.Empty : ": " + result.Error)}). " +
                "If the customer still pays, refund them at Tamara.";
            await AddNoteAsync(order.Id, message);
            await _logger.WarningAsync($"Tamara in-store: order {order.Id}: {message}");
        }
        catch (Exception exception)
        {
            await _logger.ErrorAsync($"Tamara in-store: voiding the payment link of cancelled order {order.Id} failed: {exception.Message}", exception);
        }
    }

    private Task AddNoteAsync(int orderId, string note) => _orderService.InsertOrderNoteAsync(new OrderNote
    {
        OrderId = orderId,
        Note = note,
        DisplayToCustomer = false,
        CreatedOnUtc = _timeProvider.GetUtcNow().UtcDateTime
    });
}
