using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.TamaraInStore.Models;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Checkout;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Localization;
using Nop.Services.Orders;
using Nop.Web.Framework.Components;

namespace Nop.Plugin.Payments.TamaraInStore.Components;

/// <summary>
/// The payment-info step: SMS or a QR code at the till (when the store has a device id), phone and e-mail for the SMS
/// (prefilled from the customer), the till's device id for the QR code (prefilled from the till's cookie, else the store),
/// language and payment type
/// </summary>
public class TamaraInStorePaymentInfoViewComponent : NopViewComponent
{
    private readonly ICustomerService _customerService;
    private readonly ILocalizationService _localizationService;
    private readonly ISettingService _settingService;
    private readonly IShoppingCartService _shoppingCartService;
    private readonly IStoreContext _storeContext;
    private readonly IWorkContext _workContext;
    private readonly TamaraCheckoutService _checkoutService;
    private readonly TamaraPaymentTypesService _paymentTypesService;
    private readonly TamaraTillDevice _tillDevice;

    public TamaraInStorePaymentInfoViewComponent(ICustomerService customerService,
        ILocalizationService localizationService,
        ISettingService settingService,
        IShoppingCartService shoppingCartService,
        IStoreContext storeContext,
        IWorkContext workContext,
        TamaraCheckoutService checkoutService,
        TamaraPaymentTypesService paymentTypesService,
        TamaraTillDevice tillDevice)
    {
        _customerService = customerService;
        _localizationService = localizationService;
        _settingService = settingService;
        _shoppingCartService = shoppingCartService;
        _storeContext = storeContext;
        _workContext = workContext;
        _checkoutService = checkoutService;
        _paymentTypesService = paymentTypesService;
        _tillDevice = tillDevice;
    }

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var store = await _storeContext.GetCurrentStoreAsync();
        var settings = await _settingService.LoadSettingAsync<TamaraInStoreSettings>(store.Id);
        var customer = await _workContext.GetCurrentCustomerAsync();

        var model = new PaymentInfoModel();
        if (Request.HasFormContentType)
            model = PaymentInfoForm.Read(await Request.ReadFormAsync());

        if (string.IsNullOrEmpty(model.PhoneNumber) || string.IsNullOrEmpty(model.Email))
        {
            var billingAddress = await _customerService.GetCustomerBillingAddressAsync(customer);
            if (string.IsNullOrEmpty(model.PhoneNumber))
                model.PhoneNumber = FirstFilled(billingAddress?.PhoneNumber, customer.Phone);
            if (string.IsNullOrEmpty(model.Email))
                model.Email = FirstFilled(billingAddress?.Email, customer.Email);
        }

        model.QrOffered = !string.IsNullOrWhiteSpace(settings.DeviceId);
        if (!model.QrOffered || string.IsNullOrEmpty(model.Channel))
            model.Channel = TamaraInStoreDefaults.Channels.Sms;
        if (model.QrOffered && string.IsNullOrEmpty(model.DeviceId))
            model.DeviceId = _tillDevice.ReadOrDefault(settings);

        if (string.IsNullOrEmpty(model.Locale))
            model.Locale = await _checkoutService.DefaultLocaleAsync();

        model.AvailableLocales =
        [
            new SelectListItem(await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.PaymentInfo.Locale.Arabic"), TamaraInStoreDefaults.Locales.Arabic),
            new SelectListItem(await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.PaymentInfo.Locale.English"), TamaraInStoreDefaults.Locales.English)
        ];

        var offered = await GetOfferedPaymentTypesAsync(settings, store.Id);
        if (string.IsNullOrEmpty(model.PaymentType) || !offered.Contains(model.PaymentType))
            model.PaymentType = offered.Contains(TamaraInStoreDefaults.PaymentTypes.PayByInstalments) || offered.Count == 0
                ? TamaraInStoreDefaults.PaymentTypes.PayByInstalments
                : offered[0];

        if (offered.Count > 1)
        {
            foreach (var type in offered)
                model.AvailablePaymentTypes.Add(new SelectListItem(await PaymentTypeNameAsync(type), type));
        }

        model.CanCheckIdVerification = await _workContext.IsStaffOrderEntryAsync()
            && TamaraInStoreDefaults.IdVerificationCountries.Contains(settings.CountryCode?.ToUpperInvariant());

        return View(TamaraInStoreDefaults.ViewPath("PaymentInfo.cshtml"), model);
    }

    /// <summary>The payment types Tamara allows for this cart's total; empty when unknown</summary>
    private async Task<IList<string>> GetOfferedPaymentTypesAsync(TamaraInStoreSettings settings, int storeId)
    {
        var currency = await _workContext.GetWorkingCurrencyAsync();
        var types = await _paymentTypesService.GetPaymentTypesAsync(settings, storeId, currency?.CurrencyCode);
        if (types is null || types.Count == 0)
            return [];

        var customer = await _workContext.GetCurrentCustomerAsync();
        var cart = await _shoppingCartService.GetShoppingCartAsync(customer, ShoppingCartType.ShoppingCart, storeId);
        var total = await _checkoutService.GetCartTotalAsync(cart, currency);

        return types
            .Where(type => !string.IsNullOrEmpty(type.Name) && TamaraPaymentTypesService.Accepts(type, total))
            .Select(type => type.Name)
            .Distinct()
            .ToList();
    }

    private async Task<string> PaymentTypeNameAsync(string type)
    {
        var name = await _localizationService.GetResourceAsync($"Plugins.Payments.TamaraInStore.PaymentInfo.PaymentType.{type}",
            (await _workContext.GetWorkingLanguageAsync()).Id, logIfNotFound: false, defaultValue: type);
        return string.IsNullOrEmpty(name) ? type : name;
    }

    private static string FirstFilled(params string[] values) => values.FirstOrDefault(value => !string.IsNullOrWhiteSpace(value)) ?? string.Empty;
}
