using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Counter;

public enum TamaraCounterPreCheckOutcome
{
    /// <summary>Tamara offers at least one plan</summary>
    Offered,
    /// <summary>Tamara offers no plan: nothing is sent</summary>
    Refused,
    /// <summary>Tamara did not answer in time or failed: the sale goes on as without the check</summary>
    Skipped
}

/// <summary>What the pre-check found, with the plans in both of Tamara's languages</summary>
public sealed record TamaraCounterPreCheckResult(TamaraCounterPreCheckOutcome Outcome, IList<TamaraPaymentLabel> Plans, string Detail)
{
    public static TamaraCounterPreCheckResult Offered(IList<TamaraPaymentLabel> plans) => new(TamaraCounterPreCheckOutcome.Offered, plans, null);

    public static TamaraCounterPreCheckResult Refused(IList<TamaraPaymentLabel> plans) => new(TamaraCounterPreCheckOutcome.Refused, plans, null);

    public static TamaraCounterPreCheckResult Skipped(string detail) => new(TamaraCounterPreCheckOutcome.Skipped, [], detail);

    public bool MaySend => Outcome != TamaraCounterPreCheckOutcome.Refused;
}
