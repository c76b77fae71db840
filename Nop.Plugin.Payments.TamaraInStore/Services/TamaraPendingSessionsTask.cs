using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Payments.TamaraInStore.Services;

/// <summary>
/// Scheduled task: asks Tamara about every pending session
/// </summary>
public class TamaraPendingSessionsTask : IScheduleTask
{
    public Task ExecuteAsync() => throw new NotImplementedException();
}
