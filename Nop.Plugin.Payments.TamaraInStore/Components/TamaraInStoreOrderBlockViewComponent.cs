using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Payments.TamaraInStore.Factories;
using Nop.Services.Orders;
using Nop.Services.Security;
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
    private readonly IPermissionService _permissionService;
    private readonly IWorkContext _workContext;
    private readonly TamaraOrderBlockModelFactory _modelFactory;

    public TamaraInStoreOrderBlockViewComponent(IOrderService orderService,
        IPermissionService permissionService,
        IWorkContext workContext,
        TamaraOrderBlockModelFactory modelFactory)
    {
        _orderService = orderService;
        _permissionService = permissionService;
        _workContext = workContext;
        _modelFactory = modelFactory;
    }

    public async Task<IViewComponentResult> InvokeAsync(string widgetZone, object additionalData)
    {
        if (widgetZone != AdminWidgetZones.OrderDetailsBlock || additionalData is not BaseNopEntityModel orderModel)
            return Content(string.Empty);

        if (!await _permissionService.AuthorizeAsync(StandardPermission.Orders.ORDERS_VIEW) || !await TamaraOrderBlockAccess.MaySeeAsync(_workContext))
            return Content(string.Empty);

        var order = await _orderService.GetOrderByIdAsync(orderModel.Id);
        if (order is null || order.Deleted
            || !string.Equals(order.PaymentMethodSystemName, TamaraInStoreDefaults.SystemName, StringComparison.OrdinalIgnoreCase))
            return Content(string.Empty);

        var model = await _modelFactory.PrepareOrderBlockModelAsync(order);

        return View(TamaraInStoreDefaults.ViewPath("OrderBlock.cshtml"), model);
    }
}
