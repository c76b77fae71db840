using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Core;
using Nop.Plugin.Payments.TamaraInStore.Models;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Checkout;
using Nop.Plugin.Payments.TamaraInStore.Services.Webhooks;
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
    private readonly TamaraWebhookRegistrar _webhookRegistrar;

    public TamaraInStoreAdminController(ILocalizationService localizationService,
        ILogger logger,
        INopUrlHelper nopUrlHelper,
        INotificationService notificationService,
        ISettingService settingService,
        IStoreContext storeContext,
        IStoreService storeService,
        ITamaraClient tamaraClient,
        TamaraPaymentTypesService paymentTypesService,
        TamaraWebhookRegistrar webhookRegistrar)
    {
        _webhookRegistrar = webhookRegistrar;
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

        await PrepareWebhookHealthAsync(model, settings, storeScope);

        return View(TamaraInStoreDefaults.ViewPath("Configure.cshtml"), model);
    }

    private async Task PrepareWebhookHealthAsync(ConfigurationModel model, TamaraInStoreSettings settings, int storeScope)
    {
        model.WebhookUrl = await WebhookUrlAsync(storeScope);
        if (string.IsNullOrWhiteSpace(settings.ApiToken))
            return;

        foreach (var health in await _webhookRegistrar.CheckAsync(settings, model.WebhookUrl))
        {
            var text = await _localizationService.GetResourceAsync($"Plugins.Payments.TamaraInStore.Configuration.WebhookHealth.{health.State}");
            model.WebhookHealth.Add(new WebhookHealthModel
            {
                Type = await _localizationService.GetResourceAsync($"Plugins.Payments.TamaraInStore.Configuration.WebhookHealth.Type.{health.Type}"),
                WebhookId = health.WebhookId,
                StateName = health.State.ToString(),
                IsHealthy = health.IsHealthy,
                Text = string.Format(text, health.RegisteredUrl, string.Join(", ", health.MissingEvents), health.Error)
            });
        }
    }

    private async Task<string> WebhookUrlAsync(int storeScope)
    {
        var store = storeScope > 0 ? await _storeService.GetStoreByIdAsync(storeScope) : await _storeContext.GetCurrentStoreAsync();
        return $"{store?.Url?.TrimEnd('/')}{_nopUrlHelper.RouteUrl(TamaraInStoreDefaults.Routes.Webhook)}".ToLowerInvariant();
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

    /// <summary>"Register webhook" and "Repair": both registrations (order, dispute) made to point here with our events</summary>
    [HttpPost, ActionName("Configure")]
    [FormValueRequired("registerwebhook", "repairwebhook")]
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

        var url = await WebhookUrlAsync(storeScope);

        try
        {
            var registered = await _webhookRegistrar.RepairAsync(settings, storeScope, url);

            _notificationService.SuccessNotification(string.Format(await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Configuration.WebhookRegistered"),
                url, string.Join(", ", registered.Select(webhook => webhook.WebhookId))));
        }
        catch (TamaraApiException exception)
        {
            await _logger.WarningAsync($"Tamara in-store: webhook registration failed ({exception.Endpoint}, {exception.StatusCode})", exception);
            _notificationService.ErrorNotification(string.Format(await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Configuration.WebhookFailed"), exception.Message));
        }

        return await Configure();
    }
}
