using System.Diagnostics;
using Nop.Plugin.Payments.TamaraInStore.RealHost.Harness;

namespace Nop.Plugin.Payments.TamaraInStore.RealHost.Journeys;

/// <summary>
/// A web farm of two: nopCommerce's Redis distributed cache (and its Redis locker), Nop.Web on 5000 and 5001 from the same
/// folder and database, and a round-robin balancer in front as the store's URL. Tamara's webhooks and nopCommerce's
/// scheduled-task calls go through the balancer, so both servers receive webhooks (every notification twice: the copy
/// lands on the other server) and both run the poll task. Everything is put back afterwards.
/// </summary>
[RealHostFixture, Order(20), NonParallelizable]
public class K_WebFarmTests : Journey
{
    private const int RedisPort = 6379, SecondPort = 5001, BalancerPort = 5002;
    private const string WebhookPath = "/tamara/in-store/webhook";

    /// <summary>REALHOST_FARM_ORDERS to run fewer while working on the journey</summary>
    private static int OrderCount => int.TryParse(Environment.GetEnvironmentVariable("REALHOST_FARM_ORDERS"), out var count) ? count : 200;

    private static Process _redis, _second;
    private static RoundRobinBalancer _balancer;
    private static string _originalAppSettings, _originalStoreUrl, _originalWebhookUrl;
    private static readonly List<PlacedOrder> Orders = new();
    private static DateTime _startedUtc;

    private static Uri SecondUrl => new($"http://127.0.0.1:{SecondPort}/");
    private static string LogDir => TestContext.CurrentContext.WorkDirectory;

    [OneTimeSetUp]
    public async Task StartFarmAsync()
    {
        _startedUtc = DateTime.UtcNow;
        _redis = HostProcesses.StartRedis(RedisPort, Path.Combine(LogDir, "farm-redis.log"));
        _balancer = await RoundRobinBalancer.StartAsync(BalancerPort, RealHostSuite.Host.Url, SecondUrl);

        _originalStoreUrl = await Database.ScalarAsync<string>("SELECT \"Url\" FROM \"Store\" ORDER BY \"Id\" LIMIT 1");
        await Database.ExecuteAsync($"UPDATE \"Store\" SET \"Url\" = '{_balancer.Url}'");
        _originalAppSettings = HostProcesses.UseRedisDistributedCache(RedisPort);

        await HostProcesses.RestartSupervisedNopWebAsync();
        _second = HostProcesses.StartSecondNopWeb(SecondPort, Path.Combine(LogDir, "farm-second-nopweb.log"));
        await HostProcesses.WaitForStoreAsync(SecondUrl);

        // the store's webhook URL, as "Register webhook" would now register it: the balancer's
        var webhook = Tamara.State.Webhooks.Single(registration => registration.Type == "order");
        _originalWebhookUrl = webhook.Url;
        Tamara.State.UpdateWebhook(webhook.WebhookId, webhook.Type, webhook.Events,
            new Uri(_balancer.Url, WebhookPath.TrimStart('/')).ToString(), webhook.Headers);
        TestContext.Progress.WriteLine($"farm up in {(DateTime.UtcNow - _startedUtc).TotalSeconds:0} s");
    }

    [OneTimeTearDown]
    public async Task StopFarmAsync()
    {
        Tamara.Faults.Reset();
        await HostProcesses.StopAsync(_second);
        HostProcesses.RestoreAppSettings(_originalAppSettings);
        if (_originalStoreUrl is not null)
            await Database.ExecuteAsync($"UPDATE \"Store\" SET \"Url\" = '{_originalStoreUrl.Replace("'", "''")}'");
        if (_originalWebhookUrl is not null && Tamara.State.Webhooks.SingleOrDefault(registration => registration.Type == "order") is { } webhook)
            Tamara.State.UpdateWebhook(webhook.WebhookId, webhook.Type, webhook.Events, _originalWebhookUrl, webhook.Headers);
        await HostProcesses.RestartSupervisedNopWebAsync();
        if (_balancer is not null)
            await _balancer.DisposeAsync();
        await HostProcesses.StopAsync(_redis);
        await Admin.LoginAsync();
        TestContext.Progress.WriteLine($"farm journey: {(DateTime.UtcNow - _startedUtc).TotalSeconds:0} s in all");
    }

    [Test, Order(1)]
    public async Task Two_hundred_orders_paid_across_the_farm_are_each_marked_paid_once()
    {
        Tamara.Faults.Update(faults => faults.DuplicateNotifications = true);
        using var clerk = new NopHttpSession(RealHostSuite.Host.Url);
        await clerk.LoginAsync(RealHostSuite.Host.AdminEmail, RealHostSuite.Host.AdminPassword);
        await clerk.ImpersonateAsync(await Database.CustomerIdAsync(CustomerEmail));
        var checkout = new HttpCheckout(clerk);

        var placing = Stopwatch.StartNew();
        for (var i = 0; i < OrderCount; i++)
        {
            var phone = NextPhone();
            var orderId = await checkout.PlaceTamaraOrderAsync(phone.Typed);
            var sms = Tamara.State.SmsOutbox.LastOrDefault(message => message.PhoneNumber == phone.Digits);
            Assert.That(sms, Is.Not.Null, $"Tamara texted {phone.Digits} for order {orderId}");
            Orders.Add(new PlacedOrder(orderId, sms.OrderId, phone.Digits, Storefront.ProductPrice));

            // the customer pays at once: webhooks and poll runs overlap the checkouts still going on
            var paid = Tamara.State.Pay(sms.OrderId);
            Assert.That(paid.IsSuccess, Is.True, paid.Error?.Message);
        }

        await clerk.FinishImpersonationAsync();
        TestContext.Progress.WriteLine($"farm: {OrderCount} orders placed and paid at Tamara in {placing.Elapsed.TotalSeconds:0} s");

        var ids = string.Join(",", Orders.Select(order => order.OrderId));
        await Waits.UntilAsync(() => Database.ScalarAsync<long>(
                $"SELECT count(*) FROM \"Order\" WHERE \"Id\" IN ({ids}) AND \"PaymentStatusId\" = {OrderRow.Paid}"),
            paid => paid == OrderCount, TimeSpan.FromMinutes(3), $"all {OrderCount} orders Paid");
        TestContext.Progress.WriteLine($"farm: all Paid {placing.Elapsed.TotalSeconds:0} s after the first checkout");

        // late duplicates and poll runs still arriving are answered without a second mark
        await Task.Delay(5000);
        var markedTwice = await Database.ScalarAsync<long>(
            $"SELECT count(*) FROM (SELECT \"OrderId\" FROM \"OrderNote\" WHERE \"OrderId\" IN ({ids}) " +
            "AND \"Note\" ILIKE '%has been marked as paid%' GROUP BY \"OrderId\" HAVING count(*) <> 1) AS wrong");
        Assert.That(markedTwice, Is.Zero, "orders without exactly one \"marked as paid\" note");
        var notPaid = await Database.ScalarAsync<long>(
            $"SELECT count(*) FROM \"Order\" WHERE \"Id\" IN ({ids}) AND (\"PaymentStatusId\" <> {OrderRow.Paid} OR \"PaidDateUtc\" IS NULL)");
        Assert.That(notPaid, Is.Zero, "orders not Paid");
        var claims = await Database.ScalarAsync<long>(
            $"SELECT count(*) FROM \"TamaraPaymentClaim\" WHERE \"OrderId\" IN ({ids})");
        Assert.That(claims, Is.EqualTo(OrderCount), "one payment claim per order (a unique row, inserted by the server that marks the order paid)");
        var wrongCapture = await Database.ScalarAsync<long>(
            $"SELECT count(*) FROM \"TamaraSession\" s JOIN \"Order\" o ON o.\"Id\" = s.\"OrderId\" WHERE s.\"OrderId\" IN ({ids}) " +
            "AND (s.\"CapturedAmount\" <> o.\"OrderTotal\" OR s.\"PaidOnUtc\" IS NULL)");
        Assert.That(wrongCapture, Is.Zero, "sessions whose captured amount is not the order total");
        Assert.That(Orders.All(order => Tamara.State.FindOrder(order.TamaraOrderId).CapturedAmount == order.Total), Is.True,
            "Tamara captured each order's total");

        var webhooks = _balancer.Forwarded.Where(call => call.Path.StartsWith(WebhookPath, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.That(webhooks.Select(call => call.Instance).Distinct().Count(), Is.EqualTo(2), "webhooks delivered to both servers");
        // a delivery Tamara stopped waiting for is sent again; anything else but 2xx or 503 (busy, try again) is a fault
        Assert.That(webhooks.Where(call => call.Status is not (>= 200 and < 300) and not 503 and not RoundRobinBalancer.CallerGaveUp), Is.Empty,
            "webhooks answered 2xx or 503");
        var taskRuns = _balancer.Forwarded.Where(call => call.Path.Contains("scheduletask", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.That(taskRuns.Select(call => call.Instance).Distinct().Count(), Is.EqualTo(2), "both servers ran scheduled tasks");
        TestContext.Progress.WriteLine($"farm: {webhooks.Count} webhook deliveries ({webhooks.Count(c => c.Instance == SecondUrl)} to the second server, " +
            $"{webhooks.Count(c => c.Status == RoundRobinBalancer.CallerGaveUp)} given up by Tamara), " +
            $"{taskRuns.Count} scheduled-task calls ({taskRuns.Count(c => c.Instance == SecondUrl)} to the second server)");

        Assert.That(await PluginErrorsSinceAsync(_startedUtc), Is.Empty, "errors about the plugin in nopCommerce's log");
    }

    [Test, Order(2)]
    public async Task A_partial_refund_clicked_on_both_servers_at_once_is_sent_to_tamara_once()
    {
        Tamara.Faults.Reset();
        Assume.That(Orders, Is.Not.Empty, "needs the paid orders of the first test");
        var order = Orders[0];
        const decimal amount = 120.50m;

        using var first = new NopHttpSession(RealHostSuite.Host.Url);
        using var second = new NopHttpSession(SecondUrl);
        await Task.WhenAll(
            first.LoginAsync(RealHostSuite.Host.AdminEmail, RealHostSuite.Host.AdminPassword),
            second.LoginAsync(RealHostSuite.Host.AdminEmail, RealHostSuite.Host.AdminPassword));

        var startedUtc = DateTime.UtcNow;
        // two clerks, one on each server, look at the same order and both click Refund
        var popups = await Task.WhenAll(first.OpenPartialRefundAsync(order.OrderId), second.OpenPartialRefundAsync(order.OrderId));
        var pageStates = popups.Select(popup => popup.Field("tamara_instore_refund_basis")).ToList();
        TestContext.Progress.WriteLine($"farm: refund popups opened on {string.Join(" and ", pageStates)}");
        Assert.That(pageStates, Has.All.Not.Empty.And.All.EqualTo(pageStates[0]), "both popups carry the same refund state");

        var answers = await Task.WhenAll(first.SubmitPartialRefundAsync(popups[0], amount), second.SubmitPartialRefundAsync(popups[1], amount));
        Assert.That(answers.Select(answer => answer.Status), Is.All.EqualTo(200), "both popups answered");
        var atTamara = Tamara.State.FindOrder(order.TamaraOrderId);
        Assert.That(atTamara.Refunds, Has.Count.EqualTo(1), "one refund reached Tamara");
        Assert.That(atTamara.RefundedAmount, Is.EqualTo(amount));
        Assert.That(answers.Count(answer => answer.Body.Contains("window.close()")), Is.EqualTo(1), "one popup refunded and closed");

        // Tamara's order_refunded notifications, to either server, add nothing
        await Task.Delay(5000);
        var row = await Database.OrderAsync(order.OrderId);
        Assert.That(row.RefundedAmount, Is.EqualTo(amount), "counted once in nopCommerce");
        Assert.That(row.PaymentStatusId, Is.EqualTo(OrderRow.PartiallyRefunded));
        Assert.That(Tamara.State.FindOrder(order.TamaraOrderId).Refunds, Has.Count.EqualTo(1), "still one refund at Tamara");
        // the other click is told that the refund was made (or is being made) by another click, never a success: nopCommerce
        // logs that answer as its refund error, and nothing else is logged
        var errors = await PluginErrorsSinceAsync(startedUtc);
        Assert.That(errors, Has.Count.EqualTo(1), "only the other click's answer");
        Assert.That(errors[0], Does.StartWith($"Error refunding order #{order.OrderId}."));
        await OrderPageTextAsync(order.OrderId, "farm-refund-clicked-on-both-servers");
    }

    [Test, Order(3)]
    public async Task A_portal_refund_notified_to_both_servers_is_booked_once()
    {
        Assume.That(Orders, Has.Count.GreaterThan(1), "needs the paid orders of the first test");
        var startedUtc = DateTime.UtcNow;
        var order = Orders[1];
        const decimal amount = 75m;
        // every notification twice: the balancer hands the copy to the other server
        Tamara.Faults.Update(faults => faults.DuplicateNotifications = true);
        var notifiedFrom = _balancer.Forwarded.Count;

        var portal = Tamara.State.PortalRefund(order.TamaraOrderId, amount, "returned at the counter");
        Assert.That(portal.IsSuccess, Is.True, portal.Error?.Message);

        await WaitForOrderAsync(order.OrderId, row => row.RefundedAmount == amount, "the portal refund recorded", 60);
        await Task.Delay(5000);
        var notified = _balancer.Forwarded.Skip(notifiedFrom)
            .Where(call => call.Path.StartsWith(WebhookPath, StringComparison.OrdinalIgnoreCase)).ToList();
        TestContext.Progress.WriteLine($"farm: the portal refund was notified {notified.Count} times, to {notified.Select(call => call.Instance).Distinct().Count()} servers");
        Assert.That(notified.Select(call => call.Instance).Distinct().Count(), Is.EqualTo(2), "notified to both servers");
        Assert.That((await Database.OrderAsync(order.OrderId)).RefundedAmount, Is.EqualTo(amount), "counted once in nopCommerce");
        var rows = await Database.ScalarAsync<long>(
            "SELECT count(*) FROM \"TamaraRefund\" WHERE \"OrderId\" = @id", ("id", order.OrderId));
        Assert.That(rows, Is.EqualTo(1), "booked once");
        Assert.That(await PluginErrorsSinceAsync(startedUtc), Is.Empty, "errors about the plugin in nopCommerce's log");
    }
}
