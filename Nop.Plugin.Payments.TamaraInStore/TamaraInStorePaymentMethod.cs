using Microsoft.AspNetCore.Http;
using Nop.Core.Domain.Cms;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Core.Domain.ScheduleTasks;
using Nop.Plugin.Payments.TamaraInStore.Components;
using Nop.Plugin.Payments.TamaraInStore.Localization;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Checkout;
using Nop.Plugin.Payments.TamaraInStore.Services.Counter;
using Nop.Plugin.Payments.TamaraInStore.Services.Refunds;
using Nop.Services.Cms;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Localization;
using Nop.Services.Payments;
using Nop.Services.Plugins;
using Nop.Services.ScheduleTasks;
using Nop.Services.Security;
using Nop.Web.Framework.Infrastructure;
using Nop.Web.Framework.Mvc.Routing;

namespace Nop.Plugin.Payments.TamaraInStore;

/// <summary>
/// Tamara in-store payment method. It is also the widget plugin of its admin order block and counter page,
/// since nopCommerce takes one plugin class per assembly.
/// </summary>
public class TamaraInStorePaymentMethod : BasePlugin, IPaymentMethod, IWidgetPlugin
{
    private readonly ICustomerService _customerService;
    private readonly ILanguageService _languageService;
    private readonly IPermissionService _permissionService;
    private readonly ILocalizationService _localizationService;
    private readonly INopUrlHelper _nopUrlHelper;
    private readonly PaymentSettings _paymentSettings;
    private readonly IScheduleTaskService _scheduleTaskService;
    private readonly ISettingService _settingService;
    private readonly TamaraCheckoutService _checkoutService;
    private readonly TamaraRefundService _refundService;
    private readonly TamaraUninstallService _uninstallService;
    private readonly WidgetSettings _widgetSettings;

    public TamaraInStorePaymentMethod(ILanguageService languageService,
        ILocalizationService localizationService,
        INopUrlHelper nopUrlHelper,
        IScheduleTaskService scheduleTaskService,
        ISettingService settingService,
        TamaraCheckoutService checkoutService,
        TamaraRefundService refundService,
        WidgetSettings widgetSettings,
        PaymentSettings paymentSettings,
        TamaraUninstallService uninstallService,
        IPermissionService permissionService,
        ICustomerService customerService)
    {
        _permissionService = permissionService;
        _customerService = customerService;
        _languageService = languageService;
        _localizationService = localizationService;
        _nopUrlHelper = nopUrlHelper;
        _scheduleTaskService = scheduleTaskService;
        _settingService = settingService;
        _checkoutService = checkoutService;
        _refundService = refundService;
        _widgetSettings = widgetSettings;
        _paymentSettings = paymentSettings;
        _uninstallService = uninstallService;
    }

    #region Payment

    public Task<ProcessPaymentResult> ProcessPaymentAsync(ProcessPaymentRequest processPaymentRequest) =>
        _checkoutService.ProcessPaymentAsync(processPaymentRequest);

    public Task PostProcessPaymentAsync(PostProcessPaymentRequest postProcessPaymentRequest) =>
        _checkoutService.PostProcessPaymentAsync(postProcessPaymentRequest);

    public Task<bool> HidePaymentMethodAsync(IList<ShoppingCartItem> cart) =>
        _checkoutService.HidePaymentMethodAsync(cart);

    public Task<decimal> GetAdditionalHandlingFeeAsync(IList<ShoppingCartItem> cart) => Task.FromResult(decimal.Zero);

    /// <summary>
    /// In-store Tamara captures automatically when the customer pays the first instalment: there is nothing to capture.
    /// </summary>
    public async Task<CapturePaymentResult> CaptureAsync(CapturePaymentRequest capturePaymentRequest)
    {
        var result = new CapturePaymentResult();
        result.AddError(await _localizationService.GetResourceAsync(TamaraInStoreLocaleResources.RefundKeys.CaptureNotNeeded));
        return result;
    }

    public Task<RefundPaymentResult> RefundAsync(RefundPaymentRequest refundPaymentRequest) =>
        _refundService.RefundAsync(refundPaymentRequest);

    /// <summary>
    /// An unpaid Tamara order is never "Authorized" in nopCommerce (it stays Pending until captured), so the core's
    /// Void button never applies; an open session is voided from the Tamara block on the order page instead.
    /// </summary>
    public async Task<VoidPaymentResult> VoidAsync(VoidPaymentRequest voidPaymentRequest)
    {
        var result = new VoidPaymentResult();
        result.AddError(await _localizationService.GetResourceAsync(TamaraInStoreLocaleResources.RefundKeys.VoidNotPossible));
        return result;
    }

    public Task<ProcessPaymentResult> ProcessRecurringPaymentAsync(ProcessPaymentRequest processPaymentRequest)
    {
        var result = new ProcessPaymentResult();
        result.AddError("Recurring payments are not supported by Tamara in-store.");
        return Task.FromResult(result);
    }

    public Task<CancelRecurringPaymentResult> CancelRecurringPaymentAsync(CancelRecurringPaymentRequest cancelPaymentRequest)
    {
        var result = new CancelRecurringPaymentResult();
        result.AddError("Recurring payments are not supported by Tamara in-store.");
        return Task.FromResult(result);
    }

    /// <summary>
    /// The customer pays on their own phone; there is no page to send them back to.
    /// </summary>
    public Task<bool> CanRePostProcessPaymentAsync(Order order) => Task.FromResult(false);

    public Task<IList<string>> ValidatePaymentFormAsync(IFormCollection form) =>
        _checkoutService.ValidatePaymentFormAsync(form);

    public Task<ProcessPaymentRequest> GetPaymentInfoAsync(IFormCollection form) =>
        _checkoutService.GetPaymentInfoAsync(form);

    public Type GetPublicViewComponent() => typeof(TamaraInStorePaymentInfoViewComponent);

    public async Task<string> GetPaymentMethodDescriptionAsync() =>
        await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.PaymentMethodDescription");

    public bool SupportCapture => false;

    public bool SupportPartiallyRefund => true;

    public bool SupportRefund => true;

    public bool SupportVoid => false;

    public RecurringPaymentType RecurringPaymentType => RecurringPaymentType.NotSupported;

    public PaymentMethodType PaymentMethodType => PaymentMethodType.Standard;

    public bool SkipPaymentInfo => false;

    #endregion

    #region Widgets

    public Task<IList<string>> GetWidgetZonesAsync() => Task.FromResult<IList<string>>(new List<string>
    {
        AdminWidgetZones.OrderDetailsBlock,
        AdminWidgetZones.OrderPartiallyRefundButtons,
        PublicWidgetZones.CheckoutCompletedTop
    });

    public Type GetWidgetViewComponent(string widgetZone)
    {
        if (widgetZone == AdminWidgetZones.OrderDetailsBlock)
            return typeof(TamaraInStoreOrderBlockViewComponent);

        if (widgetZone == AdminWidgetZones.OrderPartiallyRefundButtons)
            return typeof(TamaraInStoreRefundPopupViewComponent);

        if (widgetZone == PublicWidgetZones.CheckoutCompletedTop)
            return typeof(TamaraInStoreCheckoutCompletedViewComponent);

        return null;
    }

    public bool HideInWidgetList => true;

    #endregion

    #region Plugin

    public override string GetConfigurationPageUrl() => _nopUrlHelper.RouteUrl(TamaraInStoreDefaults.Routes.Configure);

    public override async Task InstallAsync()
    {
        await _settingService.SaveSettingAsync(new TamaraInStoreSettings
        {
            UseSandbox = true,
            CountryCode = "SA",
            QrPlatform = TamaraInStoreDefaults.DefaultQrPlatform,
            RequestTimeoutSeconds = TamaraInStoreDefaults.DefaultRequestTimeoutSeconds,
            PollIntervalSeconds = TamaraInStoreDefaults.DefaultPollIntervalSeconds,
            PollConcurrency = TamaraInStoreDefaults.DefaultPollConcurrency,
            SessionLifetimeMinutes = TamaraInStoreDefaults.DefaultSessionLifetimeMinutes,
            MaxLinksPerPhone = TamaraInStoreDefaults.DefaultMaxLinksPerPhone,
            LinksPerPhoneWindowMinutes = TamaraInStoreDefaults.DefaultLinksPerPhoneWindowMinutes,
            ReconciliationDays = TamaraInStoreDefaults.Reconciliation.DefaultDays,
            OfferOnlyToStaff = true,
            CancelOrderWhenDeclinedOrExpired = true,
            UpdateOrderReferenceId = true
        });

        if (!_widgetSettings.ActiveWidgetSystemNames.Contains(TamaraInStoreDefaults.SystemName))
        {
            _widgetSettings.ActiveWidgetSystemNames.Add(TamaraInStoreDefaults.SystemName);
            await _settingService.SaveSettingAsync(_widgetSettings);
        }

        await InstallLocaleResourcesAsync();

        await InstallTaskAsync(TamaraInStoreDefaults.ScheduleTask.Name, TamaraInStoreDefaults.ScheduleTask.Type, TamaraInStoreDefaults.ScheduleTask.Seconds);
        await InstallTaskAsync(TamaraInStoreDefaults.Reconciliation.TaskName, TamaraInStoreDefaults.Reconciliation.TaskType, TamaraInStoreDefaults.Reconciliation.TaskSeconds);

        await TamaraCounterPermission.InstallAsync(_permissionService, _customerService);

        await base.InstallAsync();
    }

    public override async Task UninstallAsync()
    {
        // before the settings go (they hold the tokens) and before nopCommerce drops the plugin's tables; never throws
        await _uninstallService.PrepareAsync();

        await _settingService.DeleteSettingAsync<TamaraInStoreSettings>();

        // nopCommerce leaves an uninstalled payment method in the active list (only the admin's switch removes it)
        if (_paymentSettings.ActivePaymentMethodSystemNames.Remove(TamaraInStoreDefaults.SystemName))
            await _settingService.SaveSettingAsync(_paymentSettings);

        if (_widgetSettings.ActiveWidgetSystemNames.Remove(TamaraInStoreDefaults.SystemName))
            await _settingService.SaveSettingAsync(_widgetSettings);

        await _localizationService.DeleteLocaleResourcesAsync(TamaraInStoreDefaults.LocalePrefix);

        foreach (var type in new[] { TamaraInStoreDefaults.ScheduleTask.Type, TamaraInStoreDefaults.Reconciliation.TaskType })
        {
            var task = await _scheduleTaskService.GetTaskByTypeAsync(type);
            if (task is not null)
                await _scheduleTaskService.DeleteTaskAsync(task);
        }

        await base.UninstallAsync();
    }

    public override async Task UpdateAsync(string currentVersion, string targetVersion)
    {
        await InstallLocaleResourcesAsync();

        // earlier versions followed the shortest store interval; nopCommerce reads the period at its next start
        var task = await _scheduleTaskService.GetTaskByTypeAsync(TamaraInStoreDefaults.ScheduleTask.Type);
        if (task is not null && task.Seconds != TamaraInStoreDefaults.ScheduleTask.Seconds)
        {
            task.Seconds = TamaraInStoreDefaults.ScheduleTask.Seconds;
            await _scheduleTaskService.UpdateTaskAsync(task);
        }

        // 1.02: the daily reconciliation and its window
        await InstallTaskAsync(TamaraInStoreDefaults.Reconciliation.TaskName, TamaraInStoreDefaults.Reconciliation.TaskType, TamaraInStoreDefaults.Reconciliation.TaskSeconds);
        var settings = await _settingService.LoadSettingAsync<TamaraInStoreSettings>();
        if (settings.ReconciliationDays <= 0)
        {
            settings.ReconciliationDays = TamaraInStoreDefaults.Reconciliation.DefaultDays;
            await _settingService.SaveSettingAsync(settings, x => x.ReconciliationDays);
        }

        // 1.04: QR sessions carry the platform Tamara requires
        if (string.IsNullOrWhiteSpace(settings.QrPlatform))
        {
            settings.QrPlatform = TamaraInStoreDefaults.DefaultQrPlatform;
            await _settingService.SaveSettingAsync(settings, x => x.QrPlatform);
        }

        // 1.04: the counter's permission and its staff role
        await TamaraCounterPermission.InstallAsync(_permissionService, _customerService);

        await base.UpdateAsync(currentVersion, targetVersion);
    }

    private async Task InstallTaskAsync(string name, string type, int seconds)
    {
        if (await _scheduleTaskService.GetTaskByTypeAsync(type) is not null)
            return;

        await _scheduleTaskService.InsertTaskAsync(new ScheduleTask
        {
            Name = name,
            Type = type,
            Seconds = seconds,
            Enabled = true,
            LastEnabledUtc = DateTime.UtcNow,
            StopOnError = false
        });
    }

    /// <summary>
    /// English for every language, then Arabic for each Arabic language of the store
    /// </summary>
    private async Task InstallLocaleResourcesAsync()
    {
        await _localizationService.AddOrUpdateLocaleResourceAsync(TamaraInStoreLocaleResources.English());

        foreach (var language in await _languageService.GetAllLanguagesAsync(showHidden: true))
        {
            if (TamaraInStoreLocaleResources.IsArabic(language))
                await _localizationService.AddOrUpdateLocaleResourceAsync(TamaraInStoreLocaleResources.Arabic(), language.Id);
        }
    }

    #endregion
}
