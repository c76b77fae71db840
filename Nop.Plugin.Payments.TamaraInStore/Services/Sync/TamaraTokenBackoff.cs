namespace Nop.Plugin.Payments.TamaraInStore.Services.Sync;

/// <summary>
/// One pause per Tamara API token, shared by every worker of the scheduled check and kept between runs: when Tamara answers
/// 429 or 5xx, nothing is sent with that token until the pause ends. Tokens are only keys here, never logged.
/// </summary>
public class TamaraTokenBackoff
{
    private readonly object _lock = new();
    private readonly Dictionary<string, Pause> _pauses = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;

    public TamaraTokenBackoff(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
    }

    /// <summary>How long sending with this token must still wait; zero when it may send</summary>
    public TimeSpan RemainingPause(string apiToken)
    {
        lock (_lock)
        {
            if (!_pauses.TryGetValue(apiToken, out var pause))
                return TimeSpan.Zero;

            var remaining = pause.Until - _timeProvider.GetUtcNow();
            return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
        }
    }

    /// <summary>
    /// Tamara could not serve this token: pause it for its Retry-After when it gave one, otherwise for the poller's usual
    /// backoff (the poll interval, doubled after each pause that ended in another failure, up to two minutes). When Tamara
    /// could not be reached at all the pause stays one interval: nothing is sent meanwhile anyway, and a grown pause would
    /// find the payments made during an outage minutes after Tamara is back
    /// </summary>
    /// <returns>The pause now in force</returns>
    public TimeSpan PauseAfterFailure(string apiToken, TimeSpan pollInterval, TimeSpan? retryAfter, bool unreachable = false)
    {
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow();
            _pauses.TryGetValue(apiToken, out var current);

            // reads already in flight when the pause began fail too: they may lengthen it but do not double it
            var stillPaused = current is not null && current.Until > now;
            var delay = retryAfter is { } asked && asked > TimeSpan.Zero
                ? (asked > TamaraSyncBackoff.MaxRetryAfter ? TamaraSyncBackoff.MaxRetryAfter : asked)
                : TamaraSyncBackoff.NextDelay(stillPaused || unreachable ? null : current?.Delay, pollInterval, null);

            var until = now + delay;
            if (stillPaused && current.Until > until)
                until = current.Until;

            _pauses[apiToken] = new Pause(until, stillPaused ? current.Delay : delay);
            return until - now;
        }
    }

    /// <summary>Tamara answered for this token: the next failure starts from the poll interval again</summary>
    public void Succeeded(string apiToken)
    {
        lock (_lock)
        {
            if (_pauses.TryGetValue(apiToken, out var pause) && pause.Until <= _timeProvider.GetUtcNow())
                _pauses.Remove(apiToken);
        }
    }

    private sealed record Pause(DateTimeOffset Until, TimeSpan Delay);
}
