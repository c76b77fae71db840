using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Sync;

/// <summary>
/// A session closed here (expired by the plugin's own lifetime, voided without Tamara's confirmation, needing attention)
/// may still be paid at Tamara until Tamara's own expiry. It keeps being checked, at a slower cadence, until Tamara has
/// given a final word or that expiry plus a margin has passed, so a late payment is found even when its webhook is lost.
/// </summary>
public static class TamaraLateCheck
{
    private static readonly HashSet<string> _finalStatuses = new(StringComparer.OrdinalIgnoreCase)
    {
        TamaraOrderStatus.FullyCaptured, TamaraOrderStatus.PartiallyRefunded, TamaraOrderStatus.FullyRefunded,
        TamaraOrderStatus.Declined, TamaraOrderStatus.Expired, TamaraOrderStatus.Canceled
    };

    /// <summary>The last moment Tamara may still take a payment for the session, plus the margin</summary>
    public static DateTime WatchUntil(TamaraSession session)
    {
        var tamaraExpiry = session.CreatedOnUtc + TamaraInStoreDefaults.TamaraSessionLifetime;
        var until = session.ExpiresOnUtc > tamaraExpiry ? session.ExpiresOnUtc : tamaraExpiry;
        return until + TamaraInStoreDefaults.LateCheckMargin;
    }

    /// <summary>The next check of a closed session; null when there is nothing left to learn</summary>
    public static DateTime? Next(TamaraSession session, DateTime nowUtc)
    {
        if (session.State is TamaraSessionState.Pending or TamaraSessionState.Paid)
            return session.NextCheckOnUtc;

        if (_finalStatuses.Contains(session.TamaraStatus?.Trim() ?? string.Empty))
            return null;

        var until = WatchUntil(session);
        return nowUtc >= until ? null : nowUtc + TamaraInStoreDefaults.LateCheckInterval;
    }
}
