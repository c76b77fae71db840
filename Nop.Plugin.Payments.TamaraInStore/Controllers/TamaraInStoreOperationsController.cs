using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Payments.TamaraInStore.Factories;
using Nop.Plugin.Payments.TamaraInStore.Models.Operations;
using Nop.Plugin.Payments.TamaraInStore.Services.Reconciliation;
using Nop.Plugin.Payments.TamaraInStore.Services.Staff;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Payments.TamaraInStore.Controllers;

/// <summary>
/// Sales → Tamara operations: every Tamara session of every store, the day's and week's figures, the last reconciliation,
/// the CSV export and the order card's actions for one row or a selection. Seen with the right to view orders, acted on with
/// the right to edit them; never by vendors
/// </summary>
[AuthorizeAdmin]
[Area(AreaNames.ADMIN)]
[AutoValidateAntiforgeryToken]
public class TamaraInStoreOperationsController : BasePluginController
{
    private readonly ITamaraReconciliationService _reconciliationService;
    private readonly TamaraOperationsModelFactory _modelFactory;
    private readonly TamaraOrderActionService _actionService;
    private readonly TamaraStaffPolicy _policy;
    private readonly TimeProvider _timeProvider;

    public TamaraInStoreOperationsController(ITamaraReconciliationService reconciliationService,
        TamaraOperationsModelFactory modelFactory,
        TamaraOrderActionService actionService,
        TamaraStaffPolicy policy,
        TimeProvider timeProvider)
    {
        _policy = policy;
        _reconciliationService = reconciliationService;
        _modelFactory = modelFactory;
        _actionService = actionService;
        _timeProvider = timeProvider;
    }

    [HttpGet]
    [CheckPermission(StandardPermission.Orders.ORDERS_VIEW)]
    public async Task<IActionResult> List()
    {
        if (!await _policy.MaySeeAsync())
            return Forbid();

        var model = await _modelFactory.PrepareSearchModelAsync(new OperationsSearchModel());
        return View(TamaraInStoreDefaults.ViewPath("Operations.cshtml"), model);
    }

    [HttpPost]
    [CheckPermission(StandardPermission.Orders.ORDERS_VIEW)]
    public async Task<IActionResult> SessionList(OperationsSearchModel searchModel)
    {
        if (!await _policy.MaySeeAsync())
            return Forbid();

        return Json(await _modelFactory.PrepareListModelAsync(searchModel));
    }

    /// <summary>Every row the search panel matches (all pages)</summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Orders.ORDERS_VIEW)]
    public async Task<IActionResult> ExportCsv(OperationsSearchModel searchModel)
    {
        if (!await _policy.MaySeeAsync())
            return Forbid();

        var csv = await _modelFactory.PrepareCsvAsync(searchModel);
        var name = $"tamara-operations-{_timeProvider.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.csv";
        return File(csv, "text/csv; charset=utf-8", name);
    }

    /// <summary>One of the order card's actions on each selected order; answers what happened to each</summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE)]
    public async Task<IActionResult> Bulk(BulkActionModel model)
    {
        if (!Enum.TryParse<TamaraOrderAction>(model?.Action, ignoreCase: false, out var action) || !Enum.IsDefined(action))
            return BadRequest();

        var orderIds = (model.SelectedIds ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(id => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var orderId) ? orderId : 0)
            .ToList();

        var outcomes = await _actionService.RunForOrdersAsync(action, orderIds, HttpContext.RequestAborted);
        return Json(new { results = outcomes.Select(outcome => new { orderId = outcome.OrderId, success = outcome.Success, message = outcome.Message }) });
    }

    /// <summary>Runs reconciliation now and shows the page with its result</summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE)]
    public async Task<IActionResult> Reconcile()
    {
        if (!await _policy.MaySeeAsync())
            return Forbid();

        await _reconciliationService.RunAsync(HttpContext.RequestAborted);
        return RedirectToAction(nameof(List));
    }
}
