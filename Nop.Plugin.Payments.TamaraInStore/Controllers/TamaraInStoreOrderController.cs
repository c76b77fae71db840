using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Payments.TamaraInStore.Factories;
using Nop.Plugin.Payments.TamaraInStore.Services.Staff;
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
    private readonly IOrderService _orderService;
    private readonly TamaraOrderActionService _actionService;
    private readonly TamaraOrderBlockModelFactory _modelFactory;
    private readonly TamaraStaffPolicy _policy;

    public TamaraInStoreOrderController(IOrderService orderService,
        TamaraOrderActionService actionService,
        TamaraOrderBlockModelFactory modelFactory,
        TamaraStaffPolicy policy)
    {
        _orderService = orderService;
        _actionService = actionService;
        _modelFactory = modelFactory;
        _policy = policy;
    }

    /// <summary>The card's content, to refresh it after an action</summary>
    [HttpGet]
    [CheckPermission(StandardPermission.Orders.ORDERS_VIEW)]
    public async Task<IActionResult> OrderBlock(int orderId)
    {
        if (!await _policy.MaySeeAsync())
            return Forbid();

        var order = await _orderService.GetOrderByIdAsync(orderId);
        if (order is null || order.Deleted || !TamaraStaffPolicy.IsTamaraOrder(order))
            return NotFound();

        var model = await _modelFactory.PrepareOrderBlockModelAsync(order);
        return PartialView(TamaraInStoreDefaults.ViewPath("_OrderBlock.Content.cshtml"), model);
    }

    [HttpPost]
    [CheckPermission(StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE)]
    public Task<IActionResult> CheckNow(int orderId) => RunAsync(TamaraOrderAction.CheckNow, orderId);

    [HttpPost]
    [CheckPermission(StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE)]
    public Task<IActionResult> VoidSession(int orderId) => RunAsync(TamaraOrderAction.Void, orderId);

    [HttpPost]
    [CheckPermission(StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE)]
    public Task<IActionResult> SendNewLink(int orderId) => RunAsync(TamaraOrderAction.SendNewLink, orderId);

    /// <summary>Refunds at Tamara a payment taken for an order already paid by other means</summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE)]
    public Task<IActionResult> RefundDoublePayment(int orderId) => RunAsync(TamaraOrderAction.RefundDoublePayment, orderId);

    /// <summary>Needs attention, way out 1: Tamara's capture becomes the order's payment</summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE)]
    public Task<IActionResult> AcceptCapture(int orderId) => RunAsync(TamaraOrderAction.AcceptCapture, orderId);

    /// <summary>Needs attention, way out 2: Tamara's capture is refunded in full at Tamara</summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE)]
    public Task<IActionResult> RefundCapture(int orderId) => RunAsync(TamaraOrderAction.RefundCapture, orderId);

    private async Task<IActionResult> RunAsync(TamaraOrderAction action, int orderId)
    {
        var outcome = await _actionService.RunAsync(action, orderId, HttpContext.RequestAborted);
        return Json(new { success = outcome.Success, message = outcome.Message, reloadPage = outcome.ReloadPage });
    }
}
