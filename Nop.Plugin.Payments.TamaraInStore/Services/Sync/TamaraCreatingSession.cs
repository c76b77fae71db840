using System.Net;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Sync;

/// <summary>
/// A session recorded before its create call (<see cref="TamaraSessionState.Creating"/>): taking over what Tamara holds for
/// its reference, or closing it as never created
/// </summary>
public static class TamaraCreatingSession
{
    private static readonly string[] _closedStatuses = [TamaraOrderStatus.Declined, TamaraOrderStatus.Expired, TamaraOrderStatus.Canceled];

    /// <summary>Tamara's order for the reference exists but can no longer be paid</summary>
    public static bool IsClosed(TamaraOrder order) =>
        _closedStatuses.Contains(order?.Status?.Trim() ?? string.Empty, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A refusal that says the reference is taken (409, or an error naming the reference as existing): Tamara holds a
    /// session for it already, which is looked up instead of treated as refused
    /// </summary>
    public static bool SaysReferenceExists(TamaraApiException exception)
    {
        if (exception.StatusCode == HttpStatusCode.Conflict)
            return true;

        if (exception.StatusCode is not { } code || (int)code is < 400 or >= 500)
            return false;

        var texts = exception.ErrorCodes.Append(exception.Message ?? string.Empty);
        return texts.Any(text => text.Contains("reference", StringComparison.OrdinalIgnoreCase)
            && (text.Contains("exist", StringComparison.OrdinalIgnoreCase) || text.Contains("duplicate", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>
    /// Takes over Tamara's ids for the session. The order details carry no payment link; the checkout id only where Tamara
    /// adds it. A closed order closes the session.
    /// </summary>
    public static void Adopt(TamaraSession session, TamaraOrder order, DateTime nowUtc)
    {
        session.TamaraOrderId = order.OrderId;
        if (!string.IsNullOrEmpty(order.CheckoutId))
            session.CheckoutId = order.CheckoutId;
        session.TamaraStatus = string.IsNullOrEmpty(order.Status) ? TamaraOrderStatus.New : order.Status;
        session.LastError = null;
        session.LastCheckedOnUtc = nowUtc;

        if (IsClosed(order))
        {
            session.State = order.Status.Trim().ToLowerInvariant() switch
            {
                TamaraOrderStatus.Declined => TamaraSessionState.Declined,
                TamaraOrderStatus.Expired => TamaraSessionState.Expired,
                _ => TamaraSessionState.Canceled
            };
            session.ClosedOnUtc = nowUtc;
            session.NextCheckOnUtc = null;
            return;
        }

        session.State = TamaraSessionState.Pending;
        session.NextCheckOnUtc = nowUtc;
    }

    /// <summary>Tamara refused the session, or has no session for its reference long after the call: no link exists</summary>
    public static void CloseAsNotCreated(TamaraSession session, string reason, DateTime nowUtc)
    {
        session.State = TamaraSessionState.NotCreated;
        session.ClosedOnUtc = nowUtc;
        session.NextCheckOnUtc = null;
        session.LastError = reason.Length > 1024 ? reason[..1024] : reason;
    }
}
