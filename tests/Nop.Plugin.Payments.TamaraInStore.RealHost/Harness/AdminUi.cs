using Nop.Plugin.Payments.TamaraInStore.RealHost;
using System.Text.RegularExpressions;

namespace Nop.Plugin.Payments.TamaraInStore.RealHost.Harness;

/// <summary>nopCommerce's administration as a merchant uses it: the same buttons, popups and confirmations</summary>
public sealed class AdminUi
{
    public const string SystemName = "Payments.TamaraInStore";

    private readonly IPage _page;
    private readonly RealHostInfo _host;

    public AdminUi(IPage page, RealHostInfo host)
    {
        _page = page;
        _host = host;
    }

    public IPage Page => _page;

    /// <summary>
    /// Signs in, in English; an impersonation an interrupted run left open (nopCommerce keeps it on the admin's account)
    /// is finished first
    /// </summary>
    public async Task LoginAsync()
    {
        await _page.GotoAsync("login?returnUrl=%2FAdmin");
        if (await _page.Locator("#Email").CountAsync() > 0)
        {
            await _page.FillAsync("#Email", _host.AdminEmail);
            await _page.FillAsync("#Password", _host.AdminPassword);
            await _page.ClickAsync("button.login-button");
            await _page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        await _page.GotoAsync("Admin");
        if (!new Uri(_page.Url).AbsolutePath.StartsWith("/Admin", StringComparison.OrdinalIgnoreCase))
        {
            await _page.GotoAsync("logout");
            await _page.GotoAsync("Admin");
        }

        var english = await RealHostSuite.Database.ScalarAsync<int>("SELECT \"Id\" FROM \"Language\" WHERE \"LanguageCulture\" = 'en-US'");
        await _page.GotoAsync($"changelanguage/{english}?returnUrl=%2FAdmin");
        Assert.That(new Uri(_page.Url).AbsolutePath, Does.StartWith("/Admin").IgnoreCase, "signed in to the administration");
    }

    /// <summary>Local plugins → Upload plugin or theme, the package chosen in the file dialog</summary>
    public async Task UploadPluginAsync(string zipPath)
    {
        await _page.GotoAsync("Admin/Plugin/List");
        await _page.ClickAsync("button[name='uploadplugin']");
        await _page.SetInputFilesAsync("#archivefile", zipPath);
        await RealHostSuite.Screens.TakeAsync(_page, "plugins-upload");
        await _page.ClickAsync("#upload-plugin");
        await _page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    public async Task InstallPluginAsync()
    {
        await _page.GotoAsync("Admin/Plugin/List");
        await _page.ClickAsync($"button[name='install-plugin-link-{SystemName}']");
        await _page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await RealHostSuite.Screens.TakeAsync(_page, "plugins-installed-pending-restart");
        await ApplyChangesAsync();
    }

    public async Task UninstallPluginAsync()
    {
        await _page.GotoAsync("Admin/Plugin/List");
        await _page.ClickAsync($"button[name='uninstall-plugin-link-{SystemName}']");
        var confirm = _page.Locator($"#uninstall-plugin-link-{SystemName.Replace(".", "\\.")}-action-confirmation-submit-button");
        if (await confirm.CountAsync() > 0 && await confirm.IsVisibleAsync())
            await confirm.ClickAsync();
        await _page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await RealHostSuite.Screens.TakeAsync(_page, "plugins-uninstalled-pending-restart");
        await ApplyChangesAsync();
    }

    /// <summary>"Apply changes" restarts nopCommerce; waits until the admin answers again</summary>
    public async Task ApplyChangesAsync()
    {
        var apply = _page.Locator("button[name='plugin-apply-changes']");
        await apply.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        await apply.ClickAsync();
        await Task.Delay(3000);
        await WaitForStoreAsync();
        await LoginAsync();
    }

    public async Task WaitForStoreAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        await Waits.UntilAsync(async () =>
        {
            try
            {
                using var answer = await http.GetAsync(new Uri(_host.Url, "Admin"));
                return (int)answer.StatusCode;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                return 0;
            }
        }, code => code is 200 or 302, TimeSpan.FromMinutes(4), "nopCommerce to answer after its restart");
    }

    public async Task<bool> PluginInstalledAsync()
    {
        await _page.GotoAsync("Admin/Plugin/List");
        var uninstall = _page.Locator($"button[name='uninstall-plugin-link-{SystemName}']");
        var install = _page.Locator($"button[name='install-plugin-link-{SystemName}']");
        await uninstall.Or(install).First.WaitForAsync();
        return await uninstall.CountAsync() > 0;
    }

    public async Task OpenConfigurationAsync()
    {
        await _page.GotoAsync("Admin/Payment/Methods");
        var row = _page.Locator("#paymentmethods-grid tbody tr", new PageLocatorOptions { HasText = SystemName });
        await row.Locator("a", new LocatorLocatorOptions { HasText = "Configure" }).ClickAsync();
        await _page.WaitForURLAsync(new Regex("TamaraInStore/Configure", RegexOptions.IgnoreCase));
    }

    /// <summary>The configuration page's POS device id (QR checkout), saved; answers the page's notifications</summary>
    public async Task<string> SetDeviceIdAsync(string deviceId)
    {
        await OpenConfigurationAsync();
        await _page.FillAsync("#DeviceId", deviceId);
        await _page.ClickAsync("button[name='save']");
        await _page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await RealHostSuite.Screens.TakeAsync(_page, "configure-device-id");
        return await NotificationsAsync();
    }

    /// <summary>Payment methods grid: Edit on the row, tick "Is active", Update</summary>
    public async Task SetPaymentMethodActiveAsync(bool active)
    {
        await _page.GotoAsync("Admin/Payment/Methods");
        var row = _page.Locator("#paymentmethods-grid tbody tr", new PageLocatorOptions { HasText = SystemName });
        await row.Locator("a, button", new LocatorLocatorOptions { HasTextRegex = new Regex("^\\s*Edit\\s*$") }).First.ClickAsync();
        var checkbox = row.Locator("input[type=checkbox]");
        await checkbox.SetCheckedAsync(active);
        await row.Locator("a, button", new LocatorLocatorOptions { HasTextRegex = new Regex("^\\s*Update\\s*$") }).First.ClickAsync();
        await _page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await RealHostSuite.Screens.TakeAsync(_page, active ? "payment-method-activated" : "payment-method-deactivated");
    }

    /// <summary>Customers → Edit → "Place order": nopCommerce's impersonation, which opens the storefront as that customer</summary>
    public async Task ImpersonateAsync(string customerEmail)
    {
        var customerId = await RealHostSuite.Database.CustomerIdAsync(customerEmail);
        Assert.That(customerId, Is.GreaterThan(0), $"sample customer {customerEmail}");
        await _page.GotoAsync($"Admin/Customer/Edit/{customerId}");
        var button = _page.Locator("button[name='impersonate']");
        if (!await button.IsVisibleAsync())
        {
            // the "Place order" card is an advanced, collapsed card on a fresh install
            var advanced = _page.Locator("#advanced-settings-mode");
            if (await advanced.CountAsync() > 0 && !await advanced.IsCheckedAsync())
                await _page.Locator("label[for='advanced-settings-mode'], .onoffswitch-label").First.ClickAsync();
            var card = _page.Locator("#customer-impersonate .card-header, [data-card-name='customer-impersonate'] .card-header").First;
            if (await card.CountAsync() > 0 && !await button.IsVisibleAsync())
                await card.ClickAsync();
        }

        await RealHostSuite.Screens.TakeAsync(_page, "customer-place-order");
        await button.ClickAsync();
        await _page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>The header's "Clear cache": nopCommerce reads settings changed in the database again</summary>
    public async Task ClearCacheAsync()
    {
        var back = _page.Url;
        await _page.GotoAsync("Admin");
        await _page.EvaluateAsync("() => document.querySelector(\"form[action*='ClearCache'] button, form[action*='ClearCache'] [type=submit]\").click()");
        await _page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        if (!back.Contains("/Admin", StringComparison.OrdinalIgnoreCase))
            await _page.GotoAsync(back);
    }

    public async Task OpenOrderAsync(int orderId)
    {
        await _page.GotoAsync($"Admin/Order/Edit/{orderId}");
        await _page.Locator("#order-form").WaitForAsync();
    }

    /// <summary>The order page's "Refund" button and its "Are you sure?" dialog</summary>
    public async Task RefundAsync(int orderId)
    {
        await OpenOrderAsync(orderId);
        await _page.ClickAsync("#refundorder");
        await _page.ClickAsync("#refundorder-action-confirmation-submit-button");
        await _page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await RealHostSuite.Screens.TakeAsync(_page, $"order-{orderId}-refunded");
    }

    /// <summary>The order page's "Partial refund" popup window</summary>
    public async Task PartialRefundAsync(int orderId, decimal amount)
    {
        await OpenOrderAsync(orderId);
        var popup = await _page.RunAndWaitForPopupAsync(() => _page.ClickAsync("#partiallyrefundorder"));
        await popup.WaitForLoadStateAsync();
        await popup.FillAsync("#AmountToRefund", amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await RealHostSuite.Screens.TakeAsync(popup, $"order-{orderId}-partial-refund-{amount}");
        var closed = new TaskCompletionSource();
        popup.Close += (_, _) => closed.TrySetResult();
        await popup.ClickAsync("button[name='partialrefundorder']");
        if (await Task.WhenAny(closed.Task, Task.Delay(TimeSpan.FromSeconds(30))) != closed.Task)
        {
            await RealHostSuite.Screens.TakeAsync(popup, $"order-{orderId}-partial-refund-stayed-open");
            var errors = await popup.Locator(".alert-danger, .validation-summary-errors, .field-validation-error").AllInnerTextsAsync();
            Assert.Fail($"the partial refund popup stayed open: {string.Join(" | ", errors)}");
        }
    }

    public async Task CancelOrderAsync(int orderId)
    {
        await OpenOrderAsync(orderId);
        await _page.ClickAsync("#cancelorder");
        await _page.ClickAsync("#cancelorder-action-confirmation-submit-button");
        await _page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await RealHostSuite.Screens.TakeAsync(_page, $"order-{orderId}-cancelled");
    }

    public async Task<string> NotificationsAsync() =>
        string.Join(" | ", await _page.Locator(".alert").AllInnerTextsAsync());
}
