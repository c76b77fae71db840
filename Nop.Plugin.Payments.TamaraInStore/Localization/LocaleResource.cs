namespace Nop.Plugin.Payments.TamaraInStore.Localization;

/// <summary>
/// A resource string in both languages the plugin ships
/// </summary>
public record LocaleResource(string Key, string English, string Arabic);
