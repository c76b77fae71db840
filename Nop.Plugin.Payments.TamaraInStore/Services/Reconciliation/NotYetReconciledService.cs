namespace Nop.Plugin.Payments.TamaraInStore.Services.Reconciliation;

/// <summary>
/// Stands in until the reconciliation engine is part of the plugin: it never ran, and a run says it is not available
/// </summary>
public class NotYetReconciledService : ITamaraReconciliationService
{
    private readonly TimeProvider _timeProvider;

    public NotYetReconciledService(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
    }

    public Task<TamaraReconciliationReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        return Task.FromResult(new TamaraReconciliationReport { StartedOnUtc = now, FinishedOnUtc = now, Completed = false, Problem = "not available" });
    }

    public Task<TamaraReconciliationReport> GetLastReportAsync() => Task.FromResult<TamaraReconciliationReport>(null);
}
