using System.Diagnostics;
using System.Net;
using System.Text;
using Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;

namespace Nop.Plugin.Payments.TamaraInStore.Benchmarks;

public record ThroughputResult(int Notifications, int Orders, double Seconds, double PerSecond, int NonOk, int MarkedPaid,
    long HeapBefore, long PeakHeap, long HeapAfter, long HeapAfterFakesCleared, long PeakWorkingSet);

/// <summary>
/// Notifications POSTed over HTTP to the plugin's webhook controller: routing, the token check (HS256, every request),
/// the session look-up (through an index, as in the database) and the full order sync under its lock. Tamara's read is the instant in-process client, so the
/// figure is the plugin's own capacity, not Tamara's. Every order gets many duplicates; the first marks it paid.
/// </summary>
public static class WebhookThroughputBenchmark
{
    public const int Concurrency = 8;

    public static async Task<ThroughputResult> RunAsync(int notifications, int orders)
    {
        var tamara = new InstantTamaraClient();
        await using var environment = await EndToEndEnvironment.StartAsync(new EnvironmentOptions
        {
            TamaraClient = tamara,
            ConfigureServices = IndexedSessionService.Register
        });
        var notificationToken = environment.StoreSettings.NotificationToken;

        var tamaraOrderIds = new List<string>();
        for (var i = 0; i < orders; i++)
        {
            var tamaraOrderId = Guid.NewGuid().ToString();
            StoreSeeding.AddPendingOrder(environment, tamaraOrderId, 300m);
            tamara.Captured(tamaraOrderId, 300m);
            tamaraOrderIds.Add(tamaraOrderId);
        }

        // what Tamara would send: a fresh token per delivery; round-robin over the orders, as concurrent deliveries
        // for one order would only queue on its lock
        var deliveries = Enumerable.Range(0, notifications).Select(i =>
        {
            var tamaraOrderId = tamaraOrderIds[i % orders];
            var url = $"{environment.Plugin.WebhookUrl}?tamaraToken={NotificationTokens.Create(notificationToken, DateTimeOffset.UtcNow)}";
            var body = $"{{\"order_id\":\"{tamaraOrderId}\",\"order_reference_id\":\"ref-{i % orders}\",\"order_number\":\"{i % orders}\",\"event_type\":\"order_captured\",\"data\":{{}}}}";
            return (url, body);
        }).ToList();

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency });
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(true);
        var nonOk = 0;

        var memory = new MemoryPeaks();
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(deliveries, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (delivery, cancellationToken) =>
        {
            using var content = new StringContent(delivery.body, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(delivery.url, content, cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
                Interlocked.Increment(ref nonOk);
        });
        stopwatch.Stop();
        await memory.DisposeAsync();

        var heapAfter = GC.GetTotalMemory(true);

        // the fakes standing in for nopCommerce (Moq) keep a record of every call they served; what is left once those
        // records are dropped is what the plugin itself kept
        environment.Settings.SettingService.Invocations.Clear();
        environment.Settings.StoreService.Invocations.Clear();
        environment.Orders.OrderServiceMock.Invocations.Clear();
        environment.Orders.ProcessingMock.Invocations.Clear();
        var heapAfterFakesCleared = GC.GetTotalMemory(true);
        return new ThroughputResult(notifications, orders, stopwatch.Elapsed.TotalSeconds, notifications / stopwatch.Elapsed.TotalSeconds,
            nonOk, environment.Orders.MarkPaidCalls, heapBefore, memory.PeakHeap, heapAfter, heapAfterFakesCleared, memory.PeakWorkingSet);
    }
}
