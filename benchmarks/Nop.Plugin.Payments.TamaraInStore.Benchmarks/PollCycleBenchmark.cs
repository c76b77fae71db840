using System.Diagnostics;
using Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;

namespace Nop.Plugin.Payments.TamaraInStore.Benchmarks;

/// <param name="FirstRunChecked">Sessions read in the first run</param>
/// <param name="FirstRunMs">Wall time of the first run</param>
/// <param name="Runs">Runs (one every 5 s, the task's period) until every pending session was read once</param>
/// <param name="AllCheckedMs">From the first run's start to the end of the run that read the last of them</param>
public record PollCycleResult(int Pending, int LatencyMs, int Concurrency, int FirstRunChecked, int DatabaseQueries, int HttpCalls,
    double FirstRunMs, int Runs, double AllCheckedMs);

/// <summary>
/// Runs of the scheduled task against the simulator with N unpaid sessions due, every 5 s as nopCommerce runs it, until
/// each session was read once; database queries and HTTP calls are those of the first run
/// </summary>
public static class PollCycleBenchmark
{
    public static async Task<PollCycleResult> RunAsync(int pending, int latencyMs)
    {
        // sessions found by Tamara order id through an index, as in the database (see IndexedSessionService)
        await using var environment = await EndToEndEnvironment.StartAsync(new EnvironmentOptions { ConfigureServices = IndexedSessionService.Register });
        environment.StoreSettings.PollIntervalSeconds = TamaraInStoreDefaults.DefaultPollIntervalSeconds;
        for (var i = 0; i < pending; i++)
        {
            var session = await environment.Client.CreateInStoreSessionAsync(environment.StoreSettings, SessionRequests.Sms($"poll-{i}", 300m));
            StoreSeeding.AddPendingOrder(environment, session.OrderId, 300m);
        }
        await environment.RunPollTaskAsync();   // warm-up run (JIT, connections)
        DueNow(environment);
        environment.Simulator.Faults.Update(faults => faults.LatencyMs = latencyMs);

        var queriesBefore = environment.Sessions.QueryCount + environment.Refunds.QueryCount;
        var httpBefore = environment.TamaraHttpCalls.Count;
        var cycleStart = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        await environment.RunPollTaskAsync();
        var firstRunMs = clock.Elapsed.TotalMilliseconds;

        var queries = environment.Sessions.QueryCount + environment.Refunds.QueryCount - queriesBefore;
        var httpCalls = environment.TamaraHttpCalls.Count - httpBefore;
        var firstRunChecked = CheckedSince(environment, cycleStart);

        var runs = 1;
        var allCheckedMs = firstRunMs;
        while (CheckedSince(environment, cycleStart) < pending && runs < 10)
        {
            var nextStart = TimeSpan.FromSeconds(TamaraInStoreDefaults.ScheduleTask.Seconds * runs) - clock.Elapsed;
            if (nextStart > TimeSpan.Zero)
                await Task.Delay(nextStart);
            await environment.RunPollTaskAsync();
            runs++;
            allCheckedMs = clock.Elapsed.TotalMilliseconds;
        }

        return new PollCycleResult(pending, latencyMs, TamaraInStoreDefaults.DefaultPollConcurrency, firstRunChecked, queries, httpCalls,
            firstRunMs, runs, CheckedSince(environment, cycleStart) < pending ? double.NaN : allCheckedMs);
    }

    private static void DueNow(EndToEndEnvironment environment)
    {
        foreach (var session in environment.Sessions.Rows)
        {
            session.NextCheckOnUtc = null;
            session.LastCheckedOnUtc = null;
            environment.Sessions.Update(session);
        }
    }

    private static int CheckedSince(EndToEndEnvironment environment, DateTime start) =>
        environment.Sessions.Rows.Count(session => session.LastCheckedOnUtc >= start);
}
