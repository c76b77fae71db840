using System.Diagnostics;
using System.Runtime.InteropServices;
using Nop.Plugin.Payments.TamaraInStore.Benchmarks;
using static Nop.Plugin.Payments.TamaraInStore.Benchmarks.Measure;

// Performance figures of the Tamara in-store plugin against the in-process simulator, printed as Markdown tables.
// dotnet run -c Release --project benchmarks/Nop.Plugin.Payments.TamaraInStore.Benchmarks [-- --quick] [--only time-to-paid|throughput|poll|checkout|reconciliation]
// dotnet run -c Release --project benchmarks/Nop.Plugin.Payments.TamaraInStore.Benchmarks -- --real-host [--quick] [--only poll|time-to-paid|throughput|checkout]  (see docs/performance.md)
var quick = args.Contains("--quick");
var onlyIndex = Array.IndexOf(args, "--only");
var only = onlyIndex >= 0 && onlyIndex + 1 < args.Length ? args[onlyIndex + 1] : null;
bool Runs(string section) => only is null || only == section;
var total = Stopwatch.StartNew();

if (args.Contains("--real-host"))
{
    Console.WriteLine("## Tamara in-store plugin: performance in the real nopCommerce");
    Console.WriteLine();
    Console.WriteLine($"- machine: {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}");
    Console.WriteLine($"- started: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC{(quick ? " (quick run)" : "")}");
    var exitCode = await Nop.Plugin.Payments.TamaraInStore.Benchmarks.RealHost.RealHostBenchmark.RunAsync(quick, Runs);
    Console.WriteLine();
    Console.WriteLine($"Total run time: {total.Elapsed.TotalSeconds:0} s");
    return exitCode;
}

Console.WriteLine("## Tamara in-store plugin: performance");
Console.WriteLine();
Console.WriteLine($"- machine: {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}");
Console.WriteLine($"- runtime: .NET {Environment.Version}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC");
Console.WriteLine($"- started: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC{(quick ? " (quick run)" : "")}");

// 1. time to paid
if (Runs("time-to-paid"))
{
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
}

// 2. webhook throughput and memory
if (Runs("throughput"))
{
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
}

// 3. poll cycle
if (Runs("poll"))
{
var cycles = new List<string[]>();
foreach (var latency in new[] { 0, 150 })
foreach (var pending in new[] { 0, 100, 1_000 })
{
    var result = await PollCycleBenchmark.RunAsync(pending, latency);
    cycles.Add([result.Pending.ToString("N0"), $"{result.LatencyMs} ms", result.Concurrency.ToString(), result.FirstRunChecked.ToString("N0"),
        result.DatabaseQueries.ToString("N0"), result.HttpCalls.ToString("N0"), F(result.FirstRunMs), result.Runs.ToString(),
        double.IsNaN(result.AllCheckedMs) ? "not within 10 runs" : F(result.AllCheckedMs / 1000, "0.0")]);
}
Table("Poll cycles against the simulator, every pending session due (the task runs every 5 s; queries and HTTP calls of the first run)",
    ["pending sessions", "simulator latency", "reads at once", "checked in the first run", "database queries", "HTTP calls", "first run wall time (ms)",
        "runs until all checked", "all checked after (s)"], cycles);
}

// 4. checkout overhead
if (Runs("checkout"))
{
var checkout = await CheckoutOverheadBenchmark.RunAsync(quick ? 500 : 3_000);
Table("Plugin overhead at checkout: ProcessPaymentAsync with an instant in-process Tamara (ms)", ["iterations", "p50", "p95", "p99", "max"],
    [[checkout.Count.ToString(), F(Percentile(checkout, 50), "0.000"), F(Percentile(checkout, 95), "0.000"), F(Percentile(checkout, 99), "0.000"), F(checkout.Max(), "0.000")]]);
}

// 5. reconciliation (runs of up to 4 minutes each: only with --only reconciliation); each row printed as its run ends
if (only == "reconciliation")
{
string Load() => string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
var sessions = quick ? 1_000 : 10_000;
Console.WriteLine();
Console.WriteLine($"### Reconciliation runs, {sessions:N0} sessions in the window (6 in 10 captured, 2 declined, 2 expired; the newest paid in the store, never captured at Tamara), simulator at 150 ms over HTTP");
Console.WriteLine();
Console.WriteLine("| run | wall time (s) | Tamara reads | compared | skipped (final, agreed, unchanged) | read earlier in the pass | pass complete | planted disagreement listed | load average after |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
Console.WriteLine($"(load average before: {Load()})");
await ReconciliationBenchmark.RunAsync(sessions, latencyMs: 150, runs: quick ? 2 : 4, result =>
    Console.WriteLine($"| {result.Run} | {F(result.Seconds, "0.0")} | {result.Reads:N0} | {result.Compared:N0} | {result.Skipped:N0} | {result.ComparedEarlier:N0} | " +
        $"{(result.Completed ? "yes" : "no")} | {(result.PlantedFound ? "yes" : "no")} | {Load()} |"));
}

Console.WriteLine();
Console.WriteLine($"Total run time: {total.Elapsed.TotalSeconds:0} s");
return 0;
