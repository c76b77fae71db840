using Microsoft.Extensions.Time.Testing;
using Nop.Core.Domain.ScheduleTasks;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Fakes;

/// <summary>
/// nopCommerce's TaskScheduler and ScheduleTaskRunner for one task, on a fake clock. At start-up the scheduler builds the
/// task's timer from the ScheduleTask row's Seconds and never reads it again (TaskScheduler.InitializeAsync); on every tick
/// the runner reads the row as it is now and skips the run while fewer than its Seconds have passed since the last start
/// (ScheduleTaskRunner.ExecuteAsync, ensureRunOncePerPeriod). Each run resolves a new task instance, as each run is a new
/// request scope.
/// </summary>
public class HostTaskScheduler
{
    private readonly Func<IScheduleTask> _createTask;
    private readonly TimeSpan _timerPeriod;
    private readonly FakeTimeProvider _time;
    private readonly ScheduleTask _row;

    /// <summary>nopCommerce starts: the timer period is fixed from here on</summary>
    public HostTaskScheduler(FakeTimeProvider time, ScheduleTask row, Func<IScheduleTask> createTask)
    {
        _time = time;
        _row = row;
        _createTask = createTask;
        _timerPeriod = TimeSpan.FromSeconds(row.Seconds);
    }

    public int Runs { get; private set; }

    public async Task RunForAsync(TimeSpan duration)
    {
        var end = _time.GetUtcNow() + duration;
        while (_time.GetUtcNow() + _timerPeriod <= end)
        {
            _time.Advance(_timerPeriod);
            await TickAsync();
        }
    }

    private async Task TickAsync()
    {
        var now = _time.GetUtcNow().UtcDateTime;
        if (!_row.Enabled)
            return;

        if (_row.LastStartUtc.HasValue && Math.Round((now - _row.LastStartUtc.Value).TotalSeconds, 0) < _row.Seconds)
            return;

        _row.LastStartUtc = now;
        await _createTask().ExecuteAsync();
        _row.LastEndUtc = _row.LastSuccessUtc = _time.GetUtcNow().UtcDateTime;
        Runs++;
    }
}
