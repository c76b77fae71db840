using Nop.Plugin.Payments.TamaraInStore.Domain;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Refunds;

/// <summary>
/// The outcome of matching Tamara's refunds to our rows, after the rows were saved
/// </summary>
/// <param name="InFlight">A refund from nopCommerce is being made right now: nothing was changed</param>
/// <param name="Match">What changed; null when in flight</param>
/// <param name="Rows">The order's refund rows after the changes, new rows included</param>
public record TamaraRefundReconciliation(bool InFlight, TamaraRefundMatch Match, IReadOnlyList<TamaraRefund> Rows)
{
    public static TamaraRefundReconciliation RefundInFlight { get; } = new(true, null, Array.Empty<TamaraRefund>());
}
