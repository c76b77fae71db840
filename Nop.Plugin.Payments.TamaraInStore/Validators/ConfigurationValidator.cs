using FluentValidation;
using Nop.Plugin.Payments.TamaraInStore.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Services.Localization;
using Nop.Web.Framework.Validators;

namespace Nop.Plugin.Payments.TamaraInStore.Validators;

public class ConfigurationValidator : BaseNopValidator<ConfigurationModel>
{
    public ConfigurationValidator(ILocalizationService localizationService)
    {
        RuleFor(model => model.ApiBaseUrlOverride)
            .Must(IsAbsoluteHttpUrl)
            .When(model => !string.IsNullOrWhiteSpace(model.ApiBaseUrlOverride))
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Configuration.Errors.BaseUrlInvalid"));

        RuleFor(model => model.CountryCode)
            .Must(country => TamaraInStoreDefaults.CountryCurrencies.ContainsKey(country ?? string.Empty))
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Configuration.Errors.CountryInvalid"));

        // every attempt of a repeated call must end within the order's lock and the refund grace period
        RuleFor(model => model.RequestTimeoutSeconds)
            .InclusiveBetween(1, TamaraCallBudget.MaxRequestTimeoutSeconds)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Configuration.Errors.RequestTimeoutRange"), 1, TamaraCallBudget.MaxRequestTimeoutSeconds);

        RuleFor(model => model.PollIntervalSeconds)
            .GreaterThanOrEqualTo(TamaraInStoreDefaults.MinPollIntervalSeconds)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Configuration.Errors.PollIntervalMin"), TamaraInStoreDefaults.MinPollIntervalSeconds);

        RuleFor(model => model.SessionLifetimeMinutes)
            .InclusiveBetween(TamaraInStoreDefaults.MinSessionLifetimeMinutes, TamaraInStoreDefaults.MaxSessionLifetimeMinutes)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Configuration.Errors.SessionLifetimeRange"),
                TamaraInStoreDefaults.MinSessionLifetimeMinutes, TamaraInStoreDefaults.MaxSessionLifetimeMinutes);

        RuleFor(model => model.MinOrderTotal)
            .GreaterThanOrEqualTo(decimal.Zero)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Configuration.Errors.OrderTotalNegative"));

        RuleFor(model => model.MaxOrderTotal)
            .GreaterThanOrEqualTo(decimal.Zero)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Configuration.Errors.OrderTotalNegative"));

        RuleFor(model => model.MaxOrderTotal)
            .GreaterThanOrEqualTo(model => model.MinOrderTotal)
            .When(model => model.MaxOrderTotal > decimal.Zero)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Configuration.Errors.MaxBelowMin"));
    }

    public static bool IsAbsoluteHttpUrl(string value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
