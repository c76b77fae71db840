namespace Nop.Plugin.Payments.TamaraInStore.Domain;

/// <summary>
/// Where a Tamara session stands from the store's point of view
/// </summary>
public enum TamaraSessionState
{
    /// <summary>
    /// Recorded just before the create call; whether Tamara created the session is not known yet (the answer may be lost).
    /// The poller, a webhook or a retried checkout finds it at Tamara by its reference.
    /// </summary>
    Creating = 5,

    /// <summary>Created; the customer has not finished paying yet</summary>
    Pending = 10,

    /// <summary>Fully captured by Tamara and the order marked as paid</summary>
    Paid = 20,

    Declined = 30,

    Expired = 40,

    /// <summary>Voided by staff or canceled at Tamara</summary>
    Canceled = 50,

    /// <summary>Captured, but the amounts did not agree with the order: needs a person</summary>
    NeedsAttention = 60,

    /// <summary>Left "needs attention" by staff refunding everything Tamara captured; the nopCommerce order kept its payment status</summary>
    Refunded = 70,

    /// <summary>Tamara refused the session, or never created it: no payment link exists. Kept for the record.</summary>
    NotCreated = 80
}
