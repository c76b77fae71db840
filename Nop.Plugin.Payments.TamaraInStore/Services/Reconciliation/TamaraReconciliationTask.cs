using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Reconciliation;

/// <summary>
/// Scheduled task, daily by default: reconciles the recent sessions of every store with Tamara
/// </summary>
public class TamaraReconciliationTask : IScheduleTask
{
    private readonly ITamaraReconciliationService _reconciliationService;

    public TamaraReconciliationTask(ITamaraReconciliationService reconciliationService)
    {
        _reconciliationService = reconciliationService;
    }

    public Task ExecuteAsync() => _reconciliationService.RunAsync();
}
