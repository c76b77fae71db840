namespace Nop.Plugin.Payments.TamaraInStore.Services.Reconciliation;

/// <summary>
/// Why Tamara and nopCommerce disagree about one session. Each value has two resources:
/// Plugins.Payments.TamaraInStore.Reconciliation.Verdict.{name} (what is wrong) and
/// Plugins.Payments.TamaraInStore.Reconciliation.Action.{name} (what fixes it)
/// </summary>
public enum TamaraReconciliationVerdict
{
    /// <summary>Tamara captured the payment but the order is not paid: the sync missed it (fixed automatically)</summary>
    CapturedButNotPaid = 10,

    /// <summary>Tamara refunded more than nopCommerce shows: a refund in Tamara's portal the sync missed (fixed automatically)</summary>
    RefundedAtTamaraNotInStore = 20,

    /// <summary>nopCommerce shows more refunded than Tamara refunded</summary>
    RefundedInStoreNotAtTamara = 30,

    /// <summary>The order is cancelled but Tamara captured the payment</summary>
    CancelledButCaptured = 40,

    /// <summary>The order is paid but Tamara has not captured (declined, expired, cancelled or still waiting)</summary>
    PaidButNotCaptured = 50,

    /// <summary>Tamara captured an amount other than the order total</summary>
    AmountMismatch = 60,

    /// <summary>The session has no order in nopCommerce (deleted, or never placed) but Tamara captured</summary>
    CapturedWithoutOrder = 70,

    /// <summary>Tamara does not know the session's order id</summary>
    UnknownAtTamara = 80
}
