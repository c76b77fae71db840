using Nop.Core.Domain.Localization;
using Nop.Core.Events;
using Nop.Plugin.Payments.TamaraInStore.Localization;
using Nop.Services.Events;
using Nop.Services.Localization;

namespace Nop.Plugin.Payments.TamaraInStore.Services;

/// <summary>
/// A language added after the plugin was installed gets the plugin's texts too: Arabic for an Arabic language, English
/// for any other (nopCommerce creates a new language with no texts at all)
/// </summary>
public class LanguageEventConsumer : IConsumer<EntityInsertedEvent<Language>>
{
    private readonly ILocalizationService _localizationService;

    public LanguageEventConsumer(ILocalizationService localizationService)
    {
        _localizationService = localizationService;
    }

    public async Task HandleEventAsync(EntityInsertedEvent<Language> eventMessage)
    {
        var language = eventMessage?.Entity;
        if (language is null)
            return;

        var texts = TamaraInStoreLocaleResources.IsArabic(language)
            ? TamaraInStoreLocaleResources.Arabic()
            : TamaraInStoreLocaleResources.English();
        await _localizationService.AddOrUpdateLocaleResourceAsync(texts, language.Id);
    }
}
