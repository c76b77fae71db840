using Nop.Plugin.Payments.TamaraInStore.Domain;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Refunds;

/// <summary>
/// What Tamara's view of an order's refunds means for our refund rows
/// </summary>
public class TamaraRefundMatch
{
    /// <summary>Rows that were not known to have happened (requested, unknown, failed) and that Tamara shows as done</summary>
    public List<TamaraRefund> Confirmed { get; } = new();

    /// <summary>Rows already known as done that only gained Tamara's ids</summary>
    public List<TamaraRefund> Enriched { get; } = new();

    /// <summary>Refunds Tamara shows that no row records; new rows, not stored yet</summary>
    public List<TamaraRefund> MadeAtTamara { get; } = new();

    /// <summary>Requested or unknown rows that Tamara does not show</summary>
    public List<TamaraRefund> StillPending { get; } = new();

    public bool HasNewRefunds => Confirmed.Count > 0 || MadeAtTamara.Count > 0;
}
