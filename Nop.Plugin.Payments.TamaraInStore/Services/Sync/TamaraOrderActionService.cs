using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Factories;
using Nop.Plugin.Payments.TamaraInStore.Services.Checkout;
using Nop.Plugin.Payments.TamaraInStore.Services.Refunds;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Orders;
using Nop.Services.Security;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Sync;

/// <summary>
/// The staff actions on an order's Tamara payment (check now, void, send a new link, the exits from needs attention, the
/// double payment's refund), for one order or a selection; the order page's card and the operations page both call it
/// </summary>
public class TamaraOrderActionService
{
    private const string ResourcePrefix = "Plugins.Payments.TamaraInStore.OrderBlock.";

    private readonly ILocalizationService _localizationService;
    private readonly ILogger _logger;
    private readonly IOrderService _orderService;
    private readonly IPermissionService _permissionService;
    private readonly IWorkContext _workContext;
    private readonly TamaraCheckoutService _checkoutService;
    private readonly TamaraDoublePaymentRefund _doublePaymentRefund;
    private readonly TamaraNeedsAttentionService _needsAttentionService;
    private readonly TamaraOrderSyncService _orderSyncService;
    private readonly TamaraSessionService _sessionService;

    public TamaraOrderActionService(ILocalizationService localizationService,
        ILogger logger,
        IOrderService orderService,
        IPermissionService permissionService,
        IWorkContext workContext,
        TamaraCheckoutService checkoutService,
        TamaraDoublePaymentRefund doublePaymentRefund,
        TamaraNeedsAttentionService needsAttentionService,
        TamaraOrderSyncService orderSyncService,
        TamaraSessionService sessionService)
    {
        _localizationService = localizationService;
        _logger = logger;
        _orderService = orderService;
        _permissionService = permissionService;
        _workContext = workContext;
        _checkoutService = checkoutService;
        _doublePaymentRefund = doublePaymentRefund;
        _needsAttentionService = needsAttentionService;
        _orderSyncService = orderSyncService;
        _sessionService = sessionService;
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
                outcomes.Add(await AnswerAsync(orderId, false, "Result.RequestFailed"));
            }
        }

        return outcomes;
    }

    /// <summary>Who may act: staff with the right to edit orders, never a vendor (as the order page's Tamara card)</summary>
    public virtual async Task<bool> MayActAsync() =>
        await TamaraOrderBlockAccess.MaySeeAsync(_workContext)
        && await _permissionService.AuthorizeAsync(StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE);

    private async Task<TamaraOrderActionOutcome> RefusalAsync(int orderId) =>
        await MayActAsync() ? null : await AnswerAsync(orderId, false, "Result.AccessDenied");

    /// <param name="selection">Run for a selection of orders, where nobody reads each order's difference before it is accepted</param>
    private async Task<TamaraOrderActionOutcome> RunAllowedAsync(TamaraOrderAction action, int orderId, CancellationToken cancellationToken, bool selection = false)
    {
        var order = await LoadOrderAsync(orderId);
        var session = order is null ? null : await _sessionService.GetLatestSessionByOrderIdAsync(order.Id);
        if (session is null)
            return await AnswerAsync(orderId, false, "Result.NoSession");

        return action switch
        {
            TamaraOrderAction.CheckNow => await CheckNowAsync(order, session, cancellationToken),
            TamaraOrderAction.Void => await VoidAnswerAsync(order.Id, await _orderSyncService.VoidSessionAsync(session, "by staff", cancellationToken)),
            TamaraOrderAction.SendNewLink => await SendNewLinkAsync(order, session, cancellationToken),
            TamaraOrderAction.AcceptCapture => await StaffAnswerAsync(order, "accepting Tamara's payment", () => _needsAttentionService.AcceptCaptureAsync(order, session, onlyWhenCovered: selection)),
            TamaraOrderAction.RefundCapture => await StaffAnswerAsync(order, "refunding Tamara's payment", () => _needsAttentionService.RefundCaptureAsync(order, session)),
            TamaraOrderAction.RefundDoublePayment => await RefundDoublePaymentAsync(order),
            _ => throw new ArgumentOutOfRangeException(nameof(action))
        };
    }

    private async Task<TamaraOrderActionOutcome> CheckNowAsync(Order order, TamaraSession session, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(session.TamaraOrderId))
            return await AnswerAsync(order.Id, false, "Result.NoSession");

        var result = await _orderSyncService.SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Staff, cancellationToken);
        var succeeded = result.Outcome is not (TamaraSyncOutcome.Failed or TamaraSyncOutcome.TamaraUnavailable or TamaraSyncOutcome.Busy or TamaraSyncOutcome.UnknownOrder);

        return await AnswerAsync(order.Id, succeeded, $"Check.{result.Outcome}", result.OrderChanged, result.TamaraStatus ?? "-", result.Error ?? string.Empty);
    }

    private async Task<TamaraOrderActionOutcome> SendNewLinkAsync(Order order, TamaraSession session, CancellationToken cancellationToken)
    {
        if (order.OrderStatus == OrderStatus.Cancelled || order.PaymentStatus != PaymentStatus.Pending
            || session.State is TamaraSessionState.Paid or TamaraSessionState.NeedsAttention)
            return await AnswerAsync(order.Id, false, "NewLink.NotAllowed");

        var limitRefusal = await _checkoutService.NewLinkRefusalAsync(order, session);
        if (limitRefusal is not null)
            return new TamaraOrderActionOutcome(order.Id, false, limitRefusal);

        // no two payable links: every link Tamara may still take a payment on is voided first, and confirmed so
        foreach (var live in (await _sessionService.GetSessionsByOrderIdAsync(order.Id)).Where(TamaraLiveLink.IsLive))
        {
            var voided = await _orderSyncService.VoidSessionAsync(live, "by staff, before sending a new link", cancellationToken);
            if (voided.Succeeded)
                continue;

            // closed by Tamara meanwhile (declined, expired) is as good as voided; paid, or still payable, is not
            var now = await _sessionService.GetSessionByIdAsync(live.Id);
            if (TamaraLiveLink.IsLive(now) || now.State is TamaraSessionState.Paid or TamaraSessionState.NeedsAttention)
                return await VoidAnswerAsync(order.Id, voided);
        }

        session = await _sessionService.GetSessionByIdAsync(session.Id);

        try
        {
            var replacement = await _checkoutService.CreateReplacementSessionAsync(order, session);
            if (replacement is null)
                return await AnswerAsync(order.Id, false, "NewLink.Failed", false, string.Empty);
        }
        catch (Exception exception)
        {
            await _logger.ErrorAsync($"Tamara in-store: sending a new payment link for order {order.Id} failed: {exception.Message}", exception);
            return await AnswerAsync(order.Id, false, "NewLink.Failed", false, exception.Message);
        }

        return await AnswerAsync(order.Id, true, "NewLink.Sent");
    }

    private async Task<TamaraOrderActionOutcome> RefundDoublePaymentAsync(Order order)
    {
        var result = await _doublePaymentRefund.RefundAsync(order);
        if (result.Succeeded)
            return await AnswerAsync(order.Id, true, "RefundDoublePayment.Done", true, result.Amount);

        if (result.IsBusy)
            return await AnswerAsync(order.Id, false, "Void.Busy");

        return string.IsNullOrEmpty(result.Error)
            ? await AnswerAsync(order.Id, false, "RefundDoublePayment.Nothing")
            : await AnswerAsync(order.Id, false, "RefundDoublePayment.Failed", false, result.Error);
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
            return await AnswerAsync(order.Id, false, "Result.RequestFailed");
        }

        return new TamaraOrderActionOutcome(order.Id, result.Success, result.Message, result.OrderChanged);
    }

    private async Task<TamaraOrderActionOutcome> VoidAnswerAsync(int orderId, TamaraVoidResult result) =>
        await AnswerAsync(orderId, result.Succeeded, $"Void.{result.Outcome}", result.OrderChanged, result.TamaraStatus ?? "-", result.Error ?? string.Empty);

    private async Task<Order> LoadOrderAsync(int orderId)
    {
        var order = await _orderService.GetOrderByIdAsync(orderId);
        if (order is null || order.Deleted
            || !string.Equals(order.PaymentMethodSystemName, TamaraInStoreDefaults.SystemName, StringComparison.OrdinalIgnoreCase))
            return null;

        return order;
    }

    private async Task<TamaraOrderActionOutcome> AnswerAsync(int orderId, bool success, string resourceKey, bool reloadPage = false, params object[] arguments)
    {
        var text = await _localizationService.GetResourceAsync(ResourcePrefix + resourceKey);
        var message = arguments.Length == 0 ? text : string.Format(text, arguments);

        return new TamaraOrderActionOutcome(orderId, success, message, reloadPage);
    }
}
