namespace Nop.Plugin.Payments.TamaraInStore.Localization;

public static partial class TamaraInStoreLocaleResources
{
    private static IEnumerable<LocaleResource> Refunds =>
    [
    ];
}
