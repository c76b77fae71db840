namespace Nop.Plugin.Payments.TamaraInStore.RealHost.Harness;

/// <summary>Sales → Tamara operations, as a manager uses it: the menu item, the search panel, the grid, the export and the bulk buttons</summary>
public sealed class OperationsPage
{
    public const string Path = "Admin/TamaraInStoreOperations/List";

    private readonly IPage _page;

    public OperationsPage(IPage page) => _page = page;

    /// <summary>The menu item's link under Sales, and its title (the count of sessions needing attention is part of it)</summary>
    public async Task<string> MenuItemTitleAsync()
    {
        await _page.GotoAsync("Admin");
        var link = _page.Locator($"a[href$='/{Path}' i]");
        return await link.CountAsync() == 0 ? null : (await link.First.TextContentAsync())?.Trim();
    }

    public async Task OpenFromMenuAsync()
    {
        await _page.GotoAsync("Admin");
        var href = await _page.Locator($"a[href$='/{Path}' i]").First.GetAttributeAsync("href");
        await _page.GotoAsync(href!);
        await WaitForGridAsync();
    }

    public async Task SearchAsync(int stateId = 0, string text = "")
    {
        await _page.SelectOptionAsync("#StateId", stateId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await _page.FillAsync("#SearchText", text);
        await _page.ClickAsync("#search-tamara-sessions");
        await WaitForGridAsync();
    }

    /// <summary>Types into the search box and presses Enter, as a clerk does</summary>
    public async Task SearchWithEnterAsync(string text)
    {
        await _page.SelectOptionAsync("#StateId", "0");
        await _page.FillAsync("#SearchText", text);
        await _page.PressAsync("#SearchText", "Enter");
        await _page.WaitForTimeoutAsync(500);
        await WaitForGridAsync();
    }

    /// <summary>The order numbers the grid shows</summary>
    public async Task<IReadOnlyList<string>> OrderNumbersAsync() =>
        (await _page.Locator("#tamara-sessions-grid tbody tr td a[href*='/Admin/Order/Edit/']").AllInnerTextsAsync()).Select(text => text.Trim()).ToList();

    public async Task<string> RowTextAsync(int orderId) =>
        await _page.Locator("#tamara-sessions-grid tbody tr").Filter(new LocatorFilterOptions { Has = _page.Locator($"a[href$='/Admin/Order/Edit/{orderId}']") }).InnerTextAsync();

    /// <summary>The actions a row's buttons post, as the page drew them from the list the server sent</summary>
    public async Task<IReadOnlyList<string>> RowActionsAsync(int orderId) =>
        await _page.Locator("#tamara-sessions-grid tbody tr").Filter(new LocatorFilterOptions { Has = _page.Locator($"a[href$='/Admin/Order/Edit/{orderId}']") })
            .Locator(".tamara-row-action").EvaluateAllAsync<string[]>("buttons => buttons.map(button => button.dataset.action)");

    /// <summary>"Export to CSV" with the current search panel: the file's bytes</summary>
    public async Task<byte[]> ExportCsvAsync()
    {
        var download = await _page.RunAndWaitForDownloadAsync(() => _page.ClickAsync("#tamara-export-csv"));
        var path = await download.PathAsync();
        return await File.ReadAllBytesAsync(path);
    }

    /// <summary>Ticks the rows of these orders and presses one of the bulk buttons (confirming its dialog): what it reported per order</summary>
    public async Task<IReadOnlyList<string>> BulkAsync(string action, params int[] orderIds)
    {
        foreach (var orderId in orderIds)
            await _page.CheckAsync($"#tamara-sessions-grid input[name='checkbox_tamara_sessions'][value='{orderId}']");

        _page.Dialog += AcceptDialog;
        try
        {
            await _page.ClickAsync($".tamara-bulk[data-action='{action}']");
            var results = _page.Locator("#tamara-bulk-results li");
            await Waits.UntilAsync(() => results.CountAsync(), count => count >= orderIds.Length, TimeSpan.FromSeconds(60), "the bulk action's report");
            return await results.AllInnerTextsAsync();
        }
        finally
        {
            _page.Dialog -= AcceptDialog;
        }
    }

    /// <summary>"Reconcile now": waits for the page to come back with the new run's result, and returns that result's text</summary>
    public async Task<string> ReconcileNowAsync()
    {
        // the button posts, the run ends, and the page comes back with the new report
        await _page.RunAndWaitForResponseAsync(() => _page.ClickAsync("#tamara-reconcile-now"),
            response => response.Request.Method == "GET" && response.Url.EndsWith("/" + Path, StringComparison.OrdinalIgnoreCase),
            new PageRunAndWaitForResponseOptions { Timeout = 120_000 });
        await _page.Locator("#tamara-reconcile-now:not([disabled])").WaitForAsync();
        await WaitForGridAsync();
        return (await _page.Locator("#tamara-reconciliation-result").InnerTextAsync()).Trim();
    }

    /// <summary>The reconciliation finding's row for this order</summary>
    public Task<string> FindingTextAsync(int orderId) =>
        _page.Locator("#tamara-reconciliation-findings tbody tr")
            .Filter(new LocatorFilterOptions { Has = _page.Locator($"a[href$='/Admin/Order/Edit/{orderId}']") }).InnerTextAsync();

    private static async void AcceptDialog(object sender, IDialog dialog) => await dialog.AcceptAsync();

    private async Task WaitForGridAsync()
    {
        await _page.Locator("#tamara-sessions-grid").WaitForAsync();
        await _page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await _page.Locator("#tamara-sessions-grid_processing").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Hidden, Timeout = 30_000 });
    }
}
