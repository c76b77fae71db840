using FluentValidation;
using Nop.Plugin.Payments.TamaraInStore.Models;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Checkout;
using Nop.Services.Localization;
using Nop.Web.Framework.Validators;

namespace Nop.Plugin.Payments.TamaraInStore.Validators;

/// <summary>
/// Checks the payment-info step against the merchant's country: Tamara needs a mobile number it can text, or, for a QR
/// code shown at the till, the till's device id (and then no phone number at all)
/// </summary>
public class PaymentInfoValidator : BaseNopValidator<PaymentInfoModel>
{
    private static readonly string[] _locales = [TamaraInStoreDefaults.Locales.Arabic, TamaraInStoreDefaults.Locales.English];
    private static readonly string[] _paymentTypes = [TamaraInStoreDefaults.PaymentTypes.PayByInstalments, TamaraInStoreDefaults.PaymentTypes.PayNow];
    private static readonly string[] _channels = [TamaraInStoreDefaults.Channels.Sms, TamaraInStoreDefaults.Channels.Qr];

    public PaymentInfoValidator(ILocalizationService localizationService, TamaraPhoneNumberService phoneNumberService, TamaraInStoreSettings settings)
    {
        var countryCode = settings.CountryCode;

        RuleFor(model => model.Channel)
            .Must(channel => string.IsNullOrEmpty(channel) || _channels.Contains(channel, StringComparer.OrdinalIgnoreCase))
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Checkout.Errors.ChannelInvalid"));

        RuleFor(model => model.Channel)
            .Must(_ => !string.IsNullOrWhiteSpace(settings.DeviceId))
            .When(model => model.IsQr)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Checkout.Errors.QrNotOffered"));

        RuleFor(model => model.DeviceId)
            .NotEmpty()
            .When(model => model.IsQr)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Checkout.Errors.DeviceIdRequired"));

        RuleFor(model => model.DeviceId)
            .Must(TamaraDeviceId.IsValid)
            .When(model => model.IsQr && !string.IsNullOrWhiteSpace(model.DeviceId))
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Checkout.Errors.DeviceIdInvalid"), TamaraInStoreDefaults.DeviceIdMaxLength);

        RuleFor(model => model.PhoneNumber)
            .NotEmpty()
            .When(model => !model.IsQr)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Checkout.Errors.PhoneRequired"));

        RuleFor(model => model.PhoneNumber)
            .Must(phone => phoneNumberService.Normalize(phone, countryCode) is not null)
            .When(model => !model.IsQr && !string.IsNullOrWhiteSpace(model.PhoneNumber))
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Checkout.Errors.PhoneInvalid"), countryCode);

        RuleFor(model => model.Email)
            .NotEmpty()
            .When(model => !model.IsQr)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Checkout.Errors.EmailRequired"));

        RuleFor(model => model.Email)
            .EmailAddress()
            .When(model => !model.IsQr && !string.IsNullOrWhiteSpace(model.Email))
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Checkout.Errors.EmailInvalid"));

        RuleFor(model => model.Locale)
            .Must(locale => string.IsNullOrEmpty(locale) || _locales.Contains(locale))
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Checkout.Errors.LocaleInvalid"));

        RuleFor(model => model.PaymentType)
            .Must(type => string.IsNullOrEmpty(type) || _paymentTypes.Contains(type))
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Checkout.Errors.PaymentTypeInvalid"));
    }
}
