using Nop.Plugin.Payments.TamaraInStore.RealHost;
using TamaraSimulator;

namespace Nop.Plugin.Payments.TamaraInStore.RealHost.Harness;

/// <summary>
/// What every journey shares: one signed-in admin tab in one browser, the storefront in the same tab (impersonation
/// lives in the admin's session, as in a real shop), the customer's phone in other tabs, the simulator and the database.
/// </summary>
public abstract class Journey
{
    public const string CustomerEmail = "steve_gates@nopCommerce.com";
    private static int _phoneSequence;
    private static IBrowserContext _context;
    private static IPage _page;

    protected static AdminUi Admin { get; private set; }
    protected static Storefront Store { get; private set; }
    protected static TamaraCustomer Customer { get; private set; }
    protected static SimulatorHost Tamara => RealHostSuite.Tamara;
    protected static NopDatabase Database => RealHostSuite.Database;
    protected static Screens Screens => RealHostSuite.Screens;

    [OneTimeSetUp]
    public async Task OpenBrowserAsync()
    {
        if (_context is not null)
            return;

        _context = await RealHostSuite.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = RealHostSuite.Host.Url.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
            Locale = "en-US"
        });
        _context.SetDefaultTimeout(60_000);
        _context.SetDefaultNavigationTimeout(120_000);
        _page = await _context.NewPageAsync();
        Admin = new AdminUi(_page, RealHostSuite.Host);
        Store = new Storefront(_page);
        Customer = new TamaraCustomer(_context);
        await Admin.LoginAsync();
        if (NeedsReadyPlugin && !PluginReady)
            PluginReady = await ReadyFromAnEarlierRunAsync();
    }

    /// <summary>
    /// Running one journey alone (dotnet test --filter) on a store an earlier run installed and configured: this
    /// simulator is new, so the store's webhook is registered with it again, from the configuration page.
    /// </summary>
    private static async Task<bool> ReadyFromAnEarlierRunAsync()
    {
        var active = await Database.SettingAsync("paymentsettings.activepaymentmethodsystemnames") ?? "";
        var baseUrl = await Database.SettingAsync("tamarainstoresettings.apibaseurloverride") ?? "";
        if (!active.Contains(AdminUi.SystemName) || baseUrl.TrimEnd('/') != Tamara.BaseAddress.ToString().TrimEnd('/'))
            return false;

        await Admin.Page.GotoAsync("Admin/TamaraInStore/Configure");
        await Admin.Page.ClickAsync("button[name='registerwebhook']");
        await Admin.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return Tamara.State.Webhooks.Count > 0;
    }

    /// <summary>Set by the first journey once the plugin is installed, configured and active</summary>
    protected static bool PluginReady { get; set; }

    protected virtual bool NeedsReadyPlugin => true;

    [SetUp]
    public void RequireReadyPlugin()
    {
        if (NeedsReadyPlugin && !PluginReady)
            Assert.Fail("the plugin is not installed, configured and active: see the first journey's failure");
    }

    [TearDown]
    public async Task ScreenshotOnFailureAsync()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed && _page is not null)
            await Screens.TakeAsync(_page, "failed-" + TestContext.CurrentContext.Test.MethodName);
    }

    /// <summary>A Saudi mobile number no earlier order used, so every SMS is told apart (and no per-phone limit is hit)</summary>
    protected static (string Typed, string Digits) NextPhone()
    {
        var n = Interlocked.Increment(ref _phoneSequence);
        var local = $"55{DateTime.UtcNow:mmss}{n:000}";
        return ("0" + local, "966" + local);
    }

    /// <summary>Staff open the customer, "Place order", and check out with Tamara: the whole counter journey</summary>
    protected static async Task<PlacedOrder> PlaceTamaraOrderAsync(int quantity = 1, int? customerLanguageId = null,
        Func<IPage, Task> atTheCounter = null)
    {
        var phone = NextPhone();
        var orderId = await CheckOutWithTamaraAsync(quantity, customerLanguageId, () => Store.FillTamaraPaymentInfoAsync(phone.Typed), atTheCounter);

        var sms = Tamara.State.SmsOutbox.LastOrDefault(message => message.PhoneNumber == phone.Digits);
        Assert.That(sms, Is.Not.Null, $"Tamara texted {phone.Digits}");
        return new PlacedOrder(orderId, sms.OrderId, phone.Digits, quantity * Storefront.ProductPrice);
    }

    /// <summary>
    /// The counter journey with "Show a QR code here" at the payment step (<paramref name="atThePaymentStep"/> chooses it);
    /// the clerk stays on the counter page for <paramref name="atTheCounter"/>. Answers the order id.
    /// </summary>
    protected static Task<int> PlaceTamaraQrOrderAsync(Func<Task> atThePaymentStep, Func<IPage, Task> atTheCounter) =>
        CheckOutWithTamaraAsync(1, null, atThePaymentStep, atTheCounter);

    private static async Task<int> CheckOutWithTamaraAsync(int quantity, int? customerLanguageId, Func<Task> atThePaymentStep,
        Func<IPage, Task> atTheCounter)
    {
        await Admin.ImpersonateAsync(CustomerEmail);
        if (customerLanguageId is not null)
            await Admin.Page.GotoAsync($"changelanguage/{customerLanguageId}?returnUrl=%2F");
        await Store.AddProductToCartAsync(quantity);
        await Store.StartCheckoutAsync();
        Assert.That(await Store.PaymentMethodsOfferedAsync(), Does.Contain(AdminUi.SystemName), "Tamara is offered to staff at order entry");
        await Store.ChoosePaymentMethodAsync(AdminUi.SystemName);
        await atThePaymentStep();
        Assert.That(await Store.ReachedConfirmStepAsync(), Is.True, "payment info accepted: " + await Store.CheckoutErrorsAsync());
        var orderId = await Store.ConfirmAsync();
        Assert.That(orderId, Is.GreaterThan(0), "order placed: " + await Store.CheckoutErrorsAsync());
        if (atTheCounter is not null)
            await atTheCounter(Admin.Page);
        await Admin.Page.GotoAsync("logout");
        return orderId;
    }

    /// <summary>The clerk at the counter without the browser, on one server: signed in as admin, "Place order" for the customer</summary>
    protected static async Task<HttpCheckout> HttpClerkAsync(NopHttpSession session)
    {
        await session.LoginAsync(RealHostSuite.Host.AdminEmail, RealHostSuite.Host.AdminPassword);
        await session.ImpersonateAsync(await Database.CustomerIdAsync(CustomerEmail));
        return new HttpCheckout(session);
    }

    /// <summary>One counter order through <see cref="HttpCheckout"/>, with the Tamara order its SMS names</summary>
    protected static async Task<PlacedOrder> PlaceTamaraOrderAsync(HttpCheckout checkout)
    {
        var phone = NextPhone();
        var orderId = await checkout.PlaceTamaraOrderAsync(phone.Typed);
        var sms = Tamara.State.SmsOutbox.LastOrDefault(message => message.PhoneNumber == phone.Digits);
        Assert.That(sms, Is.Not.Null, $"Tamara texted {phone.Digits} for order {orderId}");
        return new PlacedOrder(orderId, sms.OrderId, phone.Digits, Storefront.ProductPrice);
    }

    /// <summary>Orders without exactly one "marked as paid" note of nopCommerce's, or not Paid</summary>
    protected static async Task AssertPaidOnceAsync(IEnumerable<PlacedOrder> orders)
    {
        var ids = string.Join(",", orders.Select(order => order.OrderId));
        var markedOtherThanOnce = await Database.ScalarAsync<string>(
            $"SELECT string_agg(o.\"Id\"::text, ',') FROM \"Order\" o WHERE o.\"Id\" IN ({ids}) AND (SELECT count(*) FROM \"OrderNote\" n " +
            "WHERE n.\"OrderId\" = o.\"Id\" AND n.\"Note\" ILIKE '%has been marked as paid%') <> 1");
        Assert.That(markedOtherThanOnce, Is.Null.Or.Empty, "orders without exactly one \"marked as paid\" note");
        var notPaid = await Database.ScalarAsync<string>(
            $"SELECT string_agg(\"Id\"::text, ',') FROM \"Order\" WHERE \"Id\" IN ({ids}) AND (\"PaymentStatusId\" <> {OrderRow.Paid} OR \"PaidDateUtc\" IS NULL)");
        Assert.That(notPaid, Is.Null.Or.Empty, "orders not Paid");
    }

    /// <summary>Every error and warning nopCommerce logged since then, for a journey's assertions on what a person reads</summary>
    protected static async Task<IReadOnlyList<string>> LogSinceAsync(DateTime sinceUtc, int minimumLevel = 30) =>
        (await Database.ScalarAsync<string>(
            "SELECT string_agg(\"ShortMessage\" || coalesce(' :: ' || left(\"FullMessage\", 300), ''), E'\\n' ORDER BY \"Id\") FROM \"Log\" " +
            "WHERE \"LogLevelId\" >= @level AND \"CreatedOnUtc\" >= @since", ("level", minimumLevel), ("since", sinceUtc)) ?? "")
        .Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// Errors nopCommerce logged about the plugin since then, leaving out its scheduler's "Connection refused" for a task
    /// run posted while the server was going down or not yet up (nopCommerce's line about its own restart)
    /// </summary>
    protected static async Task<IReadOnlyList<string>> PluginErrorsSinceAsync(DateTime sinceUtc) =>
        (await Database.ScalarAsync<string>(
            "SELECT string_agg(\"ShortMessage\", E'\\n' ORDER BY \"Id\") FROM \"Log\" WHERE \"LogLevelId\" >= 40 AND \"CreatedOnUtc\" >= @since " +
            "AND (\"ShortMessage\" ILIKE '%tamara%' OR \"FullMessage\" ILIKE '%tamara%') " +
            "AND \"ShortMessage\" NOT ILIKE '%scheduled task failed with the \"Connection refused%'", ("since", sinceUtc)) ?? "")
        .Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// Exceptions that escaped the plugin's code since then: an error whose stack passes through the plugin, other than
    /// the plugin's own entries (they start with "Tamara") and nopCommerce's "Connection refused" for a task run posted
    /// while the server restarted
    /// </summary>
    protected static async Task<IReadOnlyList<string>> UnhandledPluginErrorsSinceAsync(DateTime sinceUtc) =>
        (await Database.ScalarAsync<string>(
            "SELECT string_agg(\"ShortMessage\", E'\\n' ORDER BY \"Id\") FROM \"Log\" WHERE \"LogLevelId\" >= 40 AND \"CreatedOnUtc\" >= @since " +
            "AND (\"FullMessage\" ILIKE '%Payments.TamaraInStore%' OR \"ShortMessage\" ILIKE '%TamaraInStore%') AND \"ShortMessage\" NOT ILIKE 'Tamara%' " +
            "AND \"ShortMessage\" NOT ILIKE '%scheduled task failed with the \"Connection refused%'", ("since", sinceUtc)) ?? "")
        .Split('\n', StringSplitOptions.RemoveEmptyEntries);

    protected static Task<OrderRow> WaitForOrderAsync(int orderId, Func<OrderRow, bool> holds, string what, int seconds = 60) =>
        Waits.UntilAsync(() => Database.OrderAsync(orderId), holds, TimeSpan.FromSeconds(seconds), $"order {orderId}: {what}");

    protected static Task<SimOrder> WaitForTamaraAsync(string tamaraOrderId, Func<SimOrder, bool> holds, string what, int seconds = 60) =>
        Waits.UntilAsync(() => Task.FromResult(Tamara.State.FindOrder(tamaraOrderId)), holds, TimeSpan.FromSeconds(seconds),
            $"Tamara order {tamaraOrderId}: {what}");

    protected static async Task<string> OrderPageTextAsync(int orderId, string screenshot)
    {
        await Admin.OpenOrderAsync(orderId);
        await Screens.TakeAsync(Admin.Page, screenshot);
        return await Admin.Page.Locator("#order-form").InnerTextAsync();
    }
}

public sealed record PlacedOrder(int OrderId, string TamaraOrderId, string PhoneDigits, decimal Total);
