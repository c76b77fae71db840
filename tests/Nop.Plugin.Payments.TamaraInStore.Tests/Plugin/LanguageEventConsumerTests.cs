using Moq;
using Nop.Core.Domain.Localization;
using Nop.Core.Events;
using Nop.Plugin.Payments.TamaraInStore.Localization;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Services.Localization;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Plugin;

public class LanguageEventConsumerTests
{
    private static (Mock<ILocalizationService> Localization, LanguageEventConsumer Consumer) NewConsumer()
    {
        var localization = new Mock<ILocalizationService>();
        return (localization, new LanguageEventConsumer(localization.Object));
    }

    [Test]
    public async Task An_arabic_language_added_later_gets_the_arabic_texts()
    {
        var (localization, consumer) = NewConsumer();

        await consumer.HandleEventAsync(new EntityInsertedEvent<Language>(new Language { Id = 7, LanguageCulture = "ar-AE" }));

        localization.Verify(service => service.AddOrUpdateLocaleResourceAsync(
            It.Is<IDictionary<string, string>>(texts => texts["Plugins.Payments.TamaraInStore.PaymentMethodDescription"]
                == TamaraInStoreLocaleResources.Arabic()["Plugins.Payments.TamaraInStore.PaymentMethodDescription"]
                && texts.Count == TamaraInStoreLocaleResources.All.Count), 7), Times.Once);
    }

    [Test]
    public async Task Any_other_language_added_later_gets_the_english_texts()
    {
        var (localization, consumer) = NewConsumer();

        await consumer.HandleEventAsync(new EntityInsertedEvent<Language>(new Language { Id = 8, LanguageCulture = "fr-FR" }));

        localization.Verify(service => service.AddOrUpdateLocaleResourceAsync(
            It.Is<IDictionary<string, string>>(texts => texts["Plugins.Payments.TamaraInStore.PaymentMethodDescription"]
                == TamaraInStoreLocaleResources.English()["Plugins.Payments.TamaraInStore.PaymentMethodDescription"]), 8), Times.Once);
    }
}
