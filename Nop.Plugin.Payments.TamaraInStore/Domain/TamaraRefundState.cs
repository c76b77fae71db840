namespace Nop.Plugin.Payments.TamaraInStore.Domain;

public enum TamaraRefundState
{
    /// <summary>Recorded before the call to Tamara; the outcome is not known yet</summary>
    Requested = 10,

    Succeeded = 20,

    /// <summary>Tamara refused it; nothing was refunded</summary>
    Failed = 30,

    /// <summary>The call ended without a clear answer (timeout, 5xx); reconcile with Tamara before trying again</summary>
    Unknown = 40
}
