using System.Text.RegularExpressions;
using Nop.Plugin.Payments.TamaraInStore.RealHost.Harness;

namespace Nop.Plugin.Payments.TamaraInStore.RealHost.Journeys;

/// <summary>A merchant in Riyadh: an Arabic language, the package uploaded and installed, configured against Tamara, activated</summary>
[RealHostFixture, Order(1), NonParallelizable]
public class A_InstallAndConfigureTests : Journey
{
    protected override bool NeedsReadyPlugin => false;

    [Test, Order(1)]
    public async Task The_store_has_an_arabic_language_right_to_left()
    {
        var exists = await Database.ScalarAsync<long>("SELECT count(*) FROM \"Language\" WHERE \"LanguageCulture\" LIKE 'ar-%'");
        if (exists > 0)
            return;

        var page = Admin.Page;
        await page.GotoAsync("Admin/Language/Create");
        await page.FillAsync("#Name", "العربية");
        await page.SelectOptionAsync("#LanguageCulture", "ar-SA");
        await page.FillAsync("#UniqueSeoCode", "ar");
        await page.CheckAsync("#Rtl");
        await page.CheckAsync("#Published");
        await page.FillAsync("#DisplayOrder", "2");
        await Screens.TakeAsync(page, "language-arabic-create");
        await page.ClickAsync("button[name='save']");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM \"Language\" WHERE \"LanguageCulture\" = 'ar-SA' AND \"Rtl\""),
            Is.EqualTo(1), await Admin.NotificationsAsync());
    }

    [Test, Order(2)]
    public async Task The_package_uploads_installs_and_survives_the_restart()
    {
        await Admin.UploadPluginAsync(RealHostSuite.PackagePath);
        Assert.That(await Admin.NotificationsAsync(), Does.Not.Contain("rror"), "upload");
        // nopCommerce loads an uploaded plugin at its next start
        await Admin.ApplyChangesAsync();

        await Admin.InstallPluginAsync();
        Assert.That(await Admin.PluginInstalledAsync(), Is.True, "installed after the restart");
        await Screens.TakeAsync(Admin.Page, "plugins-after-restart");

        Assert.That(await Database.ScalarAsync<long>(
            "SELECT count(*) FROM \"ScheduleTask\" WHERE \"Type\" = 'Nop.Plugin.Payments.TamaraInStore.Services.Sync.TamaraPendingSessionsTask'"),
            Is.EqualTo(1), "the poll task is registered");
        Assert.That(await Database.ScalarAsync<long>(
            "SELECT count(*) FROM \"ScheduleTask\" WHERE \"Type\" = 'Nop.Plugin.Payments.TamaraInStore.Services.Reconciliation.TamaraReconciliationTask' " +
            "AND \"Seconds\" = 86400 AND \"Enabled\""), Is.EqualTo(1), "the daily reconciliation is registered");
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM \"TamaraReconciliationRun\""), Is.Zero, "its report table exists");
        Assert.That(await Database.ScalarAsync<long>(
            "SELECT count(*) FROM \"LocaleStringResource\" r JOIN \"Language\" l ON l.\"Id\" = r.\"LanguageId\" " +
            "WHERE l.\"LanguageCulture\" = 'ar-SA' AND r.\"ResourceName\" LIKE 'plugins.payments.tamarainstore.%'"),
            Is.GreaterThan(50), "Arabic texts installed for the Arabic language");
        // the restarts may leave nopCommerce's "scheduled task failed with Connection refused" for the plugin's task: not the plugin's error
        Assert.That(await PluginErrorsSinceAsync(DateTime.MinValue), Is.Empty, "no error logged by the plugin while installing");
    }

    [Test, Order(3)]
    public async Task The_configuration_page_saves_with_its_own_defaults()
    {
        await Admin.OpenConfigurationAsync();
        var page = Admin.Page;
        await Screens.TakeAsync(page, "configure-defaults");
        Assert.That(await page.InputValueAsync("#PollIntervalSeconds"), Is.EqualTo("10"));

        await page.ClickAsync("button[name='save']");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Screens.TakeAsync(page, "configure-defaults-saved");

        var clientErrors = await page.Locator(".field-validation-error").AllInnerTextsAsync();
        Assert.That(clientErrors.Where(text => !string.IsNullOrWhiteSpace(text)), Is.Empty, "no validation error on the defaults");
        Assert.That(await page.Locator(".alert-success").CountAsync(), Is.GreaterThan(0), "saved: " + await Admin.NotificationsAsync());
    }

    [Test, Order(4)]
    public async Task Pointed_at_tamara_it_tests_the_connection_and_registers_the_webhook()
    {
        await Admin.OpenConfigurationAsync();
        var page = Admin.Page;
        await page.FillAsync("#ApiToken", Tamara.Options.ApiToken);
        await page.FillAsync("#NotificationToken", Tamara.Options.NotificationToken);
        await page.FillAsync("#ApiBaseUrlOverride", Tamara.BaseAddress.ToString().TrimEnd('/'));
        await page.FillAsync("#StoreCode", "RUH-01");
        await page.ClickAsync("button[name='save']");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.That(await page.Locator(".alert-success").CountAsync(), Is.GreaterThan(0), "saved: " + await Admin.NotificationsAsync());

        var pageText = await page.ContentAsync();
        Assert.That(pageText, Does.Not.Contain(Tamara.Options.ApiToken), "the saved API token is never shown again");
        Assert.That(pageText, Does.Not.Contain(Tamara.Options.NotificationToken), "nor the notification token");

        await page.ClickAsync("button[name='testconnection']");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Screens.TakeAsync(page, "configure-test-connection");
        Assert.That(await page.Locator(".alert-success").CountAsync(), Is.GreaterThan(0), "test connection: " + await Admin.NotificationsAsync());

        await page.ClickAsync("button[name='registerwebhook']");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Screens.TakeAsync(page, "configure-register-webhook");
        Assert.That(await page.Locator(".alert-success").CountAsync(), Is.GreaterThan(0), "register webhook: " + await Admin.NotificationsAsync());

        var webhook = Tamara.State.Webhooks.SingleOrDefault();
        Assert.That(webhook, Is.Not.Null, "one webhook registered at Tamara");
        Assert.That(webhook.Url, Does.StartWith(new Uri(RealHostSuite.Host.Url, "tamara/in-store/webhook").ToString()));
    }

    [Test, Order(5)]
    public async Task It_is_activated_as_a_payment_method()
    {
        await Admin.SetPaymentMethodActiveAsync(true);
        var active = await Database.SettingAsync("paymentsettings.activepaymentmethodsystemnames");
        Assert.That(active, Does.Contain(AdminUi.SystemName));
        PluginReady = true;
    }
}
