using FluentValidation;
using Nop.Plugin.Payments.TamaraInStore.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Checkout;
using Nop.Services.Localization;
using Nop.Web.Framework.Validators;

namespace Nop.Plugin.Payments.TamaraInStore.Validators;

/// <remarks>
/// Every number has a rule with both bounds (InclusiveBetween). nopCommerce's client adapters turn a one-sided rule
/// (GreaterThanOrEqualTo) into data-val-range-min alone, which jQuery validation compares as text ("10" &lt; "5").
/// </remarks>
public class ConfigurationValidator : BaseNopValidator<ConfigurationModel>
{
    public ConfigurationValidator(ILocalizationService localizationService)
    {
        RuleFor(model => model.ApiBaseUrlOverride)
            .Must(TamaraBaseUrl.IsAllowed)
            .When(model => !string.IsNullOrWhiteSpace(model.ApiBaseUrlOverride))
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Configuration.Errors.BaseUrlInvalid"));

        RuleFor(model => model.DeviceId)
            .Must(TamaraDeviceId.IsValid)
            .When(model => !string.IsNullOrWhiteSpace(model.DeviceId))
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Checkout.Errors.DeviceIdInvalid"), TamaraInStoreDefaults.DeviceIdMaxLength);

        RuleFor(model => model.QrPlatform)
            .Must(TamaraQrPlatform.IsValid)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Configuration.Errors.QrPlatformInvalid"), TamaraInStoreDefaults.QrPlatformMaxLength);

        RuleFor(model => model.CountryCode)
            .Must(country => TamaraInStoreDefaults.CountryCurrencies.ContainsKey(country ?? string.Empty))
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Configuration.Errors.CountryInvalid"));

        // every attempt of a repeated call must end within the order's lock and the refund grace period
        RuleFor(model => model.RequestTimeoutSeconds)
            .InclusiveBetween(TamaraInStoreDefaults.MinRequestTimeoutSeconds, TamaraCallBudget.MaxRequestTimeoutSeconds)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Configuration.Errors.RequestTimeoutRange"),
                TamaraInStoreDefaults.MinRequestTimeoutSeconds, TamaraCallBudget.MaxRequestTimeoutSeconds);

        RuleFor(model => model.PollIntervalSeconds)
            .InclusiveBetween(TamaraInStoreDefaults.MinPollIntervalSeconds, TamaraInStoreDefaults.MaxPollIntervalSeconds)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Configuration.Errors.PollIntervalRange"),
                TamaraInStoreDefaults.MinPollIntervalSeconds, TamaraInStoreDefaults.MaxPollIntervalSeconds);

        RuleFor(model => model.PollConcurrency)
            .InclusiveBetween(1, TamaraInStoreDefaults.MaxPollConcurrency)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Configuration.Errors.PollConcurrencyRange"),
                1, TamaraInStoreDefaults.MaxPollConcurrency);

        RuleFor(model => model.SessionLifetimeMinutes)
            .InclusiveBetween(TamaraInStoreDefaults.MinSessionLifetimeMinutes, TamaraInStoreDefaults.MaxSessionLifetimeMinutes)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Configuration.Errors.SessionLifetimeRange"),
                TamaraInStoreDefaults.MinSessionLifetimeMinutes, TamaraInStoreDefaults.MaxSessionLifetimeMinutes);

        RuleFor(model => model.MaxLinksPerPhone)
            .InclusiveBetween(1, TamaraInStoreDefaults.MaxLinksPerPhoneLimit)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Configuration.Errors.MaxLinksPerPhoneRange"),
                1, TamaraInStoreDefaults.MaxLinksPerPhoneLimit);

        RuleFor(model => model.LinksPerPhoneWindowMinutes)
            .InclusiveBetween(1, TamaraInStoreDefaults.MaxLinksPerPhoneWindowMinutes)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Configuration.Errors.LinksPerPhoneWindowRange"),
                1, TamaraInStoreDefaults.MaxLinksPerPhoneWindowMinutes);

        RuleFor(model => model.ReconciliationDays)
            .InclusiveBetween(TamaraInStoreDefaults.Reconciliation.MinDays, TamaraInStoreDefaults.Reconciliation.MaxDays)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Configuration.Errors.ReconciliationDaysRange"),
                TamaraInStoreDefaults.Reconciliation.MinDays, TamaraInStoreDefaults.Reconciliation.MaxDays);

        RuleFor(model => model.MinOrderTotal)
            .InclusiveBetween(decimal.Zero, TamaraInStoreDefaults.MaxOrderTotalLimit)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Configuration.Errors.OrderTotalRange"),
                TamaraInStoreDefaults.MaxOrderTotalLimit);

        RuleFor(model => model.MaxOrderTotal)
            .InclusiveBetween(decimal.Zero, TamaraInStoreDefaults.MaxOrderTotalLimit)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Configuration.Errors.OrderTotalRange"),
                TamaraInStoreDefaults.MaxOrderTotalLimit);

        // compares two fields: server side only (the client adapters emit nothing for it)
        RuleFor(model => model.MaxOrderTotal)
            .GreaterThanOrEqualTo(model => model.MinOrderTotal)
            .When(model => model.MaxOrderTotal > decimal.Zero)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Configuration.Errors.MaxBelowMin"));
    }
}
