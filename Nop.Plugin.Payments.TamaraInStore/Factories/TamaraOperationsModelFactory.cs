using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Core;
using Nop.Plugin.Payments.TamaraInStore.Models.Operations;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Operations;
using Nop.Plugin.Payments.TamaraInStore.Services.Reconciliation;
using Nop.Plugin.Payments.TamaraInStore.Services.Staff;
using Nop.Services.Helpers;
using Nop.Services.Localization;
using Nop.Services.Stores;

namespace Nop.Plugin.Payments.TamaraInStore.Factories;

/// <summary>
/// Builds what the operations page shows: the search panel, a page of the grid, the figures, the last reconciliation and the export
/// </summary>
public class TamaraOperationsModelFactory
{
    private const string Prefix = "Plugins.Payments.TamaraInStore.Operations.";

    private readonly IDateTimeHelper _dateTimeHelper;
    private readonly ILocalizationService _localizationService;
    private readonly IStoreService _storeService;
    private readonly ITamaraReconciliationService _reconciliationService;
    private readonly TamaraOperationsFigures _figures;
    private readonly TamaraOperationsQuery _query;
    private readonly TamaraStaffPolicy _policy;
    private readonly TimeProvider _timeProvider;

    public TamaraOperationsModelFactory(IDateTimeHelper dateTimeHelper,
        ILocalizationService localizationService,
        IStoreService storeService,
        ITamaraReconciliationService reconciliationService,
        TamaraOperationsFigures figures,
        TamaraOperationsQuery query,
        TamaraStaffPolicy policy,
        TimeProvider timeProvider)
    {
        _dateTimeHelper = dateTimeHelper;
        _localizationService = localizationService;
        _storeService = storeService;
        _reconciliationService = reconciliationService;
        _figures = figures;
        _query = query;
        _policy = policy;
        _timeProvider = timeProvider;
    }

    public virtual async Task<OperationsSearchModel> PrepareSearchModelAsync(OperationsSearchModel model)
    {
        var stores = await _storeService.GetAllStoresAsync();
        model.ShowStoreColumn = stores.Count > 1;
        model.AvailableStores = stores.Select(store => new SelectListItem(store.Name, store.Id.ToString(CultureInfo.InvariantCulture))).ToList();
        model.AvailableStores.Insert(0, new SelectListItem(await _localizationService.GetResourceAsync("Admin.Common.All"), "0"));

        model.AvailableStates = new List<SelectListItem> { new(await _localizationService.GetResourceAsync("Admin.Common.All"), "0") };
        foreach (var state in Enum.GetValues<TamaraOperationsState>())
            model.AvailableStates.Add(new SelectListItem(await StateTextAsync(state), ((int)state).ToString(CultureInfo.InvariantCulture)));

        model.NeedsAttentionCount = await _query.CountNeedingAttentionAsync();

        var zone = await _dateTimeHelper.GetCurrentTimeZoneAsync();
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var storeNames = stores.ToDictionary(store => store.Id, store => store.Name);
        model.Today = await PrepareFiguresAsync(TamaraFiguresPeriod.Today(now, zone), storeNames);
        model.ThisWeek = await PrepareFiguresAsync(TamaraFiguresPeriod.ThisWeek(now, zone), storeNames);

        model.LastReconciliation = await _reconciliationService.GetLastReportAsync();
        model.Findings = await PrepareFindingsAsync(model.LastReconciliation);

        model.SetGridPageSize();
        return model;
    }

    public virtual async Task<OperationsListModel> PrepareListModelAsync(OperationsSearchModel searchModel)
    {
        var page = await _query.SearchAsync(await ToFilterAsync(searchModel), searchModel.Page - 1, searchModel.PageSize);
        var storeNames = (await _storeService.GetAllStoresAsync()).ToDictionary(store => store.Id, store => store.Name);

        var mayAct = await _policy.MayActAsync();

        var rows = new List<OperationsRowModel>();
        foreach (var row in page)
        {
            var model = await PrepareRowAsync(row, storeNames);
            // the actions act on the order's newest session, so only its row offers them
            if (mayAct && row.OrderId > 0 && !row.OrderDeleted && row.IsNewestOfOrder)
                model.Actions = TamaraStaffPolicy.AllowedActions(TamaraStaffSituation.Of(row)).Select(action => action.ToString()).ToList();
            rows.Add(model);
        }

        return new OperationsListModel
        {
            Data = rows,
            Draw = searchModel.Draw,
            RecordsTotal = page.TotalCount,
            RecordsFiltered = page.TotalCount
        };
    }

    /// <summary>Every row the search panel matches, as CSV</summary>
    public virtual async Task<byte[]> PrepareCsvAsync(OperationsSearchModel searchModel)
    {
        var rows = await _query.SearchAllAsync(await ToFilterAsync(searchModel));
        var storeNames = (await _storeService.GetAllStoresAsync()).ToDictionary(store => store.Id, store => store.Name);

        var header = new List<string>();
        foreach (var column in new[] { "OrderNumber", "Store", "CreatedOn", "Phone", "Amount", "Currency", "TamaraOrderId", "TamaraStatus", "State", "PaidOn", "Captured", "Refunded", "LastError" })
            header.Add(await _localizationService.GetResourceAsync(Prefix + "Column." + column));

        var lines = new List<IReadOnlyList<string>> { header };
        foreach (var row in rows)
        {
            lines.Add([
                OrderNumber(row),
                storeNames.GetValueOrDefault(row.StoreId) ?? row.StoreId.ToString(CultureInfo.InvariantCulture),
                (await _dateTimeHelper.ConvertToUserTimeAsync(row.CreatedOnUtc, DateTimeKind.Utc)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                SensitiveDataMasker.MaskPhone(row.PhoneNumber),
                TamaraCsv.Number(row.Amount),
                row.CurrencyCode,
                row.TamaraOrderId,
                row.TamaraStatus,
                await StateTextAsync(row.State),
                row.PaidOnUtc.HasValue
                    ? (await _dateTimeHelper.ConvertToUserTimeAsync(row.PaidOnUtc.Value, DateTimeKind.Utc)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
                    : string.Empty,
                TamaraCsv.Number(row.CapturedAmount),
                TamaraCsv.Number(row.RefundedAmount),
                row.LastError
            ]);
        }

        return TamaraCsv.Write(lines);
    }

    public virtual Task<string> StateTextAsync(TamaraOperationsState state) => _localizationService.GetResourceAsync(Prefix + "State." + state);

    private async Task<OperationsRowModel> PrepareRowAsync(TamaraOperationsRow row, IReadOnlyDictionary<int, string> storeNames)
    {
        var state = row.State;
        string timeLeftOrPaid;
        if (state == TamaraOperationsState.Pending)
            timeLeftOrPaid = await TamaraOrderBlockModelFactory.FormatTimeLeftAsync(_localizationService, row.ExpiresOnUtc - _timeProvider.GetUtcNow().UtcDateTime);
        else if (row.PaidOnUtc.HasValue)
            // the Gregorian calendar in every language, as the created column (ar-SA's own calendar is Hijri)
            timeLeftOrPaid = (await _dateTimeHelper.ConvertToUserTimeAsync(row.PaidOnUtc.Value, DateTimeKind.Utc)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        else
            timeLeftOrPaid = string.Empty;

        return new OperationsRowModel
        {
            SessionId = row.SessionId,
            OrderId = row.OrderId,
            OrderNumber = OrderNumber(row),
            StoreName = storeNames.GetValueOrDefault(row.StoreId),
            CreatedOn = await _dateTimeHelper.ConvertToUserTimeAsync(row.CreatedOnUtc, DateTimeKind.Utc),
            Phone = SensitiveDataMasker.MaskPhone(row.PhoneNumber),
            Amount = TamaraMoneyRounding.Format(row.Amount, row.CurrencyCode),
            TamaraStatus = row.TamaraStatus,
            StateKey = state.ToString(),
            State = await StateTextAsync(state),
            TimeLeftOrPaid = timeLeftOrPaid,
            Captured = TamaraMoneyRounding.Format(row.CapturedAmount, row.CurrencyCode),
            Refunded = TamaraMoneyRounding.Format(row.RefundedAmount, row.CurrencyCode),
            LastError = row.LastError
        };
    }

    private static string OrderNumber(TamaraOperationsRow row) =>
        !string.IsNullOrEmpty(row.CustomOrderNumber) ? row.CustomOrderNumber : row.OrderId > 0 ? row.OrderId.ToString(CultureInfo.InvariantCulture) : string.Empty;

    private async Task<TamaraOperationsFilter> ToFilterAsync(OperationsSearchModel model)
    {
        var zone = await _dateTimeHelper.GetCurrentTimeZoneAsync();
        return new TamaraOperationsFilter
        {
            StoreId = model.StoreId,
            State = Enum.IsDefined(typeof(TamaraOperationsState), model.StateId) ? (TamaraOperationsState)model.StateId : null,
            CreatedFromUtc = model.CreatedFrom.HasValue ? _dateTimeHelper.ConvertToUtcTime(model.CreatedFrom.Value.Date, zone) : null,
            // the whole last day
            CreatedToUtc = model.CreatedTo.HasValue ? _dateTimeHelper.ConvertToUtcTime(model.CreatedTo.Value.Date.AddDays(1), zone) : null,
            Search = model.SearchText
        };
    }

    private async Task<IList<OperationsFiguresModel>> PrepareFiguresAsync(TamaraFiguresPeriod period, IReadOnlyDictionary<int, string> storeNames)
    {
        var figures = await _figures.GetFiguresAsync(period);
        var noValue = "-";
        var result = new List<OperationsFiguresModel>();
        foreach (var store in figures)
        {
            result.Add(new OperationsFiguresModel
            {
                StoreName = storeNames.GetValueOrDefault(store.StoreId) ?? store.StoreId.ToString(CultureInfo.InvariantCulture),
                LinksSent = store.LinksSent,
                Paid = store.Paid,
                Conversion = store.Conversion.HasValue ? (store.Conversion.Value * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : noValue,
                MedianTimeToPay = store.MedianTimeToPay.HasValue
                    ? string.Format(await _localizationService.GetResourceAsync(Prefix + "Figures.Duration"),
                        (int)store.MedianTimeToPay.Value.TotalMinutes, store.MedianTimeToPay.Value.Seconds)
                    : noValue,
                Refunds = store.Refunds.Select(refund => $"{refund.Count} × {TamaraMoneyRounding.Format(refund.Amount, refund.CurrencyCode)}").ToList()
            });
        }

        return result;
    }

    private async Task<IList<ReconciliationFindingModel>> PrepareFindingsAsync(TamaraReconciliationReport report)
    {
        var findings = new List<ReconciliationFindingModel>();
        foreach (var finding in report?.Findings ?? [])
        {
            findings.Add(new ReconciliationFindingModel
            {
                OrderId = finding.OrderId,
                OrderNumber = !string.IsNullOrEmpty(finding.CustomOrderNumber) ? finding.CustomOrderNumber
                    : finding.OrderId > 0 ? finding.OrderId.ToString(CultureInfo.InvariantCulture) : string.Empty,
                TamaraOrderId = finding.TamaraOrderId,
                Verdict = await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Reconciliation.Verdict." + finding.Verdict),
                Detail = finding.Detail,
                Action = await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Reconciliation.Action." + finding.Verdict),
                Fixed = finding.Fixed
            });
        }

        return findings;
    }
}
