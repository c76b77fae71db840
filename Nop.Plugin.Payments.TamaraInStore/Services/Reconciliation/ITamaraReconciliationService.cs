namespace Nop.Plugin.Payments.TamaraInStore.Services.Reconciliation;

/// <summary>
/// Compares what Tamara says about recent sessions with what nopCommerce says about their orders
/// </summary>
public interface ITamaraReconciliationService
{
    /// <summary>Reconciles the sessions of every store created within the configured window, applies the safe fixes and keeps the report</summary>
    Task<TamaraReconciliationReport> RunAsync(CancellationToken cancellationToken = default);

    /// <summary>The report of the last run, or null when reconciliation never ran</summary>
    Task<TamaraReconciliationReport> GetLastReportAsync();
}
