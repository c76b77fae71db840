using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Staff;

/// <summary>
/// The staff actions on an order's Tamara payment (check now, void, send a new link, the exits from needs attention, the
/// double payment's refund), for one order or a selection; the order page's card and the operations page both call it.
/// An action runs only when <see cref="TamaraStaffPolicy"/> allows it for the order's newest session, whatever was posted.
/// </summary>
public class TamaraOrderActionService
{
    private readonly ILogger _logger;
    private readonly IOrderService _orderService;
    private readonly TamaraDoublePaymentRefund _doublePaymentRefund;
    private readonly TamaraNeedsAttentionService _needsAttentionService;
    private readonly TamaraNewLinkService _newLinkService;
    private readonly TamaraOrderSyncService _orderSyncService;
    private readonly TamaraSessionService _sessionService;
    private readonly TamaraStaffAnswers _answers;
    private readonly TamaraStaffPolicy _policy;

    public TamaraOrderActionService(ILogger logger,
        IOrderService orderService,
        TamaraDoublePaymentRefund doublePaymentRefund,
        TamaraNeedsAttentionService needsAttentionService,
        TamaraNewLinkService newLinkService,
        TamaraOrderSyncService orderSyncService,
        TamaraSessionService sessionService,
        TamaraStaffAnswers answers,
        TamaraStaffPolicy policy)
    {
        _logger = logger;
        _orderService = orderService;
        _doublePaymentRefund = doublePaymentRefund;
        _needsAttentionService = needsAttentionService;
        _newLinkService = newLinkService;
        _orderSyncService = orderSyncService;
        _sessionService = sessionService;
        _answers = answers;
        _policy = policy;
    }

    /// <summary>One action on one order, refused without the right to edit orders and for vendors</summary>
    public virtual async Task<TamaraOrderActionOutcome> RunAsync(TamaraOrderAction action, int orderId, CancellationToken cancellationToken = default) =>
        await RefusalAsync(orderId) ?? await RunAllowedAsync(action, orderId, cancellationToken);

    /// <summary>
    /// The same action on each order of a selection, one after the other; an order that fails or is refused does not stop the rest
    /// </summary>
    public virtual async Task<IList<TamaraOrderActionOutcome>> RunForOrdersAsync(TamaraOrderAction action, IEnumerable<int> orderIds,
        CancellationToken cancellationToken = default)
    {
        var outcomes = new List<TamaraOrderActionOutcome>();
        foreach (var orderId in orderIds.Distinct())
        {
            var refusal = await RefusalAsync(orderId);
            if (refusal is not null)
            {
                outcomes.Add(refusal);
                continue;
            }

            try
            {
                outcomes.Add(await RunAllowedAsync(action, orderId, cancellationToken, selection: true));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                await _logger.ErrorAsync($"Tamara in-store: {action} for order {orderId} failed: {exception.Message}", exception);
                outcomes.Add(await _answers.AnswerAsync(orderId, false, "Result.RequestFailed"));
            }
        }

        return outcomes;
    }

    /// <summary>What the policy allows on the order now: its newest session, the order's state and any double payment</summary>
    public virtual async Task<TamaraStaffSituation> SituationAsync(Order order, TamaraSession session) =>
        TamaraStaffSituation.Of(order, session, await _doublePaymentRefund.FindAsync(order) is not null);

    private async Task<TamaraOrderActionOutcome> RefusalAsync(int orderId) =>
        await _policy.MayActAsync() ? null : await _answers.AnswerAsync(orderId, false, "Result.AccessDenied");

    /// <param name="selection">Run for a selection of orders, where nobody reads each order's difference before it is accepted</param>
    private async Task<TamaraOrderActionOutcome> RunAllowedAsync(TamaraOrderAction action, int orderId, CancellationToken cancellationToken, bool selection = false)
    {
        var order = await LoadOrderAsync(orderId);
        var session = order is null ? null : await _sessionService.GetLatestSessionByOrderIdAsync(order.Id);
        if (session is null)
            return await _answers.AnswerAsync(orderId, false, "Result.NoSession");

        if (!TamaraStaffPolicy.Allows(action, await SituationAsync(order, session)))
            return await NotAllowedAsync(action, order.Id);

        return action switch
        {
            TamaraOrderAction.CheckNow => await CheckNowAsync(order, session, cancellationToken),
            TamaraOrderAction.Void => await _answers.VoidAnswerAsync(order.Id, await _orderSyncService.VoidSessionAsync(session, "by staff", cancellationToken)),
            TamaraOrderAction.SendNewLink => await _newLinkService.SendAsync(order, session, cancellationToken),
            TamaraOrderAction.AcceptCapture => await StaffAnswerAsync(order, "accepting Tamara's payment", () => _needsAttentionService.AcceptCaptureAsync(order, session, onlyWhenCovered: selection)),
            TamaraOrderAction.RefundCapture => await StaffAnswerAsync(order, "refunding Tamara's payment", () => _needsAttentionService.RefundCaptureAsync(order, session)),
            TamaraOrderAction.RefundDoublePayment => await RefundDoublePaymentAsync(order),
            _ => throw new ArgumentOutOfRangeException(nameof(action))
        };
    }

    /// <summary>The refusal of an action the policy does not allow, in the words each action already had for it</summary>
    private Task<TamaraOrderActionOutcome> NotAllowedAsync(TamaraOrderAction action, int orderId) => action switch
    {
        TamaraOrderAction.CheckNow => _answers.AnswerAsync(orderId, false, "Result.NoSession"),
        TamaraOrderAction.Void => _answers.AnswerAsync(orderId, false, "Void.NotPending"),
        TamaraOrderAction.SendNewLink => _answers.AnswerAsync(orderId, false, "NewLink.NotAllowed"),
        TamaraOrderAction.RefundDoublePayment => _answers.AnswerAsync(orderId, false, "RefundDoublePayment.Nothing"),
        _ => _answers.AnswerAsync(orderId, false, "Result.NotAllowed")
    };

    private async Task<TamaraOrderActionOutcome> CheckNowAsync(Order order, TamaraSession session, CancellationToken cancellationToken)
    {
        var result = await _orderSyncService.SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Staff, cancellationToken);
        var succeeded = result.Outcome is not (TamaraSyncOutcome.Failed or TamaraSyncOutcome.TamaraUnavailable or TamaraSyncOutcome.Busy or TamaraSyncOutcome.UnknownOrder);

        return await _answers.AnswerAsync(order.Id, succeeded, $"Check.{result.Outcome}", result.OrderChanged, result.TamaraStatus ?? "-", result.Error ?? string.Empty);
    }

    private async Task<TamaraOrderActionOutcome> RefundDoublePaymentAsync(Order order)
    {
        var result = await _doublePaymentRefund.RefundAsync(order);
        if (result.Succeeded)
            return await _answers.AnswerAsync(order.Id, true, "RefundDoublePayment.Done", true, result.Amount);

        if (result.IsBusy)
            return await _answers.AnswerAsync(order.Id, false, "Void.Busy");

        return string.IsNullOrEmpty(result.Error)
            ? await _answers.AnswerAsync(order.Id, false, "RefundDoublePayment.Nothing")
            : await _answers.AnswerAsync(order.Id, false, "RefundDoublePayment.Failed", false, result.Error);
    }

    private async Task<TamaraOrderActionOutcome> StaffAnswerAsync(Order order, string what, Func<Task<TamaraStaffActionResult>> action)
    {
        TamaraStaffActionResult result;
        try
        {
            result = await action();
        }
        catch (Exception exception)
        {
            await _logger.ErrorAsync($"Tamara in-store: {what} for order {order.Id} failed: {exception.Message}", exception);
            return await _answers.AnswerAsync(order.Id, false, "Result.RequestFailed");
        }

        return new TamaraOrderActionOutcome(order.Id, result.Success, result.Message, result.OrderChanged);
    }

    private async Task<Order> LoadOrderAsync(int orderId)
    {
        var order = await _orderService.GetOrderByIdAsync(orderId);
        return order is null || order.Deleted || !TamaraStaffPolicy.IsTamaraOrder(order) ? null : order;
    }
}
