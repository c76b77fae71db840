using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Nop.Data;
using Nop.Plugin.Payments.TamaraInStore.Domain;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Reconciliation;

/// <summary>
/// Keeps the report of the last reconciliation run, for every store, in the plugin's own table (one row)
/// </summary>
public class TamaraReconciliationReportStore
{
    private static readonly JsonSerializerSettings _json = new()
    {
        Converters = { new StringEnumConverter() },
        DateTimeZoneHandling = DateTimeZoneHandling.Utc
    };

    private readonly IRepository<TamaraReconciliationRun> _runRepository;

    public TamaraReconciliationReportStore(IRepository<TamaraReconciliationRun> runRepository)
    {
        _runRepository = runRepository;
    }

    public virtual async Task<TamaraReconciliationReport> GetLastAsync()
    {
        var run = await _runRepository.Table
            .OrderByDescending(row => row.Id)
            .FirstOrDefaultAsync();

        return run is null ? null : JsonConvert.DeserializeObject<TamaraReconciliationReport>(run.ReportJson, _json);
    }

    /// <summary>Saves the report and forgets the earlier ones</summary>
    public virtual async Task SaveAsync(TamaraReconciliationReport report)
    {
        var run = new TamaraReconciliationRun
        {
            StartedOnUtc = report.StartedOnUtc,
            FinishedOnUtc = report.FinishedOnUtc,
            ReportJson = JsonConvert.SerializeObject(report, _json)
        };
        await _runRepository.InsertAsync(run, false);
        await _runRepository.DeleteAsync(row => row.Id < run.Id);
    }
}
