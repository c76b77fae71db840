using System.Collections.Concurrent;
using System.Diagnostics;
using Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;
using TamaraSimulator;

namespace Nop.Plugin.Payments.TamaraInStore.Benchmarks;

/// <summary>From the customer pressing Pay at Tamara to the nopCommerce order being Paid, over real HTTP</summary>
public static class TimeToPaidBenchmark
{
    public static async Task<List<double>> ByWebhookAsync(int latencyMs, int samples)
    {
        await using var environment = await EndToEndEnvironment.StartAsync(new EnvironmentOptions());
        // every order goes to the same phone: the link limit per phone would refuse the fourth
        environment.StoreSettings.MaxLinksPerPhone = TamaraInStoreDefaults.MaxLinksPerPhoneLimit;
        environment.Simulator.Faults.Update(faults => faults.LatencyMs = latencyMs);
        await environment.RegisterWebhookAsync();

        var timings = new List<double>();
        const int warmUp = 3;
        for (var i = 0; i < samples + warmUp; i++)
        {
            var (orderId, tamaraOrderId) = await environment.Counter.PlaceOrderAsync(300m);
            var stopwatch = Stopwatch.StartNew();
            environment.Simulator.State.Pay(tamaraOrderId);
            while (!environment.IsPaid(orderId))
            {
                if (stopwatch.Elapsed > TimeSpan.FromSeconds(30))
                    throw new TimeoutException($"order #{orderId} was not paid by webhook");
                await Task.Delay(1);
            }
            if (i >= warmUp)
                timings.Add(stopwatch.Elapsed.TotalMilliseconds);

            // let this order's remaining deliveries finish so the next sample starts with an empty queue
            await environment.Simulator.WaitUntilAsync(state => state.DeliveryAttempts.Count(attempt => attempt.Outcome == DeliveryOutcomes.Delivered) >= 3 * (i + 1),
                TimeSpan.FromSeconds(30));
        }
        return timings;
    }

    /// <summary>
    /// The scheduled task runs every <paramref name="intervalSeconds"/> (as the configuration page schedules it) and
    /// customers pay at random moments; no webhook is registered.
    /// </summary>
    public static async Task<List<double>> ByPollingAsync(int latencyMs, int samples, int intervalSeconds)
    {
        await using var environment = await EndToEndEnvironment.StartAsync(new EnvironmentOptions());
        // every order goes to the same phone: the link limit per phone would refuse the fourth
        environment.StoreSettings.MaxLinksPerPhone = TamaraInStoreDefaults.MaxLinksPerPhoneLimit;
        environment.StoreSettings.PollIntervalSeconds = intervalSeconds;
        environment.Simulator.Faults.Update(faults => faults.LatencyMs = latencyMs);

        var orders = new List<(int OrderId, string TamaraOrderId)>();
        for (var i = 0; i < samples; i++)
            orders.Add(await environment.Counter.PlaceOrderAsync(300m + i));

        var clock = Stopwatch.StartNew();
        var paidAt = new ConcurrentDictionary<int, double>();
        var payAt = new ConcurrentDictionary<int, double>();
        using var stop = new CancellationTokenSource();

        var scheduler = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(intervalSeconds));
            try
            {
                do
                    await environment.RunPollTaskAsync();
                while (await timer.WaitForNextTickAsync(stop.Token));
            }
            catch (OperationCanceledException)
            {
                // stopped
            }
        });
        var watcher = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var (orderId, _) in orders)
                    if (!paidAt.ContainsKey(orderId) && environment.IsPaid(orderId))
                        paidAt[orderId] = clock.Elapsed.TotalMilliseconds;
                await Task.Delay(5);
            }
        });

        var random = new Random(7);
        var payments = orders.Select(async order =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(0, 2 * intervalSeconds * 1000)));
            payAt[order.OrderId] = clock.Elapsed.TotalMilliseconds;
            environment.Simulator.State.Pay(order.TamaraOrderId);
        }).ToList();
        await Task.WhenAll(payments);

        var deadline = clock.Elapsed + TimeSpan.FromSeconds(6 * intervalSeconds + 10);
        while (paidAt.Count < orders.Count && clock.Elapsed < deadline)
            await Task.Delay(20);
        await stop.CancelAsync();
        await Task.WhenAll(scheduler, watcher);

        if (paidAt.Count < orders.Count)
            throw new TimeoutException($"{orders.Count - paidAt.Count} orders were not paid by polling");
        return orders.Select(order => paidAt[order.OrderId] - payAt[order.OrderId]).ToList();
    }
}
