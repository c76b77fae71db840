using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Refunds;
using Nop.Plugin.Payments.TamaraInStore.Services.Staff;
using Nop.Services.Orders;
using Nop.Web.Framework.Components;
using Nop.Web.Framework.Infrastructure;
using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.TamaraInStore.Components;

/// <summary>
/// Inside nopCommerce's partial refund popup form (zone admin_order_partially_refund_buttons; additionalData is the admin
/// OrderModel): the refund state the popup was opened on, posted back with the click
/// </summary>
public class TamaraInStoreRefundPopupViewComponent : NopViewComponent
{
    private readonly IOrderService _orderService;
    private readonly TamaraSessionService _sessionService;

    public TamaraInStoreRefundPopupViewComponent(IOrderService orderService, TamaraSessionService sessionService)
    {
        _orderService = orderService;
        _sessionService = sessionService;
    }

    public async Task<IViewComponentResult> InvokeAsync(string widgetZone, object additionalData)
    {
        if (widgetZone != AdminWidgetZones.OrderPartiallyRefundButtons || additionalData is not BaseNopEntityModel orderModel)
            return Content(string.Empty);

        var order = await _orderService.GetOrderByIdAsync(orderModel.Id);
        if (order is null || !TamaraStaffPolicy.IsTamaraOrder(order))
            return Content(string.Empty);

        var basis = TamaraRefundBasis.Of(await _sessionService.GetRefundsByOrderIdAsync(order.Id));
        return new HtmlContentViewComponentResult(new HtmlString(TamaraRefundBasis.HiddenField(order.Id, basis)));
    }
}
