namespace Nop.Plugin.Payments.TamaraInStore.Services.Sync;

public enum TamaraSyncOutcome
{
    /// <summary>No session of ours carries this Tamara order id; Tamara was not called</summary>
    UnknownOrder,

    /// <summary>Another sync of the same order held the lock for the whole wait; it reads fresh state itself</summary>
    Busy,

    /// <summary>Not paid yet; the session stays pending</summary>
    Waiting,

    /// <summary>This sync marked the nopCommerce order as paid</summary>
    Paid,

    /// <summary>The order had already been marked as paid; nothing changed</summary>
    AlreadyPaid,

    /// <summary>Tamara's capture does not agree with the order, or the order can no longer take it: a person must look</summary>
    NeedsAttention,

    /// <summary>Declined, expired or canceled (at Tamara or locally after the expiry)</summary>
    Closed,

    /// <summary>Tamara could not answer now (429, 5xx, timeout); the next check is backed off</summary>
    TamaraUnavailable,

    /// <summary>Tamara refused the read (e.g. 404, 401) or something else failed; logged</summary>
    Failed
}
