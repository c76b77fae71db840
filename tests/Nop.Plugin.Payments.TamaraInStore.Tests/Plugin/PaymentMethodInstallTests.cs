using System.Runtime.CompilerServices;
using Moq;
using Nop.Core.Domain.Cms;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.ScheduleTasks;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;
using Nop.Plugin.Payments.TamaraInStore.Services.Checkout;
using Nop.Plugin.Payments.TamaraInStore.Services.Reconciliation;
using Nop.Plugin.Payments.TamaraInStore.Services.Refunds;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Payments;
using Nop.Services.ScheduleTasks;
using Nop.Web.Framework.Infrastructure;
using Nop.Web.Framework.Mvc.Routing;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Plugin;

public class PaymentMethodInstallTests
{
    private Mock<ISettingService> _settingService;
    private Mock<ILocalizationService> _localizationService;
    private Mock<ILanguageService> _languageService;
    private Mock<IScheduleTaskService> _scheduleTaskService;
    private WidgetSettings _widgetSettings;
    private Nop.Core.Domain.Payments.PaymentSettings _paymentSettings;
    private Mock<TamaraUninstallService> _uninstallService;
    private Mock<Nop.Services.Security.IPermissionService> _permissionService;
    private Mock<Nop.Services.Customers.ICustomerService> _customerService;
    private Nop.Core.Domain.Customers.CustomerRole _counterRole;
    private TamaraInStorePaymentMethod _plugin;

    [SetUp]
    public void SetUp()
    {
        _settingService = new Mock<ISettingService>();
        _localizationService = new Mock<ILocalizationService>();
        var english = Localization.TamaraInStoreLocaleResources.English();
        _localizationService.Setup(service => service.GetResourceAsync(It.IsAny<string>()))
            .ReturnsAsync((string key) => english.TryGetValue(key, out var text) ? text : key);
        _languageService = new Mock<ILanguageService>();
        _languageService.Setup(service => service.GetAllLanguagesAsync(true, 0)).ReturnsAsync(new List<Language>
        {
            new() { Id = 1, Name = "English", LanguageCulture = "en-US" },
            new() { Id = 2, Name = "العربية", LanguageCulture = "ar-SA" }
        });
        _scheduleTaskService = new Mock<IScheduleTaskService>();
        _widgetSettings = new WidgetSettings();
        _paymentSettings = new Nop.Core.Domain.Payments.PaymentSettings();
        // only its virtual entry point is used
        _uninstallService = new Mock<TamaraUninstallService>(Enumerable.Repeat<object>(null, typeof(TamaraUninstallService).GetConstructors().Single().GetParameters().Length).ToArray());

        // nopCommerce's InsertPermissionsAsync creates a missing default role named after its system name
        _counterRole = new Nop.Core.Domain.Customers.CustomerRole { Id = 9, SystemName = "TamaraCounterStaff", Name = "TamaraCounterStaff", Active = true };
        _permissionService = new Mock<Nop.Services.Security.IPermissionService>();
        _customerService = new Mock<Nop.Services.Customers.ICustomerService>();
        _customerService.Setup(service => service.GetCustomerRoleBySystemNameAsync("TamaraCounterStaff")).ReturnsAsync(_counterRole);

        _plugin = new TamaraInStorePaymentMethod(_languageService.Object,
            _localizationService.Object,
            Mock.Of<INopUrlHelper>(),
            _scheduleTaskService.Object,
            _settingService.Object,
            // install and uninstall never touch the payment services
            (TamaraCheckoutService)RuntimeHelpers.GetUninitializedObject(typeof(TamaraCheckoutService)),
            (TamaraRefundService)RuntimeHelpers.GetUninitializedObject(typeof(TamaraRefundService)),
            _widgetSettings,
            _paymentSettings,
            _uninstallService.Object,
            _permissionService.Object,
            _customerService.Object);
    }

    [Test]
    public async Task Install_declares_the_counter_permission_and_lets_the_counter_staff_role_into_the_admin_area_only()
    {
        await _plugin.InstallAsync();

        _permissionService.Verify(service => service.InsertPermissionsAsync(), Times.Once);
        _permissionService.Verify(service => service.InsertPermissionMappingAsync(9, new[] { Nop.Services.Security.StandardPermission.Security.ACCESS_ADMIN_PANEL }), Times.Once);
        Assert.That(_counterRole.Name, Is.EqualTo("Tamara counter staff"));
        var declared = new Services.Counter.TamaraCounterPermission().AllConfigs.Single();
        Assert.That(declared.DefaultCustomerRoles, Is.EquivalentTo(new[] { "Administrators", "TamaraCounterStaff" }));
    }

    [Test]
    public async Task Update_grants_the_counter_permission_as_install_does()
    {
        _settingService.Setup(service => service.LoadSettingAsync<TamaraInStoreSettings>(0)).ReturnsAsync(new TamaraInStoreSettings { ReconciliationDays = 7 });

        await _plugin.UpdateAsync("1.03", "1.04");

        _permissionService.Verify(service => service.InsertPermissionsAsync(), Times.Once);
        _permissionService.Verify(service => service.InsertPermissionMappingAsync(9, It.IsAny<string[]>()), Times.Once);
    }

    [Test]
    public async Task Install_saves_safe_defaults()
    {
        TamaraInStoreSettings saved = null;
        _settingService.Setup(service => service.SaveSettingAsync(It.IsAny<TamaraInStoreSettings>(), 0))
            .Callback<TamaraInStoreSettings, int>((settings, _) => saved = settings);

        await _plugin.InstallAsync();

        Assert.That(saved, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(saved.UseSandbox, Is.True, "a fresh install must not talk to the live API");
            Assert.That(saved.OfferOnlyToStaff, Is.True);
            Assert.That(saved.SessionLifetimeMinutes, Is.EqualTo(15));
            Assert.That(saved.PollIntervalSeconds, Is.EqualTo(10));
            Assert.That(saved.RequestTimeoutSeconds, Is.EqualTo(10));
            Assert.That(saved.QrPlatform, Is.EqualTo("NOPCOMMERCE_POS_QR"), "Tamara refuses a QR session without a platform");
            Assert.That(saved.ApiToken, Is.Null);
        });
    }

    [Test]
    public async Task Install_activates_the_widgets_once()
    {
        await _plugin.InstallAsync();
        await _plugin.InstallAsync();

        Assert.That(_widgetSettings.ActiveWidgetSystemNames.Count(name => name == TamaraInStoreDefaults.SystemName), Is.EqualTo(1));
        _settingService.Verify(service => service.SaveSettingAsync(_widgetSettings, 0), Times.Once);
    }

    [Test]
    public async Task Install_adds_English_for_all_languages_and_Arabic_for_Arabic_ones()
    {
        await _plugin.InstallAsync();

        _localizationService.Verify(service => service.AddOrUpdateLocaleResourceAsync(
            It.Is<IDictionary<string, string>>(resources => resources[TamaraInStoreDefaults.LocalePrefix + "PaymentMethodDescription"].StartsWith("Pay with Tamara")),
            null), Times.Once);
        _localizationService.Verify(service => service.AddOrUpdateLocaleResourceAsync(
            It.Is<IDictionary<string, string>>(resources => resources[TamaraInStoreDefaults.LocalePrefix + "PaymentMethodDescription"].Contains("تمارا")),
            2), Times.Once);
        _localizationService.Verify(service => service.AddOrUpdateLocaleResourceAsync(It.IsAny<IDictionary<string, string>>(), 1), Times.Never);
    }

    [Test]
    public async Task Install_schedules_the_polling_task_once()
    {
        var inserted = await InstallTwiceAsync();

        var polling = inserted.Single(task => task.Type == typeof(TamaraPendingSessionsTask).FullName);
        Assert.Multiple(() =>
        {
            Assert.That(polling.Seconds, Is.EqualTo(5), "the shortest poll interval a store may choose: the period never follows the settings");
            Assert.That(polling.Enabled, Is.True);
            Assert.That(polling.StopOnError, Is.False);
        });
    }

    [Test]
    public async Task Install_schedules_the_daily_reconciliation_once()
    {
        var inserted = await InstallTwiceAsync();

        // nopCommerce's task runner finds the class by this name (Type.GetType, then every loaded assembly)
        var reconciliation = inserted.Single(task => task.Type == typeof(TamaraReconciliationTask).FullName);
        Assert.Multiple(() =>
        {
            Assert.That(reconciliation.Seconds, Is.EqualTo(86_400));
            Assert.That(reconciliation.Enabled, Is.True);
            Assert.That(reconciliation.StopOnError, Is.False);
            Assert.That(typeof(Nop.Services.ScheduleTasks.IScheduleTask).IsAssignableFrom(typeof(TamaraReconciliationTask)), Is.True);
        });
    }

    [Test]
    public async Task Update_adds_the_reconciliation_and_its_window_to_an_earlier_install()
    {
        var polling = new ScheduleTask { Id = 7, Type = TamaraInStoreDefaults.ScheduleTask.Type, Seconds = 5 };
        _scheduleTaskService.Setup(service => service.GetTaskByTypeAsync(polling.Type)).ReturnsAsync(polling);
        var saved = new TamaraInStoreSettings { ApiToken = "token" };
        _settingService.Setup(service => service.LoadSettingAsync<TamaraInStoreSettings>(0)).ReturnsAsync(saved);
        var inserted = new List<ScheduleTask>();
        _scheduleTaskService.Setup(service => service.InsertTaskAsync(It.IsAny<ScheduleTask>())).Callback<ScheduleTask>(inserted.Add);

        await _plugin.UpdateAsync("1.01", "1.02");

        Assert.That(inserted.Select(task => task.Type), Is.EqualTo(new[] { typeof(TamaraReconciliationTask).FullName }));
        Assert.That(saved.ReconciliationDays, Is.EqualTo(7));
        _settingService.Verify(service => service.SaveSettingAsync(saved, It.IsAny<System.Linq.Expressions.Expression<Func<TamaraInStoreSettings, int>>>(), 0, true), Times.Once);
    }

    [Test]
    public async Task Update_gives_an_earlier_install_the_qr_platform()
    {
        var saved = new TamaraInStoreSettings { ApiToken = "token", ReconciliationDays = 7 };
        _settingService.Setup(service => service.LoadSettingAsync<TamaraInStoreSettings>(0)).ReturnsAsync(saved);

        await _plugin.UpdateAsync("1.03", "1.04");

        Assert.That(saved.QrPlatform, Is.EqualTo("NOPCOMMERCE_POS_QR"));
        _settingService.Verify(service => service.SaveSettingAsync(saved, It.IsAny<System.Linq.Expressions.Expression<Func<TamaraInStoreSettings, string>>>(), 0, true), Times.Once);
    }

    [Test]
    public async Task Update_keeps_a_qr_platform_the_merchant_set()
    {
        var saved = new TamaraInStoreSettings { ApiToken = "token", ReconciliationDays = 7, QrPlatform = "ACME_POS_QR" };
        _settingService.Setup(service => service.LoadSettingAsync<TamaraInStoreSettings>(0)).ReturnsAsync(saved);

        await _plugin.UpdateAsync("1.03", "1.04");

        Assert.That(saved.QrPlatform, Is.EqualTo("ACME_POS_QR"));
        _settingService.Verify(service => service.SaveSettingAsync(saved, It.IsAny<System.Linq.Expressions.Expression<Func<TamaraInStoreSettings, string>>>(), 0, true), Times.Never);
    }

    /// <summary>Installs, then installs again with the tasks already there; every task inserted once</summary>
    private async Task<List<ScheduleTask>> InstallTwiceAsync()
    {
        var inserted = new List<ScheduleTask>();
        _scheduleTaskService.Setup(service => service.InsertTaskAsync(It.IsAny<ScheduleTask>())).Callback<ScheduleTask>(inserted.Add);
        _scheduleTaskService.Setup(service => service.GetTaskByTypeAsync(It.IsAny<string>()))
            .ReturnsAsync((string type) => inserted.FirstOrDefault(task => task.Type == type));

        await _plugin.InstallAsync();
        await _plugin.InstallAsync();

        Assert.That(inserted.Select(task => task.Type), Is.Unique);
        Assert.That(inserted, Has.Count.EqualTo(2));
        return inserted;
    }

    [Test]
    public async Task Uninstall_removes_settings_resources_task_and_widgets()
    {
        var task = new ScheduleTask { Id = 7, Type = TamaraInStoreDefaults.ScheduleTask.Type };
        _scheduleTaskService.Setup(service => service.GetTaskByTypeAsync(task.Type)).ReturnsAsync(task);
        var reconciliation = new ScheduleTask { Id = 8, Type = typeof(TamaraReconciliationTask).FullName };
        _scheduleTaskService.Setup(service => service.GetTaskByTypeAsync(reconciliation.Type)).ReturnsAsync(reconciliation);
        _widgetSettings.ActiveWidgetSystemNames.Add(TamaraInStoreDefaults.SystemName);

        await _plugin.UninstallAsync();

        _settingService.Verify(service => service.DeleteSettingAsync<TamaraInStoreSettings>(), Times.Once);
        _localizationService.Verify(service => service.DeleteLocaleResourcesAsync(TamaraInStoreDefaults.LocalePrefix, null), Times.Once);
        _scheduleTaskService.Verify(service => service.DeleteTaskAsync(task), Times.Once);
        _scheduleTaskService.Verify(service => service.DeleteTaskAsync(reconciliation), Times.Once);
        Assert.That(_widgetSettings.ActiveWidgetSystemNames, Does.Not.Contain(TamaraInStoreDefaults.SystemName));
    }

    [Test]
    public async Task Uninstall_takes_the_method_off_the_active_payment_methods_after_cleaning_up_at_Tamara()
    {
        _paymentSettings.ActivePaymentMethodSystemNames.AddRange(["Payments.CheckMoneyOrder", TamaraInStoreDefaults.SystemName]);
        var steps = new List<string>();
        _uninstallService.Setup(service => service.PrepareAsync()).Callback(() => steps.Add("prepare")).Returns(Task.CompletedTask);
        _settingService.Setup(service => service.DeleteSettingAsync<TamaraInStoreSettings>()).Callback(() => steps.Add("delete settings")).Returns(Task.CompletedTask);

        await _plugin.UninstallAsync();

        Assert.That(_paymentSettings.ActivePaymentMethodSystemNames, Is.EqualTo(new[] { "Payments.CheckMoneyOrder" }));
        _settingService.Verify(service => service.SaveSettingAsync(_paymentSettings, 0), Times.Once);
        Assert.That(steps, Is.EqualTo(new[] { "prepare", "delete settings" }), "the tokens are still there while Tamara is called");
    }

    [Test]
    public void Answers_what_an_in_store_Tamara_payment_supports()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_plugin.SupportRefund, Is.True);
            Assert.That(_plugin.SupportPartiallyRefund, Is.True);
            Assert.That(_plugin.SupportCapture, Is.False);
            Assert.That(_plugin.SupportVoid, Is.False);
            Assert.That(_plugin.RecurringPaymentType, Is.EqualTo(RecurringPaymentType.NotSupported));
            Assert.That(_plugin.PaymentMethodType, Is.EqualTo(PaymentMethodType.Standard));
            Assert.That(_plugin.SkipPaymentInfo, Is.False);
        });
    }

    [Test]
    public async Task Capture_void_and_recurring_payments_are_refused_with_a_reason()
    {
        var capture = await _plugin.CaptureAsync(new CapturePaymentRequest());
        var @void = await _plugin.VoidAsync(new VoidPaymentRequest());
        var recurring = await _plugin.ProcessRecurringPaymentAsync(new ProcessPaymentRequest());

        Assert.Multiple(() =>
        {
            Assert.That(capture.Success, Is.False);
            Assert.That(capture.Errors.Single(), Does.Contain("captures"));
            Assert.That(@void.Success, Is.False);
            Assert.That(recurring.Success, Is.False);
        });
        Assert.That(await _plugin.CanRePostProcessPaymentAsync(new Nop.Core.Domain.Orders.Order()), Is.False);
    }

    [Test]
    public async Task Shows_its_widgets_in_the_admin_order_page_its_refund_popup_and_the_counter_page()
    {
        var zones = await _plugin.GetWidgetZonesAsync();

        Assert.That(zones, Is.EquivalentTo(new[] { AdminWidgetZones.OrderDetailsBlock, AdminWidgetZones.OrderPartiallyRefundButtons, PublicWidgetZones.CheckoutCompletedTop }));
        Assert.That(zones.Select(_plugin.GetWidgetViewComponent), Has.All.Not.Null);
        Assert.That(_plugin.GetWidgetViewComponent("some_other_zone"), Is.Null);
        Assert.That(_plugin.HideInWidgetList, Is.True);
    }
}
