using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Checkout;
using Nop.Plugin.Payments.TamaraInStore.Services.Reconciliation;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;

namespace Nop.Plugin.Payments.TamaraInStore.Models;

/// <summary>
/// Settings ↔ configuration page. Tokens never go to the page; a blank token from the page keeps the saved one.
/// </summary>
public static class ConfigurationModelMapper
{
    public static ConfigurationModel ToModel(TamaraInStoreSettings settings) => new()
    {
        ApiTokenIsSet = !string.IsNullOrEmpty(settings.ApiToken),
        ApiTokenHint = SensitiveDataMasker.SecretHint(settings.ApiToken),
        NotificationTokenIsSet = !string.IsNullOrEmpty(settings.NotificationToken),
        NotificationTokenHint = SensitiveDataMasker.SecretHint(settings.NotificationToken),
        StoreCode = settings.StoreCode,
        DeviceId = settings.DeviceId,
        QrPlatform = TamaraQrPlatform.Of(settings),
        CountryCode = settings.CountryCode,
        UseSandbox = settings.UseSandbox,
        ApiBaseUrlOverride = settings.ApiBaseUrlOverride,
        RequestTimeoutSeconds = settings.RequestTimeoutSeconds,
        PollIntervalSeconds = settings.PollIntervalSeconds,
        PollConcurrency = TamaraPollConcurrency.Of(settings),
        SessionLifetimeMinutes = settings.SessionLifetimeMinutes,
        OfferOnlyToStaff = settings.OfferOnlyToStaff,
        CancelOrderWhenDeclinedOrExpired = settings.CancelOrderWhenDeclinedOrExpired,
        UpdateOrderReferenceId = settings.UpdateOrderReferenceId,
        DebugLogging = settings.DebugLogging,
        MinOrderTotal = settings.MinOrderTotal,
        MaxOrderTotal = settings.MaxOrderTotal,
        MaxLinksPerPhone = TamaraPhoneLinkLimit.MaxLinks(settings),
        LinksPerPhoneWindowMinutes = TamaraPhoneLinkLimit.WindowMinutes(settings),
        ReconciliationDays = TamaraReconciliationWindow.Days(settings),
        WebhookId = settings.WebhookId
    };

    public static void ApplyTo(ConfigurationModel model, TamaraInStoreSettings settings)
    {
        if (!string.IsNullOrWhiteSpace(model.ApiToken))
            settings.ApiToken = model.ApiToken.Trim();
        if (!string.IsNullOrWhiteSpace(model.NotificationToken))
            settings.NotificationToken = model.NotificationToken.Trim();

        settings.StoreCode = model.StoreCode?.Trim();
        settings.DeviceId = string.IsNullOrWhiteSpace(model.DeviceId) ? null : model.DeviceId.Trim();
        settings.QrPlatform = model.QrPlatform?.Trim();
        settings.CountryCode = model.CountryCode?.Trim().ToUpperInvariant();
        settings.UseSandbox = model.UseSandbox;
        settings.ApiBaseUrlOverride = string.IsNullOrWhiteSpace(model.ApiBaseUrlOverride) ? null : model.ApiBaseUrlOverride.Trim().TrimEnd('/');
        settings.RequestTimeoutSeconds = model.RequestTimeoutSeconds;
        settings.PollIntervalSeconds = model.PollIntervalSeconds;
        settings.PollConcurrency = model.PollConcurrency;
        settings.SessionLifetimeMinutes = model.SessionLifetimeMinutes;
        settings.OfferOnlyToStaff = model.OfferOnlyToStaff;
        settings.CancelOrderWhenDeclinedOrExpired = model.CancelOrderWhenDeclinedOrExpired;
        settings.UpdateOrderReferenceId = model.UpdateOrderReferenceId;
        settings.DebugLogging = model.DebugLogging;
        settings.MinOrderTotal = model.MinOrderTotal;
        settings.MaxOrderTotal = model.MaxOrderTotal;
        settings.MaxLinksPerPhone = model.MaxLinksPerPhone;
        settings.LinksPerPhoneWindowMinutes = model.LinksPerPhoneWindowMinutes;
        settings.ReconciliationDays = model.ReconciliationDays;
    }
}
