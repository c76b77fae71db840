namespace Nop.Plugin.Payments.TamaraInStore.Services;

/// <summary>
/// The one place where what Tamara says about an order changes the nopCommerce order. The poller and the webhook both call it.
/// </summary>
public class TamaraOrderSyncService
{
}
