using Nop.Plugin.Payments.TamaraInStore.RealHost.Harness;

namespace Nop.Plugin.Payments.TamaraInStore.RealHost.Journeys;

/// <summary>Uninstall leaves nothing of the plugin in the store's settings; installing again works as the first time</summary>
[RealHostFixture, Order(30), NonParallelizable]
public class H_UninstallTests : Journey
{
    [Test, Order(1)]
    public async Task Uninstall_removes_its_settings_task_and_payment_method()
    {
        await Admin.UninstallPluginAsync();
        Assert.That(await Admin.PluginInstalledAsync(), Is.False);

        Assert.That(await Database.SettingAsync("paymentsettings.activepaymentmethodsystemnames") ?? "", Does.Not.Contain(AdminUi.SystemName),
            "no longer an active payment method");
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM \"Setting\" WHERE \"Name\" LIKE 'tamarainstoresettings.%'"), Is.Zero);
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM \"ScheduleTask\" WHERE \"Type\" LIKE '%TamaraInStore%'"), Is.Zero);
    }

    [Test, Order(2)]
    public async Task Installing_again_brings_back_the_configuration_page()
    {
        await Admin.InstallPluginAsync();
        Assert.That(await Admin.PluginInstalledAsync(), Is.True);
        await Admin.Page.GotoAsync("Admin/TamaraInStore/Configure");
        await Screens.TakeAsync(Admin.Page, "configure-after-reinstall");
        Assert.That(await Admin.Page.InputValueAsync("#PollIntervalSeconds"), Is.EqualTo("10"));
    }
}
