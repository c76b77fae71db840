using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Payments.TamaraInStore.Factories;
using Nop.Plugin.Payments.TamaraInStore.Services.Staff;
using Nop.Services.Orders;
using Nop.Web.Framework.Components;
using Nop.Web.Framework.Infrastructure;
using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.TamaraInStore.Components;

/// <summary>
/// The Tamara card inside the admin order edit form (zone admin_order_details_block; additionalData is the admin OrderModel)
/// </summary>
public class TamaraInStoreOrderBlockViewComponent : NopViewComponent
{
    private readonly IOrderService _orderService;
    private readonly TamaraOrderBlockModelFactory _modelFactory;
    private readonly TamaraStaffPolicy _policy;

    public TamaraInStoreOrderBlockViewComponent(IOrderService orderService,
        TamaraOrderBlockModelFactory modelFactory,
        TamaraStaffPolicy policy)
    {
        _orderService = orderService;
        _modelFactory = modelFactory;
        _policy = policy;
    }

    public async Task<IViewComponentResult> InvokeAsync(string widgetZone, object additionalData)
    {
        if (widgetZone != AdminWidgetZones.OrderDetailsBlock || additionalData is not BaseNopEntityModel orderModel)
            return Content(string.Empty);

        if (!await _policy.MaySeeAsync())
            return Content(string.Empty);

        var order = await _orderService.GetOrderByIdAsync(orderModel.Id);
        if (order is null || order.Deleted || !TamaraStaffPolicy.IsTamaraOrder(order))
            return Content(string.Empty);

        var model = await _modelFactory.PrepareOrderBlockModelAsync(order);

        return View(TamaraInStoreDefaults.ViewPath("OrderBlock.cshtml"), model);
    }
}
