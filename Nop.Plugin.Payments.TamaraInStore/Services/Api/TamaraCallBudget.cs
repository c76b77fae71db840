namespace Nop.Plugin.Payments.TamaraInStore.Services.Api;

/// <summary>
/// How long one Tamara call may take at most, so that it never outlives what guards it: the order's lock
/// (<see cref="TamaraInStoreDefaults.OrderLockExpiration"/>) and the time a refund without an answer is waited for
/// (<see cref="TamaraInStoreDefaults.UnconfirmedRefundGracePeriod"/>)
/// </summary>
public static class TamaraCallBudget
{
    /// <summary>The shorter of the two periods a call must end within</summary>
    public static TimeSpan Guard =>
        TamaraInStoreDefaults.OrderLockExpiration < TamaraInStoreDefaults.UnconfirmedRefundGracePeriod
            ? TamaraInStoreDefaults.OrderLockExpiration
            : TamaraInStoreDefaults.UnconfirmedRefundGracePeriod;

    /// <summary>
    /// The longest request timeout whose worst case (every attempt of a repeated read timing out, with the longest
    /// waits in between) still ends before <see cref="Guard"/>
    /// </summary>
    public static int MaxRequestTimeoutSeconds => MaxTimeoutSeconds(TamaraRetryPolicy.Default);

    public static int MaxTimeoutSeconds(TamaraRetryPolicy policy)
    {
        var waits = policy.MaxDelay * Math.Max(0, policy.MaxAttempts - 1);
        var forAttempts = Guard - waits - TimeSpan.FromSeconds(1);
        return Math.Max(1, (int)Math.Floor(forAttempts.TotalSeconds / Math.Max(1, policy.MaxAttempts)));
    }

    /// <summary>Longest time one call may take with <paramref name="timeoutSeconds"/> per attempt</summary>
    public static TimeSpan WorstCase(int timeoutSeconds, TamaraRetryPolicy policy) =>
        TimeSpan.FromSeconds(timeoutSeconds) * policy.MaxAttempts + policy.MaxDelay * Math.Max(0, policy.MaxAttempts - 1);

    /// <summary>The configured timeout, or the default when unset, never above <see cref="MaxTimeoutSeconds"/></summary>
    public static int EffectiveTimeoutSeconds(TamaraInStoreSettings settings, TamaraRetryPolicy policy)
    {
        var configured = settings.RequestTimeoutSeconds > 0 ? settings.RequestTimeoutSeconds : TamaraInStoreDefaults.DefaultRequestTimeoutSeconds;
        return Math.Min(configured, MaxTimeoutSeconds(policy));
    }
}
