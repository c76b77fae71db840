namespace Nop.Plugin.Payments.TamaraInStore.Services.Sync;

/// <summary>
/// When to ask Tamara again after a failed read. Exponential per session without a counter column:
/// the previous failure's wait (next check minus last check) is doubled.
/// </summary>
public static class TamaraSyncBackoff
{
    public static TimeSpan MaxDelay => TimeSpan.FromMinutes(2);

    /// <summary>A Retry-After is honoured even beyond <see cref="MaxDelay"/>, up to this sanity bound</summary>
    public static TimeSpan MaxRetryAfter => TimeSpan.FromMinutes(15);

    /// <param name="previousDelay">The wait chosen after the previous failure; null when the previous read succeeded</param>
    /// <param name="baseDelay">The normal poll interval</param>
    /// <param name="retryAfter">Tamara's Retry-After, if any</param>
    public static TimeSpan NextDelay(TimeSpan? previousDelay, TimeSpan baseDelay, TimeSpan? retryAfter)
    {
        var delay = previousDelay is { } previous && previous > TimeSpan.Zero ? previous * 2 : baseDelay;

        if (delay > MaxDelay)
            delay = MaxDelay;

        if (delay < baseDelay)
            delay = baseDelay;

        if (retryAfter is { } asked && asked > delay)
            delay = asked > MaxRetryAfter ? MaxRetryAfter : asked;

        return delay;
    }
}
