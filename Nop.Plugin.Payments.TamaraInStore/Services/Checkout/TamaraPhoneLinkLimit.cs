namespace Nop.Plugin.Payments.TamaraInStore.Services.Checkout;

/// <summary>
/// How many payment links (new Tamara sessions, each one an SMS) one phone number may receive in a period: it keeps anyone,
/// staff included, from flooding a phone through the store's Tamara account
/// </summary>
public static class TamaraPhoneLinkLimit
{
    /// <summary>The store's limit; the default where it was never saved</summary>
    public static int MaxLinks(TamaraInStoreSettings settings) =>
        settings.MaxLinksPerPhone > 0 ? settings.MaxLinksPerPhone : TamaraInStoreDefaults.DefaultMaxLinksPerPhone;

    public static int WindowMinutes(TamaraInStoreSettings settings) =>
        settings.LinksPerPhoneWindowMinutes > 0 ? settings.LinksPerPhoneWindowMinutes : TamaraInStoreDefaults.DefaultLinksPerPhoneWindowMinutes;
}
