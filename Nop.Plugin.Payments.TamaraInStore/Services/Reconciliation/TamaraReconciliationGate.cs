namespace Nop.Plugin.Payments.TamaraInStore.Services.Reconciliation;

/// <summary>
/// Shared by the workers of one run: the time budget, the pace of the reads (a few a second, slowed down each time Tamara
/// answers 429/5xx), the pause Tamara asked for (Retry-After), so that no worker sends anything while another was told to
/// wait, and the fixes, made one at a time
/// </summary>
public class TamaraReconciliationGate
{
    private readonly object _lock = new();
    private readonly SemaphoreSlim _fixes = new(1, 1);
    private readonly DateTimeOffset _deadline;
    private readonly TimeProvider _timeProvider;
    private DateTimeOffset _pausedUntil;
    private DateTimeOffset _nextRead;
    private double _readsPerSecond;

    /// <param name="readsPerSecond">The most reads started in a second; 0 for no limit</param>
    public TamaraReconciliationGate(TimeProvider timeProvider, TimeSpan budget, double readsPerSecond = 0)
    {
        _timeProvider = timeProvider;
        _deadline = timeProvider.GetUtcNow() + budget;
        _readsPerSecond = readsPerSecond;
    }

    /// <summary>The pace reads start at now: the run's, halved after each 429/5xx</summary>
    public double ReadsPerSecond
    {
        get
        {
            lock (_lock)
                return _readsPerSecond;
        }
    }

    /// <summary>Whether the run stopped because a pause Tamara asked for would outlast the budget</summary>
    public bool StoppedByPause { get; private set; }

    /// <summary>The longest wait Tamara asked for in this run</summary>
    public TimeSpan LongestPause { get; private set; }

    public void Pause(TimeSpan? retryAfter)
    {
        var wait = retryAfter is { } asked && asked > TimeSpan.Zero ? asked : TamaraInStoreDefaults.Reconciliation.DefaultPause;
        lock (_lock)
        {
            var until = _timeProvider.GetUtcNow() + wait;
            if (until > _pausedUntil)
                _pausedUntil = until;
            if (wait > LongestPause)
                LongestPause = wait;
            if (_readsPerSecond > 0)
                _readsPerSecond = Math.Max(TamaraInStoreDefaults.Reconciliation.SlowestReadsPerSecond, _readsPerSecond / 2);
        }
    }

    /// <summary>
    /// Waits for this read's turn at the run's pace, then out any pause; false when the run must stop (its turn comes after
    /// the budget)
    /// </summary>
    public async Task<bool> WaitForReadAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset turn;
        var now = _timeProvider.GetUtcNow();
        lock (_lock)
        {
            turn = _nextRead > now ? _nextRead : now;
            if (_readsPerSecond > 0)
                _nextRead = turn + TimeSpan.FromSeconds(1 / _readsPerSecond);
        }

        if (turn >= _deadline)
            return false;
        if (turn > now)
            await Task.Delay(turn - now, _timeProvider, cancellationToken);

        return await WaitForTurnAsync(cancellationToken);
    }

    /// <summary>
    /// Runs a fix alone: marking an order paid or refunding it publishes nopCommerce events, whose consumers the host resolves
    /// from the request's scope (EngineContext, HttpContext.RequestServices), shared by every worker
    /// </summary>
    public async Task<T> OneFixAtATimeAsync<T>(Func<Task<T>> fix, CancellationToken cancellationToken)
    {
        await _fixes.WaitAsync(cancellationToken);
        try
        {
            return await fix();
        }
        finally
        {
            _fixes.Release();
        }
    }

    /// <summary>Waits out a pause; false when the run must stop (budget spent, or the pause would outlast it)</summary>
    public async Task<bool> WaitForTurnAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            DateTimeOffset until;
            lock (_lock)
                until = _pausedUntil;

            var now = _timeProvider.GetUtcNow();
            if (now >= _deadline)
                return false;

            if (until <= now)
                return true;

            if (until >= _deadline)
            {
                StoppedByPause = true;
                return false;
            }

            await Task.Delay(until - now, _timeProvider, cancellationToken);
        }
    }
}
