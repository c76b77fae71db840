namespace Nop.Plugin.Payments.TamaraInStore.Localization;

/// <summary>
/// Every string a person sees, in English and Arabic. Each area of the plugin keeps its strings in its own part of this class.
/// </summary>
public static partial class TamaraInStoreLocaleResources
{
    private static IEnumerable<LocaleResource> General =>
    [
        new("Plugins.Payments.TamaraInStore.PaymentMethodDescription",
            "Pay with Tamara: the customer receives a payment link by SMS and pays in instalments.",
            "ادفع مع تمارا: يصل العميل رابط الدفع برسالة نصية ويدفع على أقساط.")
    ];

    public static IReadOnlyList<LocaleResource> All { get; } =
        General.Concat(Configuration).Concat(Checkout).Concat(OrderSync).Concat(Refunds).Concat(NeedsAttention).Concat(Uninstall).Concat(Operations)
            .Concat(Reconciliation).Concat(Counter).Concat(Disputes).ToList();

    public static IDictionary<string, string> English() => All.ToDictionary(resource => resource.Key, resource => resource.English);

    public static IDictionary<string, string> Arabic() => All.ToDictionary(resource => resource.Key, resource => resource.Arabic);

    public static bool IsArabic(Nop.Core.Domain.Localization.Language language) =>
        language.LanguageCulture?.StartsWith("ar", StringComparison.OrdinalIgnoreCase) == true;
}
