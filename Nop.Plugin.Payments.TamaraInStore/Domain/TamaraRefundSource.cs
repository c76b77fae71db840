namespace Nop.Plugin.Payments.TamaraInStore.Domain;

public enum TamaraRefundSource
{
    /// <summary>Started from the nopCommerce refund buttons</summary>
    NopCommerce = 10,

    /// <summary>Made outside nopCommerce (e.g. Tamara's partner portal) and picked up by the order sync</summary>
    Tamara = 20
}
