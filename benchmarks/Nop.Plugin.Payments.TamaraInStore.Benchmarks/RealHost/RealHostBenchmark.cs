using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Nop.Plugin.Payments.TamaraInStore.RealHost.Harness;
using TamaraSimulator;
using static Nop.Plugin.Payments.TamaraInStore.Benchmarks.Measure;

namespace Nop.Plugin.Payments.TamaraInStore.Benchmarks.RealHost;

/// <summary>
/// The figures of the real nopCommerce 4.90.6 of ../shared/nophost (PostgreSQL), with the simulator in this process on
/// port 5077: the store must be one on which the real-host suite's A journey ran (plugin installed, configured for this
/// simulator's address and tokens, active). Everything seeded here is closed at the end (sessions declined, webhooks
/// removed, the task's period restored), so the rest of the suite is not disturbed.
/// </summary>
public static class RealHostBenchmark
{
    private const int Paid = 30;

    public static async Task<int> RunAsync(bool quick, Func<string, bool> runs)
    {
        var (host, whyNot) = await RealHostInfo.DiscoverAsync();
        if (host is null)
        {
            Console.Error.WriteLine($"--real-host: no nopCommerce reachable ({whyNot}). Run inside the host's namespace (../shared/nophost/inside.sh).");
            return 2;
        }

        await using var tamara = await SimulatorHost.StartAsync(new SimulatorOptions
        {
            NotificationRetryInitialDelayMs = 500,
            NotificationRetryBackoffFactor = 2,
            NotificationMaxAttempts = 6
        }, 5077);
        var store = new RealHostStore(host, tamara);
        if (await store.WhyNotReadyAsync() is { } notReady)
        {
            Console.Error.WriteLine($"--real-host: the store is not ready: {notReady}. Run the real-host suite's A journey on it first.");
            return 2;
        }

        Console.WriteLine($"- real host: {host.Url} (nopCommerce 4.90.6, PostgreSQL), Tamara simulated at {tamara.BaseAddress}");
        var taskSeconds = await store.CountAsync("SELECT \"Seconds\" FROM \"ScheduleTask\" WHERE \"Type\" = @type", ("type", RealHostStore.TaskType));
        try
        {
            await store.CloseOpenSessionsAsync();
            if (runs("poll"))
                await WithLoadAsync("poll", () => PollCyclesAsync(store, tamara, quick, taskSeconds));
            if (runs("time-to-paid"))
                await WithLoadAsync("time-to-paid", () => TimeToPaidAsync(store, tamara, quick));
            if (runs("throughput"))
                await WithLoadAsync("throughput", () => ThroughputAsync(store, tamara, quick));
            if (runs("checkout"))
                await WithLoadAsync("checkout", () => CheckoutAsync(store, tamara, quick));
        }
        finally
        {
            tamara.Faults.Reset();
            await store.Database.ExecuteAsync($"UPDATE \"ScheduleTask\" SET \"Seconds\" = {taskSeconds} WHERE \"Type\" = '{RealHostStore.TaskType}'");
            await store.CloseOpenSessionsAsync();
            store.RemoveWebhooks();
        }
        return 0;
    }

    /// <summary>The machine's load average (1, 5, 15 min) before and after a section: other work shares its two cores</summary>
    private static async Task WithLoadAsync(string section, Func<Task> measure)
    {
        Console.WriteLine($"- {section}: load average before {LoadAverage()} ({DateTime.UtcNow:HH:mm:ss} UTC)");
        await measure();
        Console.WriteLine($"- {section}: load average after {LoadAverage()} ({DateTime.UtcNow:HH:mm:ss} UTC)");
    }

    private static string LoadAverage() => string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static async Task TimeToPaidAsync(RealHostStore store, SimulatorHost tamara, bool quick)
    {
        var rows = new List<string[]>();
        var breakdown = new List<string[]>();
        store.RegisterWebhook();
        foreach (var latency in new[] { 0, 150 })
        {
            tamara.Faults.Update(faults => faults.LatencyMs = latency);
            var samples = new List<double>();
            var firstAnswers = new List<double>();
            var reads = new List<double>();
            const int warmUp = 2;
            for (var i = 0; i < (quick ? 8 : 30) + warmUp; i++)
            {
                var order = (await store.SeedPendingAsync(1, dueNow: false))[0];
                var callsBefore = tamara.Faults.ApiCalls;
                var paidAt = DateTimeOffset.UtcNow;
                var clock = Stopwatch.StartNew();
                tamara.State.Pay(order.TamaraOrderId);
                await UntilPaidAsync(store, order, clock);
                var elapsed = clock.Elapsed.TotalMilliseconds;
                // the three deliveries of the payment (approved, authorised, captured) answered, for the breakdown
                await Task.Delay(Math.Max(500, 4 * latency));
                if (i < warmUp)
                    continue;
                samples.Add(elapsed);
                reads.Add(tamara.Faults.ApiCalls - callsBefore);
                var first = tamara.State.DeliveryAttempts.Where(attempt => attempt.OrderId == order.TamaraOrderId).MinBy(attempt => attempt.At);
                if (first is not null)
                    firstAnswers.Add((first.At - paidAt).TotalMilliseconds);
            }
            rows.Add(["webhook", $"{latency} ms", samples.Count.ToString(), F(Percentile(samples, 50)), F(Percentile(samples, 95)), F(samples.Max()),
                F(Percentile(samples, 95) / (latency + 100.0), "0.00")]);
            breakdown.Add([$"{latency} ms", F(Percentile(firstAnswers, 50)), F(Percentile(firstAnswers, 95)), F(Percentile(reads, 50), "0"), F(reads.Max(), "0")]);
        }
        store.RemoveWebhooks();

        var interval = (int)await store.CountAsync("SELECT COALESCE(MAX(\"Value\"::int), 10) FROM \"Setting\" WHERE \"Name\" = 'tamarainstoresettings.pollintervalseconds'");
        foreach (var latency in new[] { 0, 150 })
        {
            tamara.Faults.Update(faults => faults.LatencyMs = latency);
            var orders = await store.SeedPendingAsync(quick ? 5 : 12, dueNow: true);
            var random = new Random(latency);
            var samples = new ConcurrentBag<double>();
            await Task.WhenAll(orders.Select(async order =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(0, 2 * interval * 1000)));
                var clock = Stopwatch.StartNew();
                tamara.State.Pay(order.TamaraOrderId);
                await UntilPaidAsync(store, order, clock, timeoutSeconds: 4 * interval);
                samples.Add(clock.Elapsed.TotalMilliseconds);
            }));
            var values = samples.ToList();
            rows.Add([$"polling, every {interval} s", $"{latency} ms", values.Count.ToString(), F(Percentile(values, 50)), F(Percentile(values, 95)), F(values.Max()),
                F(Percentile(values, 95) / (interval * 1000.0 + latency), "0.00")]);
        }
        tamara.Faults.Update(faults => faults.LatencyMs = 0);
        Table("Real host: time to paid after the customer pays (ms), order Paid in PostgreSQL",
            ["path", "simulator latency", "samples", "p50", "p95", "max", "p95 / limit"], rows);
        Table("Real host: the webhook path, per payment (the simulator sends approved, authorised, captured one after another)",
            ["simulator latency", "first delivery answered after, p50 (ms)", "p95 (ms)", "Tamara API calls per payment, median", "max"], breakdown);
    }

    /// <summary>Polls the order's payment status in PostgreSQL every 2 ms until it is Paid; on timeout, says what the store and Tamara saw</summary>
    private static async Task UntilPaidAsync(RealHostStore store, (int OrderId, string TamaraOrderId) order, Stopwatch clock, int timeoutSeconds = 30)
    {
        var since = DateTime.UtcNow - clock.Elapsed;
        while (await store.PaymentStatusAsync(order.OrderId) != Paid)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(timeoutSeconds))
                throw new TimeoutException($"order {order.OrderId} was not paid within {timeoutSeconds} s. {await store.DescribeUnpaidAsync(order.OrderId, order.TamaraOrderId, since)}");
            await Task.Delay(2);
        }
    }

    private static async Task ThroughputAsync(RealHostStore store, SimulatorHost tamara, bool quick)
    {
        const int orders = 100, concurrency = 8;
        var rows = new List<string[]>();
        var oneAtATime = new List<double>();
        var notificationToken = tamara.Options.NotificationToken;
        foreach (var deliveries in quick ? new[] { 1_000 } : new[] { 1_000, 10_000 })
        {
            // paid at Tamara with no webhook registered: only the deliveries sent here tell the store
            var seeded = await store.SeedPendingAsync(orders, dueNow: false);
            foreach (var order in seeded)
                tamara.State.Pay(order.TamaraOrderId);

            var requests = Enumerable.Range(0, deliveries).Select(i =>
            {
                var (orderId, tamaraOrderId) = seeded[i % orders];
                var url = $"{store.WebhookUrl}?tamaraToken={NotificationTokens.Create(notificationToken, DateTimeOffset.UtcNow)}";
                var body = $"{{\"order_id\":\"{tamaraOrderId}\",\"order_reference_id\":\"ref-{orderId}\",\"order_number\":\"{orderId}\",\"event_type\":\"order_captured\",\"data\":{{}}}}";
                return (url, body);
            }).ToList();

            // no cookies kept, as Tamara's sender keeps none: nopCommerce meets every delivery as a new visitor
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(60) };
            var rssBefore = RealHostStore.NopWebRss();
            long rssPeak = rssBefore;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    rssPeak = Math.Max(rssPeak, RealHostStore.NopWebRss());
                    await Task.Delay(50);
                }
            });
            // nopCommerce gives a request without its cookie a guest customer of its own, if anything asks for the current one
            var customersBefore = await store.CountAsync("SELECT count(*) FROM \"Customer\"");
            var nonOk = 0;
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (request, cancellationToken) =>
            {
                using var content = new StringContent(request.body, Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(request.url, content, cancellationToken);
                if (response.StatusCode != HttpStatusCode.OK)
                    Interlocked.Increment(ref nonOk);
            });
            clock.Stop();
            await Task.Delay(5_000);   // let the host settle before "after"
            sampling.Cancel();
            await sampler;
            var rssAfter = RealHostStore.NopWebRss();
            var customersCreated = await store.CountAsync("SELECT count(*) FROM \"Customer\"") - customersBefore;

            // the same deliveries (orders now paid) one at a time: one delivery's own latency, without the others queued
            if (oneAtATime.Count == 0)
            {
                foreach (var request in requests.Take(200))
                {
                    using var content = new StringContent(request.body, Encoding.UTF8, "application/json");
                    var single = Stopwatch.StartNew();
                    using var response = await http.PostAsync(request.url, content);
                    oneAtATime.Add(single.Elapsed.TotalMilliseconds);
                }
            }

            var ids = seeded.Select(order => order.OrderId).ToArray();
            var paid = await store.CountAsync("SELECT count(*) FROM \"Order\" WHERE \"Id\" = ANY(@ids) AND \"PaymentStatusId\" = 30", ("ids", ids));
            var paidNotes = await store.CountAsync("SELECT count(*) FROM \"OrderNote\" WHERE \"OrderId\" = ANY(@ids) AND \"Note\" LIKE 'Tamara: payment captured%the order was marked as paid%'", ("ids", ids));
            var perSecond = deliveries / clock.Elapsed.TotalSeconds;
            rows.Add([deliveries.ToString("N0"), orders.ToString(), F(clock.Elapsed.TotalSeconds, "0.00"), F(perSecond, "0"), nonOk.ToString(),
                $"{paid} / {paidNotes}", F(MegaBytes(rssBefore)), F(MegaBytes(rssPeak)), F(MegaBytes(rssAfter)), customersCreated.ToString("N0"), F(perSecond / 1000, "0.00")]);
        }
        Table($"Real host: verified webhook deliveries ({concurrency} concurrent senders, HS256 token per delivery, 100 orders; Nop.Web's RSS)",
            ["deliveries", "orders", "seconds", "deliveries/s", "non-200", "orders paid / paid notes", "RSS before (MB)", "RSS peak (MB)", "RSS after (MB)", "customers created", "ratio to 1,000/s"], rows);
        Table("Real host: one delivery at a time (orders already paid), ms", ["deliveries", "p50", "p95", "max"],
            [[oneAtATime.Count.ToString(), F(Percentile(oneAtATime, 50)), F(Percentile(oneAtATime, 95)), F(oneAtATime.Max())]]);
    }

    /// <summary>
    /// The one-page checkout's confirm-order POST for one Lenovo IdeaCentre paid with Tamara, Tamara at 0 ms: nopCommerce's
    /// whole order placement with the plugin's ProcessPaymentAsync in it, and that method's one call to Tamara as the
    /// plugin's HttpClient logged it. This host has no stock payment method deployed (only Nop.Web is built), so the
    /// POST is not compared with another method's
    /// </summary>
    private static async Task CheckoutAsync(RealHostStore store, SimulatorHost tamara, bool quick)
    {
        tamara.Faults.Update(faults => faults.LatencyMs = 0);
        using var clerk = new NopHttpSession(store.Host.Url);
        var checkout = await RealHostCheckout.StartAsync(store, clerk);
        const int warmUp = 3;
        var confirms = new List<double>();
        var calls = new List<double>();
        for (var i = 0; i < (quick ? 5 : 30) + warmUp; i++)
        {
            var (confirmMs, tamaraCallMs) = await checkout.PlaceTamaraOrderAsync();
            if (i < warmUp)
                continue;
            confirms.Add(confirmMs);
            if (!double.IsNaN(tamaraCallMs))
                calls.Add(tamaraCallMs);
        }
        await clerk.FinishImpersonationAsync();

        Table("Real host: checkout, the one-page checkout's confirm-order POST paid with Tamara (simulator at 0 ms), ms",
            ["measured", "samples", "p50", "p95", "max"],
            [
                ["confirm-order POST (nopCommerce's order placement, ProcessPaymentAsync inside)", confirms.Count.ToString(), F(Percentile(confirms, 50)), F(Percentile(confirms, 95)), F(confirms.Max())],
                ["its call to Tamara (POST /checkout/in-store-session, from nopCommerce's log)", calls.Count.ToString(), F(Percentile(calls, 50)), F(Percentile(calls, 95)), calls.Count == 0 ? "-" : F(calls.Max())]
            ]);
    }

    /// <summary>
    /// The task's timer is kept from running it (its period set to an hour, restored at the end); each cycle is started by the
    /// same request nopCommerce's timer sends (POST /scheduletask/runtask), which answers when the run has ended
    /// </summary>
    private static async Task PollCyclesAsync(RealHostStore store, SimulatorHost tamara, bool quick, long taskSeconds)
    {
        await store.Database.ExecuteAsync($"UPDATE \"ScheduleTask\" SET \"Seconds\" = 3600 WHERE \"Type\" = '{RealHostStore.TaskType}'");
        try
        {
            await MeasurePollCyclesAsync(store, tamara, quick);
        }
        finally
        {
            await store.CloseOpenSessionsAsync();
            await store.Database.ExecuteAsync($"UPDATE \"ScheduleTask\" SET \"Seconds\" = {taskSeconds} WHERE \"Type\" = '{RealHostStore.TaskType}'");
        }
    }

    private static async Task MeasurePollCyclesAsync(RealHostStore store, SimulatorHost tamara, bool quick)
    {
        using var http = new HttpClient { BaseAddress = store.Host.Url, Timeout = TimeSpan.FromMinutes(5) };
        var rows = new List<string[]>();
        foreach (var latency in new[] { 0, 150 })
        foreach (var pending in quick ? new[] { 0, 100 } : new[] { 0, 100, 1_000 })
        {
            await store.CloseOpenSessionsAsync();
            tamara.Faults.Update(faults => faults.LatencyMs = 0);
            await store.SeedPendingAsync(pending, dueNow: true);
            tamara.Faults.Update(faults => faults.LatencyMs = latency);
            var start = DateTime.UtcNow;

            // statistics reach pg_stat_database about once a second
            await Task.Delay(1_500);
            var transactionsBefore = await store.TransactionsAsync();
            var callsBefore = tamara.Faults.ApiCalls;
            var wall = await RunTaskOnceAsync(store, http);
            var callsAfter = tamara.Faults.ApiCalls;
            await Task.Delay(1_500);
            // minus this benchmark's own: the reset of the task's row and the statistics query itself
            var statements = await store.TransactionsAsync() - transactionsBefore - 2;
            var checkedFirst = await CheckedSinceAsync(store, start);

            var clock = Stopwatch.StartNew();
            var runs = 1;
            var allChecked = wall.TotalSeconds;
            while (await CheckedSinceAsync(store, start) < pending && runs < 6)
            {
                // the next tick of nopCommerce's timer for this task (every 5 s)
                var wait = TimeSpan.FromSeconds(TamaraInStoreDefaults.ScheduleTask.Seconds * runs) - clock.Elapsed - wall;
                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait);
                await RunTaskOnceAsync(store, http);
                runs++;
                allChecked = wall.TotalSeconds + clock.Elapsed.TotalSeconds;
            }
            var allDone = await CheckedSinceAsync(store, start) >= pending;
            rows.Add([pending.ToString("N0"), $"{latency} ms", checkedFirst.ToString("N0"), statements.ToString("N0"), (callsAfter - callsBefore).ToString("N0"),
                F(wall.TotalMilliseconds), runs.ToString(), allDone ? F(allChecked, "0.0") : "not within 6 runs"]);
        }
        tamara.Faults.Update(faults => faults.LatencyMs = 0);
        Table("Real host: poll cycles, every pending session due (first run: database transactions from pg_stat_database, HTTP calls counted at the simulator)",
            ["pending sessions", "simulator latency", "checked in the first run", "database transactions", "HTTP calls", "first run wall time (ms)", "runs until all checked", "all checked after (s)"], rows);
    }

    private static async Task<TimeSpan> RunTaskOnceAsync(RealHostStore store, HttpClient http)
    {
        await store.Database.ExecuteAsync($"UPDATE \"ScheduleTask\" SET \"LastStartUtc\" = NULL, \"LastEndUtc\" = NULL WHERE \"Type\" = '{RealHostStore.TaskType}'");
        var clock = Stopwatch.StartNew();
        using var response = await http.PostAsync("scheduletask/runtask", new FormUrlEncodedContent([new KeyValuePair<string, string>("taskType", RealHostStore.TaskType)]));
        return clock.Elapsed;
    }

    private static async Task<long> CheckedSinceAsync(RealHostStore store, DateTime start) =>
        await store.CountAsync("SELECT count(*) FROM \"TamaraSession\" WHERE \"LastCheckedOnUtc\" >= @start", ("start", DateTime.SpecifyKind(start, DateTimeKind.Unspecified)));
}
