namespace TamaraSimulator;

/// <summary>Expires sessions whose lifetime has passed even when nobody reads them.</summary>
internal sealed class ExpirySweeper(SimulatorState state, SimulatorOptions options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Max(50, options.ExpirySweepIntervalMs)));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                state.SweepExpired();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
