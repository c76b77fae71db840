using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Sync;

/// <summary>
/// The one place where a Tamara capture marks a nopCommerce order as paid, shared by the order sync and staff accepting
/// Tamara's payment. Called under the session's Tamara order lock, after Tamara answered: the order, its payment claim and
/// the order's other sessions are read then, so what happened during the call to Tamara (cash taken and "Mark as paid",
/// another link paid, the order cancelled) decides.
/// </summary>
public class TamaraOrderPayment
{
    private readonly IOrderProcessingService _orderProcessingService;
    private readonly IOrderService _orderService;
    private readonly TamaraSessionService _sessionService;
    private readonly TimeProvider _timeProvider;

    public TamaraOrderPayment(IOrderProcessingService orderProcessingService,
        IOrderService orderService,
        TamaraSessionService sessionService,
        TimeProvider timeProvider)
    {
        _orderProcessingService = orderProcessingService;
        _orderService = orderService;
        _sessionService = sessionService;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Reads the order as it is now; what a decision after a call to Tamara must start from</summary>
    public virtual Task<Order> ReadOrderAsync(int orderId) => orderId > 0 ? _orderService.GetOrderByIdAsync(orderId) : Task.FromResult<Order>(null);

    /// <summary>
    /// Decides on the order as it is now whether the session's capture may mark it as paid, and does so through the core
    /// </summary>
    /// <param name="guard">Further checks of the fresh order (amounts); a non-null answer stops before anything is claimed</param>
    public virtual async Task<TamaraMarkPaidResult> MarkPaidAsync(TamaraSession session, TamaraOrder tamaraOrder,
        Func<Order, Task<TamaraMarkPaidResult>> guard = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(tamaraOrder);

        var order = await ReadOrderAsync(session.OrderId);
        if (order is null)
            return new TamaraMarkPaidResult(TamaraMarkPaidOutcome.NoOrder, null);

        var claim = await _sessionService.GetPaymentClaimAsync(order.Id);
        if (claim?.SessionId == session.Id)
            return new TamaraMarkPaidResult(TamaraMarkPaidOutcome.PaidByThisSession, order);

        if (claim is not null || await PaidByAnotherSessionAsync(order.Id, session.Id))
            return new TamaraMarkPaidResult(TamaraMarkPaidOutcome.PaidOtherwise, order);

        if (order.PaymentStatus is PaymentStatus.Paid or PaymentStatus.PartiallyRefunded or PaymentStatus.Refunded)
            return new TamaraMarkPaidResult(TamaraMarkPaidOutcome.PaidOtherwise, order);

        if (order.Deleted || order.OrderStatus == OrderStatus.Cancelled
            || order.PaymentStatus is not (PaymentStatus.Pending or PaymentStatus.Authorized) || !_orderProcessingService.CanMarkOrderAsPaid(order))
            return new TamaraMarkPaidResult(TamaraMarkPaidOutcome.CannotMarkPaid, order);

        if (guard is not null && await guard(order) is { } refused)
            return refused;

        if (!await _sessionService.TryClaimPaymentAsync(order.Id, session.Id, _timeProvider.GetUtcNow().UtcDateTime))
        {
            claim = await _sessionService.GetPaymentClaimAsync(order.Id);
            return new TamaraMarkPaidResult(claim?.SessionId == session.Id ? TamaraMarkPaidOutcome.PaidByThisSession : TamaraMarkPaidOutcome.PaidOtherwise, order);
        }

        var captureId = CaptureIdOf(tamaraOrder);
        order.CaptureTransactionId = captureId;
        order.CaptureTransactionResult = tamaraOrder.Status;
        try
        {
            using (TamaraOwnPayment.Begin(order.Id, session.Id))
                await _orderProcessingService.MarkOrderAsPaidAsync(order);
        }
        catch
        {
            await _sessionService.ReleasePaymentClaimAsync(order.Id, session.Id);
            throw;
        }

        return new TamaraMarkPaidResult(TamaraMarkPaidOutcome.Marked, order, captureId);
    }

    public static string CaptureIdOf(TamaraOrder tamaraOrder) =>
        tamaraOrder.Transactions?.Captures?.FirstOrDefault(capture => !string.IsNullOrEmpty(capture.CaptureId))?.CaptureId;

    /// <summary>A database from before the claim per order has no claim for an order one of its sessions paid</summary>
    private async Task<bool> PaidByAnotherSessionAsync(int orderId, int sessionId) =>
        (await _sessionService.GetSessionsByOrderIdAsync(orderId)).Any(other => other.Id != sessionId && other.State == TamaraSessionState.Paid);
}

public enum TamaraMarkPaidOutcome
{
    /// <summary>The order was marked as paid with this session's capture</summary>
    Marked,

    /// <summary>This session had already marked it (an earlier run stopped before saving the session)</summary>
    PaidByThisSession,

    /// <summary>Paid by other means or by another link: this capture is a double payment</summary>
    PaidOtherwise,

    /// <summary>Cancelled, deleted or in a payment status nopCommerce does not mark as paid</summary>
    CannotMarkPaid,

    NoOrder,

    /// <summary>A caller's own check of the fresh order refused it</summary>
    Refused
}

/// <param name="Order">The order as read after Tamara answered (and as saved, once marked)</param>
public record TamaraMarkPaidResult(TamaraMarkPaidOutcome Outcome, Order Order, string CaptureId = null, string Reason = null);
