using System.Diagnostics;
using Nop.Plugin.Payments.TamaraInStore.RealHost.Harness;

namespace Nop.Plugin.Payments.TamaraInStore.RealHost.Journeys;

/// <summary>
/// Faults around the store while customers pay: nopCommerce killed, a burst of the same webhook, PostgreSQL restarted in
/// the middle of a poll run. Nothing lost, nothing doubled, and nopCommerce's log says what happened.
/// </summary>
[RealHostFixture, Order(21), NonParallelizable]
public class L_FaultTests : Journey
{
    private const int PendingLinks = 4;

    /// <summary>The plugin's poll interval (its default)</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Beyond one poll interval: nopCommerce's timer for the task fires every 5 s (so a due session can wait up to 5 s
    /// more), then one run reads Tamara and marks the orders paid through nopCommerce's order processing, on two busy cores
    /// </summary>
    private static readonly TimeSpan PollSlack = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan TamaraDowntime = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Deliveries in flight at once: below PostgreSQL's 100 connections. With all 200 at once nopCommerce's own request
    /// pipeline (before any plugin code) runs the database out of connections ("53300: sorry, too many clients") and
    /// answers 500 for some of them, whatever the plugin does.
    /// </summary>
    private const int BurstAtOnce = 50;

    [SetUp]
    public void NoFaults() => Tamara.Faults.Reset();

    [TearDown]
    public void ResetFaults() => Tamara.Faults.Reset();

    /// <summary>A clerk places <see cref="PendingLinks"/> Tamara orders through the counter checkout's own requests; their links wait</summary>
    private static async Task<List<PlacedOrder>> PlacePendingLinksAsync()
    {
        using var session = new NopHttpSession(RealHostSuite.Host.Url);
        var checkout = await HttpClerkAsync(session);
        var orders = new List<PlacedOrder>();
        for (var i = 0; i < PendingLinks; i++)
            orders.Add(await PlaceTamaraOrderAsync(checkout));
        await session.FinishImpersonationAsync();
        return orders;
    }

    [Test, Order(1)]
    public async Task Nop_web_killed_while_links_are_pending_finds_every_payment_made_meanwhile()
    {
        var since = DateTime.UtcNow;
        var orders = await PlacePendingLinksAsync();

        var killed = HostProcesses.StopSupervisedNopWeb(kill: true);
        var clock = Stopwatch.StartNew();
        foreach (var order in orders)
            Assert.That(Tamara.State.Pay(order.TamaraOrderId).IsSuccess, Is.True, "the customer pays while nopCommerce is down");

        await HostProcesses.WaitForSupervisorRestartAsync(killed);
        TestContext.Progress.WriteLine($"faults: nopCommerce answered again {clock.Elapsed.TotalSeconds:0} s after SIGKILL");
        var ids = string.Join(",", orders.Select(order => order.OrderId));
        await Waits.UntilAsync(() => Database.ScalarAsync<long>(
                $"SELECT count(*) FROM \"Order\" WHERE \"Id\" IN ({ids}) AND \"PaymentStatusId\" = {OrderRow.Paid}"),
            paid => paid == orders.Count, TimeSpan.FromMinutes(2), "every payment made while nopCommerce was down to be found");
        TestContext.Progress.WriteLine($"faults: all {orders.Count} Paid {clock.Elapsed.TotalSeconds:0} s after SIGKILL");

        await Task.Delay(3000);
        await AssertPaidOnceAsync(orders);
        Assert.That(await UnhandledPluginErrorsSinceAsync(since), Is.Empty, "no exception escaped the plugin");
        await Admin.LoginAsync();
    }

    [Test, Order(2)]
    public async Task A_burst_of_the_same_webhook_out_of_order_marks_the_order_paid_once()
    {
        var since = DateTime.UtcNow;
        using var session = new NopHttpSession(RealHostSuite.Host.Url);
        var order = await PlaceTamaraOrderAsync(await HttpClerkAsync(session));
        await session.FinishImpersonationAsync();

        // Tamara's own deliveries are lost: what the store learns comes in the burst (or from its poll)
        Tamara.Faults.Update(faults => faults.DropNotificationAttempts = 1000);
        Assert.That(Tamara.State.Pay(order.TamaraOrderId).IsSuccess, Is.True);
        var notifications = Tamara.State.Notifications.Where(n => n.OrderId == order.TamaraOrderId).Reverse().ToList();
        Assert.That(notifications.Select(n => n.EventType), Does.Contain("order_captured"), "Tamara raised the capture");

        var answers = await WebhookBurst.SendAsync(Tamara, notifications, copiesEach: 200 / notifications.Count, atOnce: BurstAtOnce);
        var tally = string.Join(", ", answers.GroupBy(a => a.Status).Select(g => $"{g.Key}×{g.Count()}"));
        TestContext.Progress.WriteLine($"faults: burst of {answers.Count} deliveries answered {tally}");
        Assert.That(answers.Where(a => a.Status is not (>= 200 and < 300) && !(a.Status == 503 && !string.IsNullOrEmpty(a.RetryAfter))),
            Is.Empty, "every delivery answered 2xx, or 503 with Retry-After: " + tally);

        await WaitForOrderAsync(order.OrderId, row => row.PaymentStatusId == OrderRow.Paid, "paid", 60);
        await Task.Delay(2000);
        await AssertPaidOnceAsync(new[] { order });
        Assert.That(await UnhandledPluginErrorsSinceAsync(since), Is.Empty, "no exception escaped the plugin");
    }

    [Test, Order(3)]
    public async Task PostgreSql_restarted_during_a_poll_run_loses_and_doubles_nothing()
    {
        var since = DateTime.UtcNow;
        var orders = await PlacePendingLinksAsync();

        // only the poll can find these payments, and each of its reads of Tamara takes a while: the run is long
        Tamara.Faults.Update(faults =>
        {
            faults.DropNotificationAttempts = 1000;
            faults.LatencyMs = 1500;
            faults.PathPrefix = "/merchants/orders";
        });
        foreach (var order in orders)
            Assert.That(Tamara.State.Pay(order.TamaraOrderId).IsSuccess, Is.True);

        var calls = Tamara.Faults.ApiCalls;
        await Waits.UntilAsync(() => Task.FromResult(Tamara.Faults.ApiCalls), count => count > calls,
            PollInterval * 3, "a poll run reading Tamara");
        HostProcesses.RestartPostgreSql();
        var clock = Stopwatch.StartNew();

        var ids = string.Join(",", orders.Select(order => order.OrderId));
        await Waits.UntilAsync(() => Database.ScalarAsync<long>(
                $"SELECT count(*) FROM \"Order\" WHERE \"Id\" IN ({ids}) AND \"PaymentStatusId\" = {OrderRow.Paid}"),
            paid => paid == orders.Count, TimeSpan.FromMinutes(2), "every payment found after the database came back");
        TestContext.Progress.WriteLine($"faults: all {orders.Count} Paid {clock.Elapsed.TotalSeconds:0} s after PostgreSQL restarted");

        await Task.Delay(3000);
        await AssertPaidOnceAsync(orders);
        var log = await LogSinceAsync(since);
        TestContext.Progress.WriteLine("faults: logged around the database restart:\n" + string.Join("\n", log));
        Assert.That(log.Any(line => line.Contains("administrator command", StringComparison.OrdinalIgnoreCase)
                || line.Contains("database system is", StringComparison.OrdinalIgnoreCase)), Is.True,
            "the log names the database going away in PostgreSQL's words");
        await Admin.LoginAsync();
    }

    [Test, Order(4)]
    public async Task Tamara_down_for_two_minutes_while_customers_pay_every_order_is_paid_within_an_interval_of_its_return()
    {
        var since = DateTime.UtcNow;
        var orders = await PlacePendingLinksAsync();

        await Tamara.StopListeningAsync();
        try
        {
            // Tamara's payment pages stay up for the customers while its API (and its webhooks) are down for the store
            foreach (var order in orders)
                Assert.That(Tamara.State.Pay(order.TamaraOrderId).IsSuccess, Is.True);
            await Task.Delay(TamaraDowntime);
        }
        finally
        {
            await Tamara.ListenAgainAsync();
        }

        var back = Stopwatch.StartNew();
        var ids = string.Join(",", orders.Select(order => order.OrderId));
        await Waits.UntilAsync(() => Database.ScalarAsync<long>(
                $"SELECT count(*) FROM \"Order\" WHERE \"Id\" IN ({ids}) AND \"PaymentStatusId\" = {OrderRow.Paid}"),
            paid => paid == orders.Count, PollInterval + PollSlack, "every payment made while Tamara was down, within one poll interval of its return");
        TestContext.Progress.WriteLine($"faults: all {orders.Count} Paid {back.Elapsed.TotalSeconds:0.0} s after Tamara came back");

        await Task.Delay(2000);
        await AssertPaidOnceAsync(orders);
        var log = await LogSinceAsync(since);
        Assert.That(log.Any(line => line.Contains("Could not reach Tamara", StringComparison.OrdinalIgnoreCase)), Is.True,
            "the log says Tamara could not be reached:\n" + string.Join("\n", log));
        Assert.That(await UnhandledPluginErrorsSinceAsync(since), Is.Empty, "no exception escaped the plugin");
    }
}
