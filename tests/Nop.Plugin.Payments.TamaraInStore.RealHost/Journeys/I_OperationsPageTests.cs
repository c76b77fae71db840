using System.Text;
using Nop.Plugin.Payments.TamaraInStore.RealHost.Harness;

namespace Nop.Plugin.Payments.TamaraInStore.RealHost.Journeys;

/// <summary>
/// Sales → Tamara operations: a paid and a pending order in the grid, filtered by state and found by number, exported as CSV,
/// "check now" on the pending one from the selection, and reconciliation with Tamara run from the page
/// </summary>
[RealHostFixture, Order(9), NonParallelizable]
public class I_OperationsPageTests : Journey
{
    private static PlacedOrder _paid;
    private static PlacedOrder _pending;

    private static OperationsPage Operations => new(Admin.Page);

    [SetUp]
    public void NoFaults() => Tamara.Faults.Reset();

    [Test, Order(1)]
    public async Task A_the_menu_item_under_sales_opens_the_page_with_both_orders()
    {
        _paid = await PlaceTamaraOrderAsync();
        await Customer.PayAsync(_paid.PhoneDigits);
        await WaitForOrderAsync(_paid.OrderId, row => row.PaymentStatusId == OrderRow.Paid, "paid", 60);
        _pending = await PlaceTamaraOrderAsync();

        var title = await Operations.MenuItemTitleAsync();
        Assert.That(title, Does.StartWith("Tamara operations"), "the menu has the item");

        await Operations.OpenFromMenuAsync();
        await Screens.TakeAsync(Admin.Page, "operations-page");
        Assert.That(await Admin.Page.Locator("#tamara-reconciliation-result").InnerTextAsync(), Does.Contain("Reconciliation has not run yet"));
        var numbers = await Operations.OrderNumbersAsync();
        Assert.That(numbers, Does.Contain(_paid.OrderId.ToString()).And.Contain(_pending.OrderId.ToString()));
        Assert.That(await Operations.RowTextAsync(_paid.OrderId), Does.Contain("Paid").And.Contain("SAR"));
        Assert.That(await Operations.RowTextAsync(_pending.OrderId), Does.Contain("Pending").And.Not.Contain(_pending.PhoneDigits), "the phone is masked");
        Assert.That(await Operations.RowActionsAsync(_pending.OrderId), Is.EqualTo(new[] { "CheckNow", "Void", "SendNewLink" }),
            "the actions the server allows, as on the order card");
        Assert.That(await Operations.RowActionsAsync(_paid.OrderId), Is.EqualTo(new[] { "CheckNow" }));
    }

    [Test, Order(2)]
    public async Task B_filter_by_state_and_search_by_order_number()
    {
        RequireBothOrders();
        await Admin.Page.GotoAsync(OperationsPage.Path);

        await Operations.SearchAsync(stateId: 10);
        var pendingOnly = await Operations.OrderNumbersAsync();
        Assert.That(pendingOnly, Does.Contain(_pending.OrderId.ToString()).And.Not.Contain(_paid.OrderId.ToString()));

        await Operations.SearchAsync(text: _paid.OrderId.ToString());
        Assert.That(await Operations.OrderNumbersAsync(), Is.EqualTo(new[] { _paid.OrderId.ToString() }));
        await Screens.TakeAsync(Admin.Page, "operations-search-by-number");

        // a clerk types the number and presses Enter: the grid searches, nothing is downloaded
        var downloads = 0;
        void Count(object sender, IDownload download) => downloads++;
        Admin.Page.Download += Count;
        try
        {
            await Operations.SearchWithEnterAsync(_pending.OrderId.ToString());
            Assert.That(await Operations.OrderNumbersAsync(), Is.EqualTo(new[] { _pending.OrderId.ToString() }));
            Assert.That(downloads, Is.Zero, "Enter in the search box does not export");
        }
        finally
        {
            Admin.Page.Download -= Count;
        }
    }

    [Test, Order(3)]
    public async Task C_the_csv_export_opens_in_excel_with_the_row()
    {
        RequireBothOrders();
        await Admin.Page.GotoAsync(OperationsPage.Path);
        await Operations.SearchAsync(text: _paid.OrderId.ToString());

        var csv = await Operations.ExportCsvAsync();

        Assert.That(csv.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "UTF-8 with BOM");
        var lines = Encoding.UTF8.GetString(csv, 3, csv.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(2), "the header and the one order found");
        Assert.That(lines[1], Does.StartWith(_paid.OrderId + ",").And.Contain(_paid.TamaraOrderId).And.Contain(",SAR,"));
    }

    [Test, Order(4)]
    public async Task D_check_now_on_the_selected_pending_order()
    {
        RequireBothOrders();
        await Admin.Page.GotoAsync(OperationsPage.Path);
        await Operations.SearchAsync(stateId: 10);

        var report = await Operations.BulkAsync("CheckNow", _pending.OrderId);

        await Screens.TakeAsync(Admin.Page, "operations-bulk-check-now");
        Assert.That(report, Has.Count.EqualTo(1));
        Assert.That(report[0], Does.Contain(_pending.OrderId.ToString()).And.Contain("done"));
        Assert.That(await Admin.Page.Locator($"#tamara-bulk-results li.text-success[data-order-id='{_pending.OrderId}']").CountAsync(), Is.EqualTo(1));
    }

    [Test, Order(5)]
    public async Task E_in_arabic_the_page_reads_right_to_left()
    {
        var arabic = await Database.ScalarAsync<int>("SELECT \"Id\" FROM \"Language\" WHERE \"LanguageCulture\" = 'ar-SA'");
        var english = await Database.ScalarAsync<int>("SELECT \"Id\" FROM \"Language\" WHERE \"LanguageCulture\" = 'en-US'");
        Assert.That(arabic, Is.GreaterThan(0), "the Arabic language of the first journey");
        try
        {
            await Admin.Page.GotoAsync($"changelanguage/{arabic}?returnUrl=%2F{Uri.EscapeDataString(OperationsPage.Path)}");
            await Operations.OpenFromMenuAsync();
            await Screens.TakeAsync(Admin.Page, "operations-page-arabic");

            Assert.That(await Admin.Page.GetAttributeAsync("html", "dir"), Is.EqualTo("rtl"));
            var text = await Admin.Page.Locator(".content-wrapper").First.InnerTextAsync();
            Assert.That(text, Does.Contain("عمليات تمارا"));
            Assert.That(text, Does.Not.Contain("Plugins.Payments.TamaraInStore").IgnoreCase, "every text of the page translated");
        }
        finally
        {
            await Admin.Page.GotoAsync($"changelanguage/{english}?returnUrl=%2FAdmin");
        }
    }

    [Test, Order(6)]
    public async Task F_reconcile_now_lists_a_refund_the_store_shows_but_tamara_never_made_and_agrees_once_corrected()
    {
        RequireBothOrders();
        // a refund recorded in nopCommerce alone (as "Refund (offline)" would): only reconciliation can notice it
        await Database.ExecuteAsync($"UPDATE \"Order\" SET \"RefundedAmount\" = 50 WHERE \"Id\" = {_paid.OrderId}");
        try
        {
            await Admin.Page.GotoAsync(OperationsPage.Path);
            var result = await Operations.ReconcileNowAsync();
            await Screens.TakeAsync(Admin.Page, "operations-reconciliation-disagreement");

            Assert.That(result, Does.Contain("1 disagreement"));
            var finding = await Operations.FindingTextAsync(_paid.OrderId);
            Assert.That(finding, Does.Contain("The order shows more refunded than Tamara refunded")
                .And.Contain("Check the refund in Tamara's partner portal"), "what is wrong and what fixes it");
            Assert.That(await Database.ScalarAsync<int>(
                    $"SELECT COUNT(*) FROM \"OrderNote\" WHERE \"OrderId\" = {_paid.OrderId} AND \"Note\" LIKE 'Tamara reconciliation%'"),
                Is.Zero, "a disagreement for a person changes nothing by itself");
        }
        finally
        {
            await Database.ExecuteAsync($"UPDATE \"Order\" SET \"RefundedAmount\" = 0 WHERE \"Id\" = {_paid.OrderId}");
        }

        var again = await Operations.ReconcileNowAsync();
        await Screens.TakeAsync(Admin.Page, "operations-reconciliation-all-agree");
        Assert.That(again, Does.Match(@"All \d+ orders agree"));
    }

    private static void RequireBothOrders()
    {
        if (_paid is null || _pending is null)
            Assert.Fail("the first step did not place both orders");
    }
}
