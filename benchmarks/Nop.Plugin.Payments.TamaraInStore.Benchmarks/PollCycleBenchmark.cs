using System.Diagnostics;
using Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;

namespace Nop.Plugin.Payments.TamaraInStore.Benchmarks;

public record PollCycleResult(int Pending, int Checked, int DatabaseQueries, int HttpCalls, double WallMs);

/// <summary>One run of the scheduled task against the simulator with N unpaid sessions due</summary>
public static class PollCycleBenchmark
{
    public static async Task<PollCycleResult> RunAsync(int pending)
    {
        await using var environment = await EndToEndEnvironment.StartAsync(new EnvironmentOptions());
        for (var i = 0; i < pending; i++)
        {
            var session = await environment.Client.CreateInStoreSessionAsync(environment.StoreSettings, SessionRequests.Sms($"poll-{i}", 300m));
            StoreSeeding.AddPendingOrder(environment, session.OrderId, 300m);
        }
        await environment.RunPollTaskAsync();   // warm-up run: every session is checked once and next due in one interval
        foreach (var session in environment.Sessions.Rows)
        {
            session.NextCheckOnUtc = null;
            environment.Sessions.Update(session);
        }

        var queriesBefore = environment.Sessions.QueryCount + environment.Refunds.QueryCount;
        var httpBefore = environment.TamaraHttpCalls.Count;
        var cycleStart = DateTime.UtcNow;
        var stopwatch = Stopwatch.StartNew();
        await environment.RunPollTaskAsync();
        stopwatch.Stop();

        var queries = environment.Sessions.QueryCount + environment.Refunds.QueryCount - queriesBefore;
        var httpCalls = environment.TamaraHttpCalls.Count - httpBefore;
        var checkedSessions = environment.Sessions.Rows.Count(session => session.LastCheckedOnUtc >= cycleStart);
        return new PollCycleResult(pending, checkedSessions, queries, httpCalls, stopwatch.Elapsed.TotalMilliseconds);
    }
}
