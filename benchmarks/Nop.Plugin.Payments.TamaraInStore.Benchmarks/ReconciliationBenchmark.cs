using System.Diagnostics;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Reconciliation;

namespace Nop.Plugin.Payments.TamaraInStore.Benchmarks;

/// <param name="Run">1 for the first run</param>
/// <param name="Reads">Reads of Tamara orders the run sent (HTTP calls counted by the plugin's client)</param>
/// <param name="PlantedFound">Whether the report lists the disagreement planted in the newest session</param>
public record ReconciliationRunResult(int Run, double Seconds, int Reads, int Compared, int Skipped, int ComparedEarlier, bool Completed, bool PlantedFound);

/// <summary>
/// Daily reconciliation runs, as the scheduled task starts them, over N sessions created within the window (six in ten paid
/// and captured, two declined, two expired at Tamara), the newest paid in the store but never captured at Tamara; the
/// production time budget (4 min) and pace (20 reads a second), Tamara simulated over HTTP at a latency
/// </summary>
public static class ReconciliationBenchmark
{
    /// <param name="report">Called with each run's result as soon as it ends (a run takes up to 4 minutes)</param>
    public static async Task<List<ReconciliationRunResult>> RunAsync(int sessions, int latencyMs, int runs, Action<ReconciliationRunResult> report)
    {
        var seeding = Stopwatch.StartNew();
        await using var environment = await EndToEndEnvironment.StartAsync(new EnvironmentOptions { ConfigureServices = IndexedSessionService.Register });
        var now = DateTime.UtcNow;
        var planted = 0;
        for (var i = 0; i < sessions; i++)
        {
            var tamaraSession = await environment.Client.CreateInStoreSessionAsync(environment.StoreSettings, SessionRequests.Sms($"reconcile-{i}", 300m));
            var (orderId, tamaraOrderId) = StoreSeeding.AddPendingOrder(environment, tamaraSession.OrderId, 300m);
            var session = environment.Sessions.Rows.Last();
            if (session.TamaraOrderId != tamaraOrderId)
                throw new InvalidOperationException("the seeded session is not the last row");
            session.CreatedOnUtc = now.AddSeconds(-sessions + i);
            var newest = i == sessions - 1;
            switch (newest ? -1 : i % 10)
            {
                case < 6:
                    // paid in the store; the newest is never captured at Tamara
                    if (!newest)
                        environment.Simulator.State.Pay(tamaraOrderId);
                    var order = environment.Orders.Get(orderId);
                    order.PaymentStatus = PaymentStatus.Paid;
                    order.OrderStatus = OrderStatus.Processing;
                    session.State = TamaraSessionState.Paid;
                    session.TamaraStatus = TamaraOrderStatus.FullyCaptured;
                    session.CapturedAmount = 300m;
                    if (newest)
                        planted = orderId;
                    break;
                case < 8:
                    environment.Simulator.State.Decline(tamaraOrderId);
                    session.State = TamaraSessionState.Declined;
                    session.TamaraStatus = TamaraOrderStatus.Declined;
                    break;
                default:
                    environment.Simulator.State.ExpireNow(tamaraOrderId);
                    session.State = TamaraSessionState.Expired;
                    session.TamaraStatus = TamaraOrderStatus.Expired;
                    break;
            }
            environment.Sessions.Update(session);
            if ((i + 1) % 1_000 == 0)
                Console.Error.WriteLine($"seeded {i + 1:N0} sessions in {seeding.Elapsed.TotalSeconds:0} s");
        }
        environment.Simulator.Faults.Update(faults => faults.LatencyMs = latencyMs);

        var results = new List<ReconciliationRunResult>();
        for (var run = 1; run <= runs; run++)
        {
            var readsBefore = environment.TamaraHttpCalls.Count;
            var clock = Stopwatch.StartNew();
            var outcome = await environment.ReconcileAsync();
            clock.Stop();
            var result = new ReconciliationRunResult(run, clock.Elapsed.TotalSeconds, environment.TamaraHttpCalls.Count - readsBefore,
                outcome.SessionsCompared, outcome.SessionsSkipped, outcome.SessionsComparedEarlier, outcome.Completed,
                outcome.Findings.Any(finding => finding.OrderId == planted && finding.Verdict == TamaraReconciliationVerdict.PaidButNotCaptured));
            results.Add(result);
            report(result);
        }

        return results;
    }
}
