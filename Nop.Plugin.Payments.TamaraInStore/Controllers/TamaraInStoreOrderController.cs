using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Factories;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Checkout;
using Nop.Plugin.Payments.TamaraInStore.Services.Refunds;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Orders;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Payments.TamaraInStore.Controllers;

/// <summary>
/// The buttons of the Tamara card on the admin order page (AJAX, JSON answers: success, message, reloadPage)
/// </summary>
[AuthorizeAdmin]
[Area(AreaNames.ADMIN)]
[AutoValidateAntiforgeryToken]
public class TamaraInStoreOrderController : BasePluginController
{
    private const string ResourcePrefix = "Plugins.Payments.TamaraInStore.OrderBlock.";

    private readonly ILocalizationService _localizationService;
    private readonly ILogger _logger;
    private readonly IOrderService _orderService;
    private readonly IWorkContext _workContext;
    private readonly TamaraCheckoutService _checkoutService;
    private readonly TamaraDoublePaymentRefund _doublePaymentRefund;
    private readonly TamaraNeedsAttentionService _needsAttentionService;
    private readonly TamaraOrderBlockModelFactory _modelFactory;
    private readonly TamaraOrderSyncService _orderSyncService;
    private readonly TamaraSessionService _sessionService;

    public TamaraInStoreOrderController(ILocalizationService localizationService,
        ILogger logger,
        IOrderService orderService,
        IWorkContext workContext,
        TamaraCheckoutService checkoutService,
        TamaraOrderBlockModelFactory modelFactory,
        TamaraOrderSyncService orderSyncService,
        TamaraSessionService sessionService,
        TamaraDoublePaymentRefund doublePaymentRefund,
        TamaraNeedsAttentionService needsAttentionService)
    {
        _localizationService = localizationService;
        _logger = logger;
        _orderService = orderService;
        _workContext = workContext;
        _checkoutService = checkoutService;
        _modelFactory = modelFactory;
        _orderSyncService = orderSyncService;
        _sessionService = sessionService;
        _doublePaymentRefund = doublePaymentRefund;
        _needsAttentionService = needsAttentionService;
    }

    /// <summary>The card's content, to refresh it after an action</summary>
    [HttpGet]
    [CheckPermission(StandardPermission.Orders.ORDERS_VIEW)]
    public async Task<IActionResult> OrderBlock(int orderId)
    {
        if (!await TamaraOrderBlockAccess.MaySeeAsync(_workContext))
            return Forbid();

        var order = await LoadOrderAsync(orderId);
        if (order is null)
            return NotFound();

        var model = await _modelFactory.PrepareOrderBlockModelAsync(order);
        return PartialView(TamaraInStoreDefaults.ViewPath("_OrderBlock.Content.cshtml"), model);
    }

    [HttpPost]
    [CheckPermission(StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE)]
    public async Task<IActionResult> CheckNow(int orderId)
    {
        var (order, session, refusal) = await LoadForActionAsync(orderId);
        if (refusal is not null)
            return refusal;

        if (string.IsNullOrEmpty(session.TamaraOrderId))
            return await AnswerAsync(false, "Result.NoSession");

        var result = await _orderSyncService.SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Staff, HttpContext.RequestAborted);
        var succeeded = result.Outcome is not (TamaraSyncOutcome.Failed or TamaraSyncOutcome.TamaraUnavailable or TamaraSyncOutcome.Busy or TamaraSyncOutcome.UnknownOrder);

        return await AnswerAsync(succeeded, $"Check.{result.Outcome}", result.OrderChanged, result.TamaraStatus ?? "-", result.Error ?? string.Empty);
    }

    [HttpPost]
    [CheckPermission(StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE)]
    public async Task<IActionResult> VoidSession(int orderId)
    {
        var (_, session, refusal) = await LoadForActionAsync(orderId);
        if (refusal is not null)
            return refusal;

        var result = await _orderSyncService.VoidSessionAsync(session, "by staff", HttpContext.RequestAborted);

        return await VoidAnswerAsync(result);
    }

    [HttpPost]
    [CheckPermission(StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE)]
    public async Task<IActionResult> SendNewLink(int orderId)
    {
        var (order, session, refusal) = await LoadForActionAsync(orderId);
        if (refusal is not null)
            return refusal;

        if (order.OrderStatus == OrderStatus.Cancelled || order.PaymentStatus != PaymentStatus.Pending
            || session.State is TamaraSessionState.Paid or TamaraSessionState.NeedsAttention)
            return await AnswerAsync(false, "NewLink.NotAllowed");

        var limitRefusal = await _checkoutService.NewLinkRefusalAsync(order, session);
        if (limitRefusal is not null)
            return Json(new { success = false, message = limitRefusal, reloadPage = false });

        if (session.State == TamaraSessionState.Pending)
        {
            var voided = await _orderSyncService.VoidSessionAsync(session, "by staff, before sending a new link", HttpContext.RequestAborted);
            if (!voided.Succeeded)
                return await VoidAnswerAsync(voided);

            session = await _sessionService.GetSessionByIdAsync(session.Id);
        }

        try
        {
            var replacement = await _checkoutService.CreateReplacementSessionAsync(order, session);
            if (replacement is null)
                return await AnswerAsync(false, "NewLink.Failed", false, string.Empty);
        }
        catch (Exception exception)
        {
            await _logger.ErrorAsync($"Tamara in-store: sending a new payment link for order {order.Id} failed: {exception.Message}", exception);
            return await AnswerAsync(false, "NewLink.Failed", false, exception.Message);
        }

        return await AnswerAsync(true, "NewLink.Sent");
    }

    /// <summary>Refunds at Tamara a payment taken for an order already paid by other means</summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE)]
    public async Task<IActionResult> RefundDoublePayment(int orderId)
    {
        var (order, _, refusal) = await LoadForActionAsync(orderId);
        if (refusal is not null)
            return refusal;

        var result = await _doublePaymentRefund.RefundAsync(order);
        if (result.Succeeded)
            return await AnswerAsync(true, "RefundDoublePayment.Done", true, result.Amount);

        if (result.IsBusy)
            return await AnswerAsync(false, "Void.Busy");

        return string.IsNullOrEmpty(result.Error)
            ? await AnswerAsync(false, "RefundDoublePayment.Nothing")
            : await AnswerAsync(false, "RefundDoublePayment.Failed", false, result.Error);
    }

    /// <summary>Needs attention, way out 1: Tamara's capture becomes the order's payment</summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE)]
    public async Task<IActionResult> AcceptCapture(int orderId)
    {
        var (order, session, refusal) = await LoadForActionAsync(orderId);
        if (refusal is not null)
            return refusal;

        return await StaffAnswerAsync(order, "accepting Tamara's payment", () => _needsAttentionService.AcceptCaptureAsync(order, session));
    }

    /// <summary>Needs attention, way out 2: Tamara's capture is refunded in full at Tamara</summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE)]
    public async Task<IActionResult> RefundCapture(int orderId)
    {
        var (order, session, refusal) = await LoadForActionAsync(orderId);
        if (refusal is not null)
            return refusal;

        return await StaffAnswerAsync(order, "refunding Tamara's payment", () => _needsAttentionService.RefundCaptureAsync(order, session));
    }

    private async Task<IActionResult> StaffAnswerAsync(Order order, string what, Func<Task<TamaraStaffActionResult>> action)
    {
        TamaraStaffActionResult result;
        try
        {
            result = await action();
        }
        catch (Exception exception)
        {
            await _logger.ErrorAsync($"Tamara in-store: {what} for order {order.Id} failed: {exception.Message}", exception);
            return await AnswerAsync(false, "Result.RequestFailed");
        }

        return Json(new { success = result.Success, message = result.Message, reloadPage = result.OrderChanged });
    }

    private async Task<IActionResult> VoidAnswerAsync(TamaraVoidResult result) =>
        await AnswerAsync(result.Succeeded, $"Void.{result.Outcome}", result.OrderChanged, result.TamaraStatus ?? "-", result.Error ?? string.Empty);

    private async Task<Order> LoadOrderAsync(int orderId)
    {
        var order = await _orderService.GetOrderByIdAsync(orderId);
        if (order is null || order.Deleted
            || !string.Equals(order.PaymentMethodSystemName, TamaraInStoreDefaults.SystemName, StringComparison.OrdinalIgnoreCase))
            return null;

        return order;
    }

    private async Task<(Order Order, TamaraSession Session, IActionResult Refusal)> LoadForActionAsync(int orderId)
    {
        if (!await TamaraOrderBlockAccess.MaySeeAsync(_workContext))
            return (null, null, await AnswerAsync(false, "Result.AccessDenied"));

        var order = await LoadOrderAsync(orderId);
        var session = order is null ? null : await _sessionService.GetLatestSessionByOrderIdAsync(order.Id);
        if (session is null)
            return (order, null, await AnswerAsync(false, "Result.NoSession"));

        return (order, session, null);
    }

    private async Task<IActionResult> AnswerAsync(bool success, string resourceKey, bool reloadPage = false, params object[] arguments)
    {
        var text = await _localizationService.GetResourceAsync(ResourcePrefix + resourceKey);
        var message = arguments.Length == 0 ? text : string.Format(text, arguments);

        return Json(new { success, message, reloadPage });
    }
}
