using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Core;
using Nop.Plugin.Payments.TamaraInStore.Models;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Checkout;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Messages;
using Nop.Services.Security;
using Nop.Services.Stores;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;
using Nop.Web.Framework.Mvc.Routing;

namespace Nop.Plugin.Payments.TamaraInStore.Controllers;

[AuthorizeAdmin]
[Area(AreaNames.ADMIN)]
[AutoValidateAntiforgeryToken]
public class TamaraInStoreAdminController : BasePaymentController
{
    private readonly ILocalizationService _localizationService;
    private readonly ILogger _logger;
    private readonly INopUrlHelper _nopUrlHelper;
    private readonly INotificationService _notificationService;
    private readonly ISettingService _settingService;
    private readonly IStoreContext _storeContext;
    private readonly IStoreService _storeService;
    private readonly ITamaraClient _tamaraClient;
    private readonly TamaraPaymentTypesService _paymentTypesService;

    public TamaraInStoreAdminController(ILocalizationService localizationService,
        ILogger logger,
        INopUrlHelper nopUrlHelper,
        INotificationService notificationService,
        ISettingService settingService,
        IStoreContext storeContext,
        IStoreService storeService,
        ITamaraClient tamaraClient,
        TamaraPaymentTypesService paymentTypesService)
    {
        _localizationService = localizationService;
        _logger = logger;
        _nopUrlHelper = nopUrlHelper;
        _notificationService = notificationService;
        _settingService = settingService;
        _storeContext = storeContext;
        _storeService = storeService;
        _tamaraClient = tamaraClient;
        _paymentTypesService = paymentTypesService;
    }

    [CheckPermission(StandardPermission.Configuration.MANAGE_PAYMENT_METHODS)]
    public async Task<IActionResult> Configure()
    {
        var storeScope = await _storeContext.GetActiveStoreScopeConfigurationAsync();
        var settings = await _settingService.LoadSettingAsync<TamaraInStoreSettings>(storeScope);

        var model = ConfigurationModelMapper.ToModel(settings);
        model.ActiveStoreScopeConfiguration = storeScope;
        model.AvailableCountries = TamaraInStoreDefaults.CountryCurrencies
            .Select(pair => new SelectListItem($"{pair.Key} ({pair.Value})", pair.Key))
            .ToList();

        if (storeScope > 0)
        {
            model.ApiToken_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.ApiToken, storeScope);
            model.NotificationToken_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.NotificationToken, storeScope);
            model.StoreCode_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.StoreCode, storeScope);
            model.DeviceId_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.DeviceId, storeScope);
            model.QrPlatform_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.QrPlatform, storeScope);
            model.CountryCode_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.CountryCode, storeScope);
            model.UseSandbox_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.UseSandbox, storeScope);
            model.ApiBaseUrlOverride_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.ApiBaseUrlOverride, storeScope);
            model.RequestTimeoutSeconds_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.RequestTimeoutSeconds, storeScope);
            model.PollIntervalSeconds_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.PollIntervalSeconds, storeScope);
            model.PollConcurrency_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.PollConcurrency, storeScope);
            model.SessionLifetimeMinutes_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.SessionLifetimeMinutes, storeScope);
            model.OfferOnlyToStaff_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.OfferOnlyToStaff, storeScope);
            model.CancelOrderWhenDeclinedOrExpired_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.CancelOrderWhenDeclinedOrExpired, storeScope);
            model.UpdateOrderReferenceId_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.UpdateOrderReferenceId, storeScope);
            model.DebugLogging_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.DebugLogging, storeScope);
            model.MinOrderTotal_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.MinOrderTotal, storeScope);
            model.MaxOrderTotal_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.MaxOrderTotal, storeScope);
            model.MaxLinksPerPhone_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.MaxLinksPerPhone, storeScope);
            model.LinksPerPhoneWindowMinutes_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.LinksPerPhoneWindowMinutes, storeScope);
        }

        return View(TamaraInStoreDefaults.ViewPath("Configure.cshtml"), model);
    }

    [HttpPost, ActionName("Configure")]
    [FormValueRequired("save")]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PAYMENT_METHODS)]
    public async Task<IActionResult> Configure(ConfigurationModel model)
    {
        if (!ModelState.IsValid)
            return await Configure();

        var storeScope = await _storeContext.GetActiveStoreScopeConfigurationAsync();
        var settings = await _settingService.LoadSettingAsync<TamaraInStoreSettings>(storeScope);
        ConfigurationModelMapper.ApplyTo(model, settings);

        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.ApiToken, model.ApiToken_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.NotificationToken, model.NotificationToken_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.StoreCode, model.StoreCode_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.DeviceId, model.DeviceId_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.QrPlatform, model.QrPlatform_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.CountryCode, model.CountryCode_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.UseSandbox, model.UseSandbox_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.ApiBaseUrlOverride, model.ApiBaseUrlOverride_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.RequestTimeoutSeconds, model.RequestTimeoutSeconds_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.PollIntervalSeconds, model.PollIntervalSeconds_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.PollConcurrency, model.PollConcurrency_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.SessionLifetimeMinutes, model.SessionLifetimeMinutes_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.OfferOnlyToStaff, model.OfferOnlyToStaff_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.CancelOrderWhenDeclinedOrExpired, model.CancelOrderWhenDeclinedOrExpired_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.UpdateOrderReferenceId, model.UpdateOrderReferenceId_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.DebugLogging, model.DebugLogging_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.MinOrderTotal, model.MinOrderTotal_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.MaxOrderTotal, model.MaxOrderTotal_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.MaxLinksPerPhone, model.MaxLinksPerPhone_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.LinksPerPhoneWindowMinutes, model.LinksPerPhoneWindowMinutes_OverrideForStore, storeScope, false);
        // one window for the run that covers every store
        await _settingService.SaveSettingAsync(settings, x => x.ReconciliationDays, 0, false);
        await _settingService.ClearCacheAsync();
        // the token, base URL or country may have changed: ask Tamara again instead of using an answer for the old ones
        await _paymentTypesService.ClearCacheAsync();

        _notificationService.SuccessNotification(await _localizationService.GetResourceAsync("Admin.Plugins.Saved"));

        return await Configure();
    }

    [HttpPost, ActionName("Configure")]
    [FormValueRequired("testconnection")]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PAYMENT_METHODS)]
    public async Task<IActionResult> TestConnection()
    {
        var storeScope = await _storeContext.GetActiveStoreScopeConfigurationAsync();
        var settings = await _settingService.LoadSettingAsync<TamaraInStoreSettings>(storeScope);

        if (string.IsNullOrWhiteSpace(settings.ApiToken))
        {
            _notificationService.ErrorNotification(await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Configuration.ApiTokenMissing"));
            return await Configure();
        }

        try
        {
            // the cheapest call that needs a valid token
            await _tamaraClient.GetWebhooksAsync(settings);
            _notificationService.SuccessNotification(await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Configuration.ConnectionOk"));
        }
        catch (TamaraApiException exception)
        {
            await _logger.WarningAsync($"Tamara in-store: connection test failed ({exception.Endpoint}, {exception.StatusCode})", exception);
            _notificationService.ErrorNotification(string.Format(await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Configuration.ConnectionFailed"), exception.Message));
        }

        return await Configure();
    }

    [HttpPost, ActionName("Configure")]
    [FormValueRequired("registerwebhook")]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PAYMENT_METHODS)]
    public async Task<IActionResult> RegisterWebhook()
    {
        var storeScope = await _storeContext.GetActiveStoreScopeConfigurationAsync();
        var settings = await _settingService.LoadSettingAsync<TamaraInStoreSettings>(storeScope);

        if (string.IsNullOrWhiteSpace(settings.ApiToken))
        {
            _notificationService.ErrorNotification(await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Configuration.ApiTokenMissing"));
            return await Configure();
        }

        var store = storeScope > 0 ? await _storeService.GetStoreByIdAsync(storeScope) : await _storeContext.GetCurrentStoreAsync();
        var url = $"{store.Url?.TrimEnd('/')}{_nopUrlHelper.RouteUrl(TamaraInStoreDefaults.Routes.Webhook)}".ToLowerInvariant();

        try
        {
            await DeletePreviousWebhookAsync(settings);

            var webhook = await _tamaraClient.RegisterWebhookAsync(settings, new TamaraWebhook
            {
                Url = url,
                Events = TamaraInStoreDefaults.WebhookEvents.ToList()
            });

            settings.WebhookId = webhook?.WebhookId;
            await _settingService.SaveSettingAsync(settings, x => x.WebhookId, storeScope, false);
            await _settingService.ClearCacheAsync();

            _notificationService.SuccessNotification(string.Format(await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Configuration.WebhookRegistered"), url, settings.WebhookId));
        }
        catch (TamaraApiException exception)
        {
            await _logger.WarningAsync($"Tamara in-store: webhook registration failed ({exception.Endpoint}, {exception.StatusCode})", exception);
            _notificationService.ErrorNotification(string.Format(await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Configuration.WebhookFailed"), exception.Message));
        }

        return await Configure();
    }

    private async Task DeletePreviousWebhookAsync(TamaraInStoreSettings settings)
    {
        if (string.IsNullOrEmpty(settings.WebhookId))
            return;

        try
        {
            await _tamaraClient.DeleteWebhookAsync(settings, settings.WebhookId);
        }
        catch (TamaraApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            // already gone at Tamara
        }
    }
}
