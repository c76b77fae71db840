using System.Net;
using Moq;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Reconciliation;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;
using Nop.Plugin.Payments.TamaraInStore.Tests.Refunds;
using Nop.Plugin.Payments.TamaraInStore.Tests.Sync;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Reconciliation;

/// <summary>How a run goes: its window, its cost, its workers, Tamara's pauses and webhooks racing it</summary>
public class ReconciliationRunTests
{
    private ReconciliationHarness _harness;

    [SetUp]
    public void SetUp() => _harness = new ReconciliationHarness();

    [TearDown]
    public void TearDown() => _harness.Provider.Dispose();

    [Test]
    public async Task Nothing_in_the_window_costs_one_query_and_no_call_to_Tamara()
    {
        var (_, old) = _harness.AddPendingOrder();
        _harness.Change(old, s => s.CreatedOnUtc = _harness.Sync.Now.AddDays(-8));
        var queriesBefore = _harness.Sync.Sessions.QueryCount;

        var report = await _harness.RunAsync();

        Assert.That(_harness.Sync.Sessions.QueryCount - queriesBefore, Is.EqualTo(1));
        Assert.That(_harness.Sync.Client.Invocations, Is.Empty);
        Assert.That(report.SessionsCompared, Is.Zero);
        Assert.That(report.Completed, Is.True);
        _harness.Sync.Logger.Verify(logger => logger.InformationAsync("Tamara reconciliation: no payments in the last 7 days", null, null));
    }

    [Test]
    public async Task A_session_just_outside_the_window_is_not_read()
    {
        _harness.Sync.Settings[0].ReconciliationDays = 3;
        var (_, inside) = _harness.AddPendingOrder();
        _harness.Change(inside, s => s.CreatedOnUtc = _harness.Sync.Now.AddDays(-3).AddSeconds(1));
        _harness.Sync.TamaraSays(inside.TamaraOrderId, SyncHarness.Status(TamaraOrderStatus.New));
        var (_, outside) = _harness.AddPendingOrder();
        _harness.Change(outside, s => s.CreatedOnUtc = _harness.Sync.Now.AddDays(-3).AddSeconds(-1));
        _harness.Sync.TamaraSays(outside.TamaraOrderId, SyncHarness.Captured());

        var report = await _harness.RunAsync();

        Assert.That(_harness.ReadsOf(inside.TamaraOrderId), Is.EqualTo(1));
        Assert.That(_harness.ReadsOf(outside.TamaraOrderId), Is.Zero);
        Assert.That(report.WindowDays, Is.EqualTo(3));
        Assert.That(report.SessionsCompared, Is.EqualTo(1));
    }

    [Test]
    public async Task A_few_workers_each_in_its_own_scope_read_every_session_once()
    {
        var sessions = Enumerable.Range(0, 10).Select(_ => _harness.AddPaidOrder().Session).ToList();
        var inFlight = 0;
        var mostInFlight = 0;
        _harness.Sync.Client.Setup(client => client.GetOrderAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(async (TamaraInStoreSettings _, string orderId, CancellationToken _) =>
            {
                var now = Interlocked.Increment(ref inFlight);
                InterlockedMax(ref mostInFlight, now);
                await Task.Delay(20);
                Interlocked.Decrement(ref inFlight);
                var order = SyncHarness.Captured();
                order.OrderId = orderId;
                return order;
            });

        var report = await _harness.RunAsync();

        Assert.That(report.SessionsCompared, Is.EqualTo(10));
        Assert.That(report.SessionsAgreeing, Is.EqualTo(10));
        Assert.That(sessions.Select(session => _harness.ReadsOf(session.TamaraOrderId)), Has.All.EqualTo(1));
        Assert.That(mostInFlight, Is.InRange(2, TamaraInStoreDefaults.Reconciliation.Workers));
        Assert.That(_harness.Scopes, Is.EqualTo(TamaraInStoreDefaults.Reconciliation.Workers));
    }

    [Test]
    public async Task Fixes_are_made_one_at_a_time_while_reads_run_side_by_side()
    {
        var orders = Enumerable.Range(0, 6).Select(_ => _harness.AddPendingOrder()).ToList();
        foreach (var (_, session) in orders)
            _harness.Sync.TamaraSays(session.TamaraOrderId, SyncHarness.Captured());
        var inOrderPaid = 0;
        var mostInOrderPaid = 0;
        // nopCommerce's OrderPaidEvent consumers, resolved from the request's scope that every worker shares
        _harness.Sync.Orders.OrderPaid = async _ =>
        {
            InterlockedMax(ref mostInOrderPaid, Interlocked.Increment(ref inOrderPaid));
            await Task.Delay(30);
            Interlocked.Decrement(ref inOrderPaid);
        };

        var report = await _harness.RunAsync();

        Assert.That(report.Findings.Count(finding => finding.Fixed), Is.EqualTo(6));
        Assert.That(_harness.Sync.Orders.MarkPaidCalls, Is.EqualTo(6));
        Assert.That(mostInOrderPaid, Is.EqualTo(1));
    }

    [Test]
    public async Task Throttled_by_Tamara_every_worker_waits_its_Retry_After_then_the_run_completes()
    {
        var sessions = Enumerable.Range(0, 12).Select(_ => _harness.AddPaidOrder().Session).ToList();
        var throttled = 0;
        var calls = 0;
        _harness.Sync.Client.Setup(client => client.GetOrderAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(async (TamaraInStoreSettings _, string orderId, CancellationToken _) =>
            {
                Interlocked.Increment(ref calls);
                await Task.Yield();
                if (orderId == sessions[2].TamaraOrderId && Interlocked.Exchange(ref throttled, 1) == 0)
                    throw SyncHarness.Transient(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(20));

                var order = SyncHarness.Captured();
                order.OrderId = orderId;
                return order;
            });

        var run = _harness.RunAsync();
        var callsDuringPause = await QuietCallsAsync(() => calls);
        _harness.Sync.Time.Advance(TimeSpan.FromSeconds(19));
        var callsBeforeRetryAfter = await QuietCallsAsync(() => calls);
        Assert.That(run.IsCompleted, Is.False, "the workers wait out the pause");
        Assert.That(callsBeforeRetryAfter, Is.EqualTo(callsDuringPause), "nothing is sent to Tamara during its Retry-After");
        _harness.Sync.Time.Advance(TimeSpan.FromSeconds(1));
        var report = await run;

        Assert.That(report.Completed, Is.True);
        Assert.That(report.SessionsCompared, Is.EqualTo(12));
        Assert.That(_harness.ReadsOf(sessions[2].TamaraOrderId), Is.EqualTo(2), "the throttled session is read again after the pause");
    }

    /// <summary>The call count once no call came for a while (every worker is waiting)</summary>
    private static async Task<int> QuietCallsAsync(Func<int> calls)
    {
        var seen = -1;
        while (calls() != seen)
        {
            seen = calls();
            await Task.Delay(300);
        }

        return seen;
    }

    [Test]
    public async Task A_Retry_After_beyond_the_time_budget_stops_the_run_as_incomplete_with_the_reason_in_words()
    {
        for (var i = 0; i < 10; i++)
            _harness.AddPaidOrder();
        _harness.Sync.Client.Setup(client => client.GetOrderAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(SyncHarness.Transient(HttpStatusCode.TooManyRequests, TimeSpan.FromMinutes(10)));

        var report = await _harness.RunAsync();

        Assert.That(report.Completed, Is.False);
        Assert.That(report.SessionsCompared, Is.Zero);
        Assert.That(report.Problem, Does.StartWith("Tamara asked to wait 600 s (too many requests or unavailable), longer than the rest of the run's 4-minute time budget: 0 of 10 payments were compared."));
        Assert.That(_harness.Sync.Client.Invocations.Count, Is.LessThanOrEqualTo(TamaraInStoreDefaults.Reconciliation.Workers),
            "no worker sends anything once Tamara asked to wait");
        _harness.Sync.Logger.Verify(logger => logger.WarningAsync(It.Is<string>(message =>
            message.StartsWith("Tamara reconciliation: 0 sessions, all agree (incomplete: Tamara asked to wait 600 s")), null, null));
    }

    [Test]
    public async Task Both_fixes_are_applied_once_when_webhooks_race_the_run()
    {
        for (var round = 0; round < 10; round++)
        {
            var harness = new ReconciliationHarness();
            var (capturedOrder, captured) = harness.AddPendingOrder();
            harness.Sync.TamaraSays(captured.TamaraOrderId, SyncHarness.Captured());
            var (refundedOrder, refunded) = harness.AddPaidOrder();
            var book = new TamaraOrderBook(refunded.TamaraOrderId, 300m, "SAR");
            book.RefundInPortal(100m);
            harness.Sync.TamaraSays(refunded.TamaraOrderId, book.Read());

            await Task.WhenAll(
                Task.Run(harness.RunAsync),
                Task.Run(() => harness.WebhookAsync(captured.TamaraOrderId)),
                Task.Run(() => harness.WebhookAsync(refunded.TamaraOrderId)));
            var after = await harness.RunAsync();

            Assert.Multiple(() =>
            {
                Assert.That(harness.Sync.Orders.MarkPaidCalls, Is.EqualTo(1));
                Assert.That(harness.Notes(capturedOrder.Id).Count(note => note.StartsWith("Tamara: payment captured")), Is.EqualTo(1));
                Assert.That(harness.Notes(capturedOrder.Id).Count(note => note.StartsWith("Tamara reconciliation:")), Is.LessThanOrEqualTo(1));
                Assert.That(harness.Order(refundedOrder.Id).RefundedAmount, Is.EqualTo(100m));
                Assert.That(harness.Sync.Refunds.Rows, Has.Count.EqualTo(1));
                Assert.That(harness.Notes(refundedOrder.Id).Count(note => note.StartsWith("Tamara reconciliation:")), Is.LessThanOrEqualTo(1));
                Assert.That(after.Findings, Is.Empty);
                Assert.That(harness.Order(capturedOrder.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            });
            harness.Provider.Dispose();
        }
    }

    [Test]
    public async Task A_fix_a_webhook_made_first_is_neither_listed_nor_noted()
    {
        var (order, session) = _harness.AddPendingOrder();
        _harness.Sync.TamaraSays(session.TamaraOrderId, SyncHarness.Captured());
        // the webhook lands between the run's read and its sync
        _harness.BeforeSync = _harness.WebhookAsync;

        var report = await _harness.RunAsync();

        Assert.That(report.Findings, Is.Empty);
        Assert.That(report.SessionsAgreeing, Is.EqualTo(1));
        Assert.That(_harness.Sync.Orders.MarkPaidCalls, Is.EqualTo(1));
        Assert.That(_harness.Notes(order.Id).Count(note => note.StartsWith("Tamara reconciliation:")), Is.Zero);
    }

    [Test]
    public async Task The_sync_started_by_the_reconciliation_never_voids_at_Tamara()
    {
        var (_, session) = _harness.AddPendingOrder();
        _harness.Sync.TamaraSays(session.TamaraOrderId, SyncHarness.Status(TamaraOrderStatus.New));
        _harness.Sync.Time.Advance(TimeSpan.FromHours(1));

        await _harness.Sync.NewService().SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Reconciliation);

        _harness.VerifyNothingWrittenToTamara();
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    [Test]
    public async Task Each_worker_gets_a_schedule_task_request_of_its_own_not_the_callers()
    {
        Enumerable.Range(0, 6).Select(_ => _harness.AddPaidOrder().Session).ToList()
            .ForEach(session => _harness.Sync.TamaraSays(session.TamaraOrderId, SyncHarness.Captured()));
        // "Reconcile now" on the operations page: the admin's own request
        var caller = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        caller.Request.Path = "/Admin/TamaraInStoreOperations/Reconcile";
        _harness.Sync.HttpContextAccessor.HttpContext = caller;

        await _harness.RunAsync();

        var seen = _harness.WorkerRequests.ToList();
        Assert.Multiple(() =>
        {
            Assert.That(seen, Is.Not.Empty);
            Assert.That(seen.Select(worker => worker.Request), Has.None.SameAs(caller));
            Assert.That(seen.Select(worker => worker.Request?.Request.Path.Value), Has.All.EqualTo("/scheduletask/runtask"),
                "WebWorkContext takes the background-task customer, never a new guest");
            Assert.That(seen.Select(worker => worker.Request?.RequestServices), Is.EquivalentTo(seen.Select(worker => worker.Scope)));
            Assert.That(seen.Select(worker => worker.Request).Distinct().Count(), Is.EqualTo(seen.Count));
            Assert.That(_harness.Sync.HttpContextAccessor.HttpContext, Is.SameAs(caller), "the caller keeps its own request");
        });
    }
}
