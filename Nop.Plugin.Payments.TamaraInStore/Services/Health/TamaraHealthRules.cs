using Nop.Plugin.Payments.TamaraInStore.Domain;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Health;

/// <summary>The warnings a store's health rows call for at a moment</summary>
public static class TamaraHealthRules
{
    /// <summary>Payments the poller found in this window count towards "webhooks are being lost"</summary>
    public static TimeSpan LostWebhookWindow => TimeSpan.FromHours(1);

    /// <summary>A webhook a moment behind the poller is not lost</summary>
    public static TimeSpan LostWebhookGrace => TimeSpan.FromMinutes(2);

    public static TimeSpan UnreachableFor => TimeSpan.FromMinutes(5);

    public const int StalledIntervals = 3;

    /// <param name="store">The store's row; null when nothing was recorded yet</param>
    /// <param name="shared">Store 0's row (the poller); null when the poller never ran</param>
    /// <param name="pollInterval">The store's poll interval</param>
    /// <param name="writePeriod">How late a row may be written (the recorder's throttle): the poller is stalled only past this too</param>
    public static TamaraHealthWarningKind Evaluate(DateTime nowUtc, TamaraStoreHealth store, TamaraStoreHealth shared, TimeSpan pollInterval, TimeSpan writePeriod)
    {
        var warnings = TamaraHealthWarningKind.None;

        if (store?.PollFoundPaymentOnUtc is { } found
            && nowUtc - found <= LostWebhookWindow
            && nowUtc - found >= LostWebhookGrace
            && (store.LastWebhookOnUtc is not { } webhook || webhook < found))
            warnings |= TamaraHealthWarningKind.WebhooksLost;

        // a poller that never ran has nothing to compare with: the store was just installed
        if (shared?.LastPollOnUtc is { } polled && nowUtc - polled > StalledIntervals * pollInterval + writePeriod)
            warnings |= TamaraHealthWarningKind.PollerStalled;

        if (store?.TamaraUnreachableSinceUtc is { } since && nowUtc - since >= UnreachableFor)
            warnings |= TamaraHealthWarningKind.TamaraUnreachable;

        return warnings;
    }
}
