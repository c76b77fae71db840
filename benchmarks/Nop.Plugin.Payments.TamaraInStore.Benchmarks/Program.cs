using System.Diagnostics;
using System.Runtime.InteropServices;
using Nop.Plugin.Payments.TamaraInStore.Benchmarks;
using static Nop.Plugin.Payments.TamaraInStore.Benchmarks.Measure;

// Performance figures of the Tamara in-store plugin against the in-process simulator, printed as Markdown tables.
// dotnet run -c Release --project benchmarks/Nop.Plugin.Payments.TamaraInStore.Benchmarks [-- --quick]
var quick = args.Contains("--quick");
var total = Stopwatch.StartNew();

Console.WriteLine("## Tamara in-store plugin: performance");
Console.WriteLine();
Console.WriteLine($"- machine: {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}");
Console.WriteLine($"- runtime: .NET {Environment.Version}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC");
Console.WriteLine($"- started: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC{(quick ? " (quick run)" : "")}");

// 1. time to paid
var webhookSamples = quick ? 10 : 40;
var pollSamples = quick ? 8 : 20;
const int pollInterval = 5;
var timeToPaid = new List<string[]>();
foreach (var latency in new[] { 0, 150 })
{
    var byWebhook = await TimeToPaidBenchmark.ByWebhookAsync(latency, webhookSamples);
    timeToPaid.Add(["webhook", $"{latency} ms", byWebhook.Count.ToString(), F(Percentile(byWebhook, 50)), F(Percentile(byWebhook, 95)), F(byWebhook.Max())]);
}
foreach (var latency in new[] { 0, 150 })
{
    var byPolling = await TimeToPaidBenchmark.ByPollingAsync(latency, pollSamples, pollInterval);
    timeToPaid.Add([$"polling, every {pollInterval} s", $"{latency} ms", byPolling.Count.ToString(), F(Percentile(byPolling, 50)), F(Percentile(byPolling, 95)), F(byPolling.Max())]);
}
Table("Time to paid after the customer pays (ms)", ["path", "simulator latency", "samples", "p50", "p95", "max"], timeToPaid);

// 2. webhook throughput and memory
var throughput = new List<string[]>();
foreach (var notifications in new[] { 1_000, 10_000 })
{
    var result = await WebhookThroughputBenchmark.RunAsync(notifications, orders: 100);
    throughput.Add([result.Notifications.ToString("N0"), result.Orders.ToString(), F(result.Seconds, "0.00"), F(result.PerSecond, "0"),
        result.NonOk.ToString(), result.MarkedPaid.ToString(),
        F(MegaBytes(result.HeapBefore)), F(MegaBytes(result.PeakHeap)), F(MegaBytes(result.HeapAfter)), F(MegaBytes(result.HeapAfterFakesCleared)), F(MegaBytes(result.PeakWorkingSet))]);
}
Table($"Webhook endpoint throughput ({WebhookThroughputBenchmark.Concurrency} concurrent senders in the same process; token checked on every request; sync with an instant in-process Tamara)",
    ["notifications", "orders", "seconds", "notifications/s", "non-200", "MarkOrderAsPaid calls", "heap before (MB)", "peak heap (MB)", "heap after GC (MB)", "same, fakes' call records dropped (MB)", "peak working set (MB)"],
    throughput);

var breakdown = await CostBreakdownBenchmark.RunAsync();
Table("Where one webhook delivery's time goes (sequential, ms each)", ["step", "ms"], breakdown.Select(step => new[] { step.Step, F(step.MsEach, "0.000") }));

// 3. poll cycle
var cycles = new List<string[]>();
foreach (var pending in new[] { 0, 100, 1_000 })
{
    var result = await PollCycleBenchmark.RunAsync(pending);
    cycles.Add([result.Pending.ToString("N0"), result.Checked.ToString(), result.DatabaseQueries.ToString(), result.HttpCalls.ToString(), F(result.WallMs)]);
}
Table("One poll cycle (scheduled task run) against the simulator, every pending session due", ["pending sessions", "checked this run", "database queries", "HTTP calls", "wall time (ms)"], cycles);

// 4. checkout overhead
var checkout = await CheckoutOverheadBenchmark.RunAsync(quick ? 500 : 3_000);
Table("Plugin overhead at checkout: ProcessPaymentAsync with an instant in-process Tamara (ms)", ["iterations", "p50", "p95", "p99", "max"],
    [[checkout.Count.ToString(), F(Percentile(checkout, 50), "0.000"), F(Percentile(checkout, 95), "0.000"), F(Percentile(checkout, 99), "0.000"), F(checkout.Max(), "0.000")]]);

Console.WriteLine();
Console.WriteLine($"Total run time: {total.Elapsed.TotalSeconds:0} s");
