using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Sync;

/// <summary>
/// A payment link the customer may still pay: Tamara's last word on it is not final, whatever the session's state here
/// (a link expired here whose void failed is still payable at Tamara)
/// </summary>
public static class TamaraLiveLink
{
    public static bool IsLive(TamaraSession session) =>
        session is not null && !string.IsNullOrEmpty(session.TamaraOrderId) && !string.IsNullOrEmpty(session.CheckoutId)
        && session.State is not (TamaraSessionState.Paid or TamaraSessionState.NeedsAttention or TamaraSessionState.Refunded)
        && !TamaraOrderStatus.IsFinal(session.TamaraStatus);
}
