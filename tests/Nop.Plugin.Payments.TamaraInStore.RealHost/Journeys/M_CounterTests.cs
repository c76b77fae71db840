using Nop.Plugin.Payments.TamaraInStore.RealHost.Harness;
using TamaraSimulator;

namespace Nop.Plugin.Payments.TamaraInStore.RealHost.Journeys;

/// <summary>
/// Sales → Tamara counter: a scanner-style sale to a new customer paid by SMS (the order like any other in nopCommerce's
/// order list, stock decreased), the slip, a sale Tamara's pre-check refuses, a pre-check that hangs, a QR sale, and a
/// visitor refused on the counter's pages and POSTs
/// </summary>
[RealHostFixture, Order(11), NonParallelizable]
public class M_CounterTests : Journey
{
    private const int ProductId = Storefront.ProductId;

    private static string _sku;

    [SetUp]
    public void NoFaults()
    {
        Tamara.Faults.Reset();
        Tamara.PreCheck.Mode = PreCheckMode.Offer;
    }

    /// <summary>
    /// The sample product goes back to untracked stock: the journeys after this one sell it hundreds of times (the farm, the
    /// faults) and would find it out of stock
    /// </summary>
    [OneTimeTearDown]
    public async Task PutTheProductBackAsync()
    {
        if (_sku is null)
            return;

        await Database.ExecuteAsync($"UPDATE \"Product\" SET \"ManageInventoryMethodId\" = 0, \"StockQuantity\" = 10000 WHERE \"Id\" = {ProductId}");
        await Admin.ClearCacheAsync();
        _sku = null;
    }

    private static IPage Page => Admin.Page;

    /// <summary>The sample product gets a SKU and managed stock (50), so a sale's stock change shows</summary>
    private static async Task<string> ProductSkuAsync()
    {
        if (_sku is not null)
            return _sku;

        await Database.ExecuteAsync($"UPDATE \"Product\" SET \"Sku\" = 'LEN-IC-{ProductId}', \"ManageInventoryMethodId\" = 1, \"StockQuantity\" = 50, " +
            $"\"OrderMaximumQuantity\" = 100 WHERE \"Id\" = {ProductId}");
        await Admin.ClearCacheAsync();
        return _sku = $"LEN-IC-{ProductId}";
    }

    private static async Task OpenCounterAsync()
    {
        await Page.GotoAsync("Admin/TamaraInStoreCounter/Index");
        await Page.Locator("#tamara-counter-term").WaitForAsync();
    }

    /// <summary>A scanner: it types the code into the focused box and presses Enter</summary>
    private static async Task ScanAsync(string code)
    {
        await Page.Keyboard.TypeAsync(code);
        await Page.RunAndWaitForResponseAsync(() => Page.Keyboard.PressAsync("Enter"),
            response => response.Url.Contains("TamaraInStoreCounter/Add", StringComparison.OrdinalIgnoreCase));
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Page.Locator("#tamara-counter-term").WaitForAsync();
    }

    private static async Task<int> StockAsync() =>
        await Database.ScalarAsync<int>($"SELECT \"StockQuantity\" FROM \"Product\" WHERE \"Id\" = {ProductId}");

    [Test, Order(1)]
    public async Task A_scanned_sale_to_a_new_customer_is_paid_by_SMS_and_its_slip_printed()
    {
        var sku = await ProductSkuAsync();
        var stockBefore = await StockAsync();
        var phone = NextPhone();
        var smsBefore = Tamara.State.SmsOutbox.Count;

        // from an empty counter to the link sent: scan, scan, the phone number, Send
        await OpenCounterAsync();
        await Screens.TakeAsync(Page, "counter-empty");
        var actions = 0;
        await ScanAsync(sku); actions++;
        await ScanAsync(sku); actions++;
        await Screens.TakeAsync(Page, "counter-two-scans");
        var quantity = await Page.Locator("#tamara-counter-cart input[name=quantity]").InputValueAsync();
        var total = await Page.Locator("#tamara-counter-total").InnerTextAsync();
        await Page.FillAsync("#tamara-counter-phone", phone.Typed); actions++;
        await Page.ClickAsync("#tamara-counter-send-sms"); actions++;
        await Page.Locator("#tamara-counter-status").WaitForAsync();
        await Screens.TakeAsync(Page, "counter-sent");
        TestContext.Out.WriteLine($"Counter: {actions} user actions from an empty counter to the link sent (2 scans, 1 typed field, 1 click)");

        var orderId = int.Parse(await Page.Locator("#tamara-counter-sale").GetAttributeAsync("data-order-id"));
        var sms = Tamara.State.SmsOutbox.Skip(smsBefore).SingleOrDefault(message => message.PhoneNumber == phone.Digits);
        Assert.Multiple(() =>
        {
            Assert.That(quantity, Is.EqualTo("2"), "scanning again adds one more");
            Assert.That(total, Does.Contain("1,000.00"), "nopCommerce's total for two at SAR 500");
            Assert.That(sms, Is.Not.Null, $"Tamara texted {phone.Digits}");
            Assert.That(actions, Is.LessThanOrEqualTo(6));
        });

        var customerEmail = await Database.ScalarAsync<string>($"SELECT coalesce(c.\"Email\", '') FROM \"Order\" o JOIN \"Customer\" c ON c.\"Id\" = o.\"CustomerId\" WHERE o.\"Id\" = {orderId}");
        var customerPhone = await Database.ScalarAsync<string>($"SELECT c.\"Phone\" FROM \"Order\" o JOIN \"Customer\" c ON c.\"Id\" = o.\"CustomerId\" WHERE o.\"Id\" = {orderId}");
        var orderTotal = await Database.ScalarAsync<decimal>($"SELECT \"OrderTotal\" FROM \"Order\" WHERE \"Id\" = {orderId}");
        var orderTax = await Database.ScalarAsync<decimal>($"SELECT \"OrderTax\" FROM \"Order\" WHERE \"Id\" = {orderId}");
        var number = await Database.ScalarAsync<string>($"SELECT \"CustomOrderNumber\" FROM \"Order\" WHERE \"Id\" = {orderId}");
        var stockAfter = await StockAsync();
        TestContext.Out.WriteLine($"Counter order {orderId}: number {number}, total {orderTotal}, tax {orderTax}, stock {stockBefore} -> {stockAfter}");
        Assert.Multiple(() =>
        {
            Assert.That(customerEmail, Is.Empty, "a customer without an e-mail");
            Assert.That(customerPhone, Is.EqualTo(phone.Digits));
            Assert.That(orderTotal, Is.EqualTo(1000m));
            Assert.That(number, Is.Not.Empty);
            Assert.That(stockAfter, Is.EqualTo(stockBefore - 2), "nopCommerce's order placement decreased the stock");
        });

        // the order as nopCommerce's own order list shows it
        await Page.GotoAsync("Admin/Order/List");
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Screens.TakeAsync(Page, "counter-order-in-order-list");
        Assert.That(await Page.Locator("#orders-grid").InnerTextAsync(), Does.Contain(number));

        // the customer pays; the counter page turns Paid by itself and offers the slip
        await Page.GotoAsync($"Admin/TamaraInStoreCounter/Sale?orderId={orderId}");
        await Customer.PayAsync(phone.Digits);
        await Waits.UntilAsync(() => Page.Locator("#tamara-counter-status").GetAttributeAsync("data-state"), state => state == "paid",
            TimeSpan.FromSeconds(60), "the counter shows Paid");
        await Screens.TakeAsync(Page, "counter-paid");
        Assert.That(await Page.Locator("#tamara-counter-print").IsVisibleAsync(), Is.True);

        await Page.GotoAsync($"Admin/TamaraInStoreCounter/Slip?orderId={orderId}");
        await Screens.TakeAsync(Page, "counter-slip");
        var slip = await Page.Locator("#tamara-counter-slip").InnerTextAsync();
        Assert.That(slip, Does.Contain(number).And.Contain(sms.OrderId));

    }

    [Test, Order(2)]
    public async Task A_sale_Tamaras_pre_check_refuses_sends_nothing()
    {
        var sku = await ProductSkuAsync();
        Tamara.PreCheck.Mode = PreCheckMode.Refuse;
        var smsBefore = Tamara.State.SmsOutbox.Count;
        var ordersBefore = await Database.ScalarAsync<long>("SELECT count(*) FROM \"Order\"");

        await OpenCounterAsync();
        await ScanAsync(sku);
        await Page.FillAsync("#tamara-counter-phone", NextPhone().Typed);
        await Page.ClickAsync("#tamara-counter-send-sms");
        await Page.Locator("#tamara-counter-errors").WaitForAsync();
        await Screens.TakeAsync(Page, "counter-pre-check-refused");

        Assert.That(await Page.Locator("#tamara-counter-errors").InnerTextAsync(), Does.Contain("no plan"));
        Assert.That(Tamara.State.SmsOutbox, Has.Count.EqualTo(smsBefore), "nobody was texted");
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM \"Order\""), Is.EqualTo(ordersBefore), "no order");
    }

    [Test, Order(3)]
    public async Task A_pre_check_that_hangs_is_skipped_and_the_sale_goes_on()
    {
        Tamara.PreCheck.Mode = PreCheckMode.Hang;
        Tamara.PreCheck.HangFor = TimeSpan.FromSeconds(20);

        // the cart of the refused sale is still there
        await OpenCounterAsync();
        await Page.FillAsync("#tamara-counter-phone", NextPhone().Typed);
        var started = DateTime.UtcNow;
        await Page.ClickAsync("#tamara-counter-send-sms");
        await Page.Locator("#tamara-counter-status").WaitForAsync();
        var took = DateTime.UtcNow - started;
        await Screens.TakeAsync(Page, "counter-pre-check-skipped");
        TestContext.Out.WriteLine($"Send with a hanging pre-check took {took.TotalMilliseconds:0} ms");

        Assert.That(await Page.Locator("#tamara-counter-precheck-skipped").IsVisibleAsync(), Is.True);
        await Page.ClickAsync("#tamara-counter-next");
    }

    [Test, Order(4)]
    public async Task A_QR_sale_is_shown_at_the_till_and_paid()
    {
        var sku = await ProductSkuAsync();
        await Admin.SetDeviceIdAsync("POS-RUH-01");
        var smsBefore = Tamara.State.SmsOutbox.Count;

        await OpenCounterAsync();
        await ScanAsync(sku);
        await Page.FillAsync("#tamara-counter-phone", NextPhone().Typed);
        await Page.ClickAsync("#tamara-counter-show-qr");
        await Page.Locator("#tamara-counter-qr img").WaitForAsync();
        await Screens.TakeAsync(Page, "counter-qr");

        var orderId = int.Parse(await Page.Locator("#tamara-counter-sale").GetAttributeAsync("data-order-id"));
        var row = await WaitForOrderAsync(orderId, order => order.AuthorizationTransactionId is not null, "has its Tamara order", 10);
        Assert.That(Tamara.State.FindOrder(row.AuthorizationTransactionId).Channel, Is.EqualTo("qr"));
        Assert.That(Tamara.State.SmsOutbox, Has.Count.EqualTo(smsBefore), "nobody was texted");

        Tamara.State.Pay(row.AuthorizationTransactionId);
        await Waits.UntilAsync(() => Page.Locator("#tamara-counter-status").GetAttributeAsync("data-state"), state => state == "paid",
            TimeSpan.FromSeconds(60), "the counter shows Paid");
        await Screens.TakeAsync(Page, "counter-qr-paid");
        await Page.ClickAsync("#tamara-counter-next");
    }

    [Test, Order(5)]
    public async Task A_visitor_is_refused_on_every_counter_page_and_POST()
    {
        var visitor = await RealHostSuite.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = RealHostSuite.Host.Url.ToString() });
        try
        {
            var statuses = new List<string>();
            foreach (var path in new[] { "Admin/TamaraInStoreCounter/Index", "Admin/TamaraInStoreCounter/Sale?orderId=1",
                         "Admin/TamaraInStoreCounter/Slip?orderId=1", "Admin/TamaraInStoreCounter/Status?orderId=1" })
            {
                var answer = await visitor.APIRequest.GetAsync(path, new APIRequestContextOptions { MaxRedirects = 0 });
                statuses.Add($"GET {path} {answer.Status}");
                Assert.That(answer.Status, Is.Not.EqualTo(200), path);
            }

            foreach (var action in new[] { "Add", "Quantity", "Remove", "Clear", "Send", "Next" })
            {
                var answer = await visitor.APIRequest.PostAsync($"Admin/TamaraInStoreCounter/{action}",
                    new APIRequestContextOptions { MaxRedirects = 0, Form = visitor.APIRequest.CreateFormData().Set("term", "LEN").Set("phoneNumber", "0501234567") });
                statuses.Add($"POST {action} {answer.Status}");
                Assert.That(answer.Status, Is.Not.EqualTo(200), action);
            }

            TestContext.Out.WriteLine(string.Join("\n", statuses));
        }
        finally
        {
            await visitor.CloseAsync();
        }
    }
}
