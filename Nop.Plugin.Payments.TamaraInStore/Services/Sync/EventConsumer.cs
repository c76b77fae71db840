using Nop.Core.Domain.Orders;
using Nop.Core.Events;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Services.Events;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Sync;

/// <summary>
/// nopCommerce never calls the payment method when an order is cancelled, marked as paid by other means or deleted: void
/// the live payment links here so the customer cannot pay for it (again)
/// </summary>
public class EventConsumer : IConsumer<OrderStatusChangedEvent>, IConsumer<OrderPaidEvent>, IConsumer<EntityDeletedEvent<Order>>
{
    private readonly TamaraOrderNoteWriter _noteWriter;
    private readonly ILogger _logger;
    private readonly IOrderService _orderService;
    private readonly TamaraOrderSyncService _orderSyncService;
    private readonly TamaraSessionService _sessionService;
    private readonly TimeProvider _timeProvider;

    public EventConsumer(TamaraOrderNoteWriter noteWriter,
        ILogger logger,
        IOrderService orderService,
        TamaraOrderSyncService orderSyncService,
        TamaraSessionService sessionService,
        TimeProvider timeProvider)
    {
        _noteWriter = noteWriter;
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

        if (!TamaraOrders.IsTamara(order))
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

    /// <summary>
    /// The order was paid: by staff (cash, card at the counter) or with one of its Tamara links. Its other links must no
    /// longer take a payment.
    /// </summary>
    public async Task HandleEventAsync(OrderPaidEvent eventMessage)
    {
        var order = eventMessage?.Order;
        if (order is null || !IsTamaraOrder(order))
            return;

        if (TamaraOwnPayment.IsMarking(order.Id))
            await VoidLiveSessionsAsync(order, "the order was paid with another payment link", TamaraOwnPayment.PayingSessionId(order.Id));
        else
            await VoidLiveSessionsAsync(order, "the order was marked as paid by other means");
    }

    public async Task HandleEventAsync(EntityDeletedEvent<Order> eventMessage)
    {
        var order = eventMessage?.Entity;
        if (order is null || !IsTamaraOrder(order))
            return;

        await VoidLiveSessionsAsync(order, "the order was deleted");
    }

    /// <param name="exceptSessionId">The session paying the order right now</param>
    private async Task VoidLiveSessionsAsync(Order order, string reason, int exceptSessionId = 0)
    {
        try
        {
            var live = (await _sessionService.GetSessionsByOrderIdAsync(order.Id))
                .Where(session => session.Id != exceptSessionId && TamaraLiveLink.IsLive(session));
            foreach (var session in live)
            {
                var result = await _orderSyncService.VoidSessionAsync(session, reason);
                if (result.Succeeded || !TamaraLiveLink.IsLive(await _sessionService.GetSessionByIdAsync(session.Id)))
                    continue;

                var message = $"Tamara: {reason}, but the payment link of Tamara order {session.TamaraOrderId} could not be voided " +
                    $"({result.Outcome}{(string.IsNullOrEmpty(result.Error) ? string.Empty : ": " + result.Error)}). If the customer still pays, refund them at Tamara.";
                await AddNoteAsync(order.Id, message);
                await _logger.WarningAsync($"Tamara in-store: order {order.Id}: {message}");
            }
        }
        catch (Exception exception)
        {
            await _logger.ErrorAsync($"Tamara in-store: voiding the payment links of order {order.Id} ({reason}) failed: {exception.Message}", exception);
        }
    }

    private static bool IsTamaraOrder(Order order) => TamaraOrders.IsTamara(order);

    private Task AddNoteAsync(int orderId, string note) => _noteWriter.AddAsync(orderId, note);
}
