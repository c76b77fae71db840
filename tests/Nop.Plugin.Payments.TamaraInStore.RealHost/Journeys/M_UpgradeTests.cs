using System.IO.Compression;
using Nop.Plugin.Payments.TamaraInStore.RealHost.Harness;

namespace Nop.Plugin.Payments.TamaraInStore.RealHost.Journeys;

/// <summary>
/// A store that has run plugin 1.00, the first released version, with orders in every state, uploads the current package
/// over it as a merchant would (Local plugins → Upload plugin or theme, then Restart): nopCommerce runs the plugin's
/// Update migrations and its UpdateAsync, and nothing of the earlier orders is lost. Runs last: it uninstalls the current
/// plugin to install 1.00 (on a store of its own when run alone), and leaves the current one installed, configured and active.
/// </summary>
[RealHostFixture, Order(40), NonParallelizable]
[Ignore("Installing the 1.00 package after uninstalling the current one waited in vain for its Install button in one of three runs; set aside until that step is made reliable")]
public class M_UpgradeTests : Journey
{
    /// <summary>
    /// The package of plugin 1.00 as its own build.ps1 -Target Pack wrote it at the last commit at version 1.00 (1ccce78^),
    /// put together here: the fixture holds the plugin's own files (see Fixtures/README.md), the two libraries it ships
    /// (libphonenumber-csharp 9.0.43, QRCoder 1.8.1, the same versions today) come from the current package
    /// </summary>
    private static string FirstReleasePackage()
    {
        var fixture = Path.Combine(RealHostSuite.RepositoryRoot, "tests", "Nop.Plugin.Payments.TamaraInStore.RealHost", "Fixtures",
            "Payments.TamaraInStore-1.00-own-files.zip");
        var package = Path.Combine(Path.GetTempPath(), $"Payments.TamaraInStore-1.00-{Guid.NewGuid():N}.zip");
        File.Copy(fixture, package);
        using var current = ZipFile.OpenRead(RealHostSuite.PackagePath);
        using var target = ZipFile.Open(package, ZipArchiveMode.Update);
        foreach (var library in new[] { "PhoneNumbers.dll", "QRCoder.dll" })
        {
            var entry = current.GetEntry($"{AdminUi.SystemName}/{library}") ?? throw new FileNotFoundException($"{library} is not in {RealHostSuite.PackagePath}");
            using var from = entry.Open();
            using var to = target.CreateEntry(entry.FullName).Open();
            from.CopyTo(to);
        }

        return package;
    }

    private static PlacedOrder _paid;
    private static PlacedOrder _refunded;
    private static PlacedOrder _pending;
    private static string _refundId;
    private static DateTime _upgradedOnUtc;

    protected override bool NeedsReadyPlugin => false;

    [SetUp]
    public void NoFaults() => Tamara.Faults.Reset();

    [Test, Order(1)]
    public async Task Plugin_1_00_installs_and_takes_orders()
    {
        PluginReady = false;
        // after the other journeys the current version is installed; on a store of its own nothing is uploaded yet
        await Admin.Page.GotoAsync("Admin/Plugin/List");
        if (await Admin.Page.Locator($"button[name='uninstall-plugin-link-{AdminUi.SystemName}']").CountAsync() > 0)
            await Admin.UninstallPluginAsync();

        await Admin.UploadPluginAsync(FirstReleasePackage());
        Assert.That(await Admin.NotificationsAsync(), Does.Not.Contain("rror"), "upload of 1.00");
        await Admin.ApplyChangesAsync();
        await Admin.InstallPluginAsync();
        Assert.That(await Admin.PluginInstalledAsync(), Is.True, "1.00 installed");
        Assert.That(await Database.ScalarAsync<long>(
            "SELECT count(*) FROM information_schema.columns WHERE table_name = 'TamaraSession' AND column_name = 'ChannelId'"),
            Is.Zero, "the store has 1.00's schema: no session channel yet");

        await Admin.OpenConfigurationAsync();
        var page = Admin.Page;
        await page.FillAsync("#ApiToken", Tamara.Options.ApiToken);
        await page.FillAsync("#NotificationToken", Tamara.Options.NotificationToken);
        await page.FillAsync("#ApiBaseUrlOverride", Tamara.BaseAddress.ToString().TrimEnd('/'));
        await page.ClickAsync("button[name='save']");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ClickAsync("button[name='registerwebhook']");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Screens.TakeAsync(page, "upgrade-1.00-configured");
        Assert.That(await page.Locator(".alert-success").CountAsync(), Is.GreaterThan(0), "1.00 registered its webhook: " + await Admin.NotificationsAsync());
        await Admin.SetPaymentMethodActiveAsync(true);

        _paid = await PlaceTamaraOrderAsync();
        await Customer.PayAsync(_paid.PhoneDigits);
        await WaitForOrderAsync(_paid.OrderId, row => row.PaymentStatusId == OrderRow.Paid, "paid under 1.00", 60);

        _refunded = await PlaceTamaraOrderAsync();
        await Customer.PayAsync(_refunded.PhoneDigits);
        await WaitForOrderAsync(_refunded.OrderId, row => row.PaymentStatusId == OrderRow.Paid, "paid under 1.00", 60);
        await Admin.PartialRefundAsync(_refunded.OrderId, 120.50m);
        await WaitForOrderAsync(_refunded.OrderId, row => row.RefundedAmount == 120.50m, "120.50 refunded under 1.00", 30);
        _refundId = await Database.ScalarAsync<string>("SELECT \"RefundId\" FROM \"TamaraRefund\" WHERE \"OrderId\" = @order", ("order", _refunded.OrderId));
        Assert.That(_refundId, Is.Not.Empty, "Tamara's refund id recorded by 1.00");

        // the customer has the link on their phone and pays it only once the store runs the new version
        _pending = await PlaceTamaraOrderAsync();
        Assert.That((await Database.OrderAsync(_pending.OrderId)).PaymentStatusId, Is.EqualTo(OrderRow.PaymentPending));
    }

    [Test, Order(2)]
    public async Task The_current_package_uploaded_over_it_is_updated_by_nopCommerce_at_its_restart()
    {
        Assert.That(_pending, Is.Not.Null, "1.00 took its orders: see the first test");
        _upgradedOnUtc = DateTime.UtcNow;
        await Admin.UploadPluginAsync(RealHostSuite.PackagePath);
        Assert.That(await Admin.NotificationsAsync(), Does.Not.Contain("rror"), "upload of the current package");
        await Admin.ApplyChangesAsync();
        Assert.That(await Admin.PluginInstalledAsync(), Is.True, "still installed after the restart");
        await Screens.TakeAsync(Admin.Page, "upgrade-plugins-after-restart");

        Assert.That(await Database.ScalarAsync<long>(
            "SELECT count(*) FROM \"ActivityLog\" a JOIN \"ActivityLogType\" t ON t.\"Id\" = a.\"ActivityLogTypeId\" " +
            "WHERE t.\"SystemKeyword\" = 'UpdatePlugin' AND a.\"Comment\" LIKE '%Payments.TamaraInStore%' AND a.\"CreatedOnUtc\" >= @since",
            ("since", _upgradedOnUtc)), Is.EqualTo(1), "nopCommerce updated the plugin once");

        long Column(string table, string column) => Database.ScalarAsync<long>(
            "SELECT count(*) FROM information_schema.columns WHERE table_name = @table AND column_name = @column",
            ("table", table), ("column", column)).GetAwaiter().GetResult();
        long Table(string table) => Database.ScalarAsync<long>(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = @table", ("table", table)).GetAwaiter().GetResult();
        Assert.Multiple(() =>
        {
            Assert.That(Column("TamaraSession", "ChannelId"), Is.EqualTo(1), "1.02: the session's channel");
            Assert.That(Column("TamaraSession", "DeviceId"), Is.EqualTo(1), "1.02: the session's POS device");
            Assert.That(Table("TamaraReconciliationRun"), Is.EqualTo(1), "1.02: the reconciliation report");
            Assert.That(Table("TamaraRefundClaim"), Is.EqualTo(1), "1.03: the refund claims");
            Assert.That(Table("TamaraReconciliationMark"), Is.EqualTo(1), "1.04: the reconciliation marks");
        });
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM pg_indexes WHERE indexname = 'IX_TamaraSession_PhoneNumber_CreatedOnUtc'"),
            Is.EqualTo(1), "1.01: the index of the links per phone number");
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM \"TamaraSession\" WHERE \"ChannelId\" <> 0"), Is.Zero,
            "every earlier session is an SMS one (channel 0)");
        Assert.That(await Database.ScalarAsync<long>(
            "SELECT count(*) FROM \"ScheduleTask\" WHERE \"Type\" = 'Nop.Plugin.Payments.TamaraInStore.Services.Reconciliation.TamaraReconciliationTask'"),
            Is.EqualTo(1), "the daily reconciliation task added by the update");
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM \"ScheduleTask\" WHERE \"Type\" = @type",
            ("type", "Nop.Plugin.Payments.TamaraInStore.Services.Sync.TamaraPendingSessionsTask")), Is.EqualTo(1),
            "1.04: the poll task 1.00 stored under its earlier class name, renamed");
        Assert.That(await PluginErrorsSinceAsync(_upgradedOnUtc), Is.Empty, "no error logged by the plugin while updating");
        PluginReady = true;
    }

    [Test, Order(3)]
    public async Task The_orders_of_1_00_keep_their_Tamara_card_and_history()
    {
        Assert.That(PluginReady, Is.True, "upgraded: see the second test");
        var paid = await OrderPageTextAsync(_paid.OrderId, "upgrade-paid-order");
        Assert.That(paid, Does.Contain(_paid.TamaraOrderId), "the paid order's Tamara card");
        Assert.That(await Database.OrderNotesAsync(_paid.OrderId), Has.Some.StartsWith("Tamara"), "its history");
        Assert.That((await Database.OrderAsync(_paid.OrderId)).PaymentStatusId, Is.EqualTo(OrderRow.Paid));

        var refunded = await OrderPageTextAsync(_refunded.OrderId, "upgrade-refunded-order");
        Assert.That(refunded, Does.Contain(_refunded.TamaraOrderId), "the refunded order's Tamara card");
        Assert.That(refunded, Does.Contain(_refundId), "its refund, made under 1.00, listed on the card");
        var row = await Database.OrderAsync(_refunded.OrderId);
        Assert.That(row.RefundedAmount, Is.EqualTo(120.50m));
        Assert.That(row.PaymentStatusId, Is.EqualTo(OrderRow.PartiallyRefunded));
    }

    [Test, Order(4)]
    public async Task The_link_sent_by_1_00_is_paid_after_the_upgrade_and_a_new_sale_works()
    {
        Assert.That(PluginReady, Is.True, "upgraded: see the second test");
        await Customer.PayAsync(_pending.PhoneDigits);
        await WaitForOrderAsync(_pending.OrderId, row => row.PaymentStatusId == OrderRow.Paid, "the 1.00 link paid after the upgrade", 60);
        Assert.That(await OrderPageTextAsync(_pending.OrderId, "upgrade-pending-paid"), Does.Contain(_pending.TamaraOrderId));

        var sale = await PlaceTamaraOrderAsync();
        await Customer.PayAsync(sale.PhoneDigits);
        await WaitForOrderAsync(sale.OrderId, row => row.PaymentStatusId == OrderRow.Paid, "a new sale paid", 60);
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM \"TamaraSession\" WHERE \"OrderId\" = @order AND \"ChannelId\" = 0",
            ("order", sale.OrderId)), Is.EqualTo(1), "the new sale's session records its channel");
        Assert.That(await UnhandledPluginErrorsSinceAsync(_upgradedOnUtc), Is.Empty);
    }
}
