namespace Nop.Plugin.Payments.TamaraInStore.Services.Sync;

/// <summary>
/// What made the plugin ask Tamara about an order
/// </summary>
public enum TamaraSyncTrigger
{
    Poll,
    Webhook,
    Staff,

    /// <summary>The reconciliation with Tamara found a capture or a portal refund the other triggers missed; it never writes to Tamara</summary>
    Reconciliation
}
