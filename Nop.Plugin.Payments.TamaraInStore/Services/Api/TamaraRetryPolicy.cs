using System.Net.Http.Headers;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Api;

/// <summary>
/// When and how long to wait before repeating a call that may be repeated safely: exponential backoff with jitter,
/// or what Tamara asked for in Retry-After, both capped. The client decides which calls may be repeated at all.
/// </summary>
public class TamaraRetryPolicy
{
    public static TamaraRetryPolicy Default { get; } = new();

    /// <summary>Attempts in total, the first one included</summary>
    public int MaxAttempts { get; init; } = 3;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>No single wait is longer than this, whatever Retry-After says: staff are waiting at the till</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How a wait is done; tests replace it so that nothing sleeps</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = Task.Delay;

    /// <summary>A number in [0, 1) that spreads the waits of concurrent callers</summary>
    public Func<double> Jitter { get; init; } = Random.Shared.NextDouble;

    public bool ShouldRetry(int attemptsMade, TamaraApiException exception) =>
        attemptsMade < MaxAttempts && exception.IsTransient;

    /// <param name="attemptsMade">1 after the first failed attempt</param>
    public TimeSpan GetDelay(int attemptsMade, TimeSpan? retryAfter)
    {
        var exponential = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attemptsMade - 1));
        var withJitter = TimeSpan.FromMilliseconds(exponential * (0.5 + Math.Clamp(Jitter(), 0, 1) / 2));
        var delay = retryAfter is { } asked && asked > withJitter ? asked : withJitter;

        return delay > MaxDelay ? MaxDelay : delay;
    }

    /// <summary>Retry-After as seconds or as an HTTP date; null when absent or unreadable</summary>
    public static TimeSpan? ReadRetryAfter(HttpResponseHeaders headers, DateTimeOffset now)
    {
        var retryAfter = headers?.RetryAfter;
        if (retryAfter?.Delta is { } delta)
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;

        if (retryAfter?.Date is { } date)
            return date > now ? date - now : TimeSpan.Zero;

        return null;
    }
}
