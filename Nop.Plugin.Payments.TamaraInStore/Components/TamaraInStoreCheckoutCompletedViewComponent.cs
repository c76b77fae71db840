using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Models;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Checkout;
using Nop.Plugin.Payments.TamaraInStore.Services.Staff;
using Nop.Services.Orders;
using Nop.Web.Framework.Components;
using Nop.Web.Framework.Mvc.Routing;

namespace Nop.Plugin.Payments.TamaraInStore.Components;

/// <summary>
/// The counter page ("checkout completed"): the payment link as a QR code (the customer's only way to it for a QR session),
/// where the SMS went, time left and the live status
/// </summary>
/// <remarks>
/// The page's model (Nop.Web's CheckoutCompletedModel) lives in an assembly the plugin does not reference, so the order is found
/// the way the page itself finds it: the orderId route value, else the current customer's latest order in this store; and,
/// like the page, only when it belongs to the current customer. The QR code is shown to whoever is on the page: that is the
/// customer, or staff acting as the customer, and the link is the customer's own.
/// </remarks>
public class TamaraInStoreCheckoutCompletedViewComponent : NopViewComponent
{
    private readonly INopUrlHelper _nopUrlHelper;
    private readonly IOrderService _orderService;
    private readonly IStoreContext _storeContext;
    private readonly IWorkContext _workContext;
    private readonly QrCodeService _qrCodeService;
    private readonly TamaraSessionService _sessionService;
    private readonly TamaraSessionStatusService _statusService;
    private readonly TimeProvider _timeProvider;

    public TamaraInStoreCheckoutCompletedViewComponent(INopUrlHelper nopUrlHelper,
        IOrderService orderService,
        IStoreContext storeContext,
        IWorkContext workContext,
        QrCodeService qrCodeService,
        TamaraSessionService sessionService,
        TamaraSessionStatusService statusService,
        TimeProvider timeProvider)
    {
        _nopUrlHelper = nopUrlHelper;
        _orderService = orderService;
        _storeContext = storeContext;
        _workContext = workContext;
        _qrCodeService = qrCodeService;
        _sessionService = sessionService;
        _statusService = statusService;
        _timeProvider = timeProvider;
    }

    public async Task<IViewComponentResult> InvokeAsync(string widgetZone, object additionalData)
    {
        var order = await FindOrderAsync();
        if (order is null || !TamaraStaffPolicy.IsTamaraOrder(order))
            return Content(string.Empty);

        var session = await _sessionService.GetLatestSessionByOrderIdAsync(order.Id)
            ?? await _sessionService.GetLatestSessionByOrderGuidAsync(order.OrderGuid);
        if (!await _statusService.CanViewAsync(session))
            return Content(string.Empty);

        var secondsLeft = (session.ExpiresOnUtc - _timeProvider.GetUtcNow().UtcDateTime).TotalSeconds;

        var model = new CheckoutCompletedModel
        {
            OrderGuid = session.OrderGuid,
            CheckoutDeeplink = session.CheckoutDeeplink,
            QrCodeDataUri = _qrCodeService.ToPngDataUri(session.CheckoutDeeplink),
            MaskedPhoneNumber = SensitiveDataMasker.MaskPhone(session.PhoneNumber),
            IsQr = session.Channel == TamaraSessionChannel.Qr,
            SecondsLeft = (int)Math.Max(0, secondsLeft),
            StatusUrl = _nopUrlHelper.RouteUrl(TamaraInStoreDefaults.Routes.CheckoutStatus, new { orderGuid = session.OrderGuid }),
            Status = await _statusService.PrepareAsync(session)
        };

        return View(TamaraInStoreDefaults.ViewPath("CheckoutCompleted.cshtml"), model);
    }

    private async Task<Order> FindOrderAsync()
    {
        var customer = await _workContext.GetCurrentCustomerAsync();
        Order order = null;

        if (int.TryParse(ViewContext.RouteData.Values["orderId"]?.ToString(), out var orderId))
            order = await _orderService.GetOrderByIdAsync(orderId);

        if (order is null)
        {
            var store = await _storeContext.GetCurrentStoreAsync();
            order = (await _orderService.SearchOrdersAsync(storeId: store.Id, customerId: customer.Id, pageSize: 1)).FirstOrDefault();
        }

        return order is null || order.Deleted || order.CustomerId != customer.Id ? null : order;
    }
}
