namespace Nop.Plugin.Payments.TamaraInStore.Services.Operations;

/// <summary>
/// A session's state as the operations page shows and filters it: the session's own state, with paid sessions split by
/// what was refunded since
/// </summary>
public enum TamaraOperationsState
{
    Pending = 10,

    /// <summary>Paid, nothing refunded</summary>
    Paid = 20,

    PartlyRefunded = 25,

    /// <summary>Paid and refunded in full, or left "needs attention" by refunding Tamara's capture</summary>
    FullyRefunded = 28,

    Declined = 30,

    Expired = 40,

    Canceled = 50,

    NeedsAttention = 60,

    /// <summary>A filter, never a row's own state: sessions whose order a customer disputed at Tamara, whatever their state</summary>
    Disputed = 80
}
