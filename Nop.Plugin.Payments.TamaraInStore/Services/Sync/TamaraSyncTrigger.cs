namespace Nop.Plugin.Payments.TamaraInStore.Services.Sync;

/// <summary>
/// What made the plugin ask Tamara about an order
/// </summary>
public enum TamaraSyncTrigger
{
    Poll,
    Webhook,
    Staff
}
