using System.Collections.Concurrent;
using Moq;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Reconciliation;
using Nop.Plugin.Payments.TamaraInStore.Tests.Sync;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Reconciliation;

/// <summary>A run that finishes: newest first, settled sessions left alone, progress kept between runs, reads at Tamara's pace</summary>
public class ReconciliationProgressTests
{
    private ReconciliationHarness _harness;
    private ConcurrentQueue<string> _reads;
    private ConcurrentDictionary<string, TamaraOrder> _tamara;

    /// <summary>How long each read takes on the run's clock</summary>
    private TimeSpan _eachReadTakes;

    [SetUp]
    public void SetUp()
    {
        _reads = new();
        _tamara = new();
        _eachReadTakes = TimeSpan.Zero;
        _harness = new ReconciliationHarness();
        _harness.Sync.Client.Setup(client => client.GetOrderAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(async (TamaraInStoreSettings _, string orderId, CancellationToken _) =>
            {
                _reads.Enqueue(orderId);
                await Task.Yield();
                if (_eachReadTakes > TimeSpan.Zero)
                    _harness.Sync.Time.Advance(_eachReadTakes);
                var answer = _tamara.TryGetValue(orderId, out var order) ? order : SyncHarness.Captured();
                var copy = SyncHarness.Status(answer.Status, answer.CapturedAmount?.Amount ?? 0m);
                copy.OrderId = orderId;
                copy.Transactions = answer.Transactions;
                return copy;
            });
    }

    [TearDown]
    public void TearDown() => _harness.Provider.Dispose();

    private TamaraSession AddPaid(DateTime createdOnUtc)
    {
        var (_, session) = _harness.AddPaidOrder();
        _harness.Change(session, s => s.CreatedOnUtc = createdOnUtc);
        return _harness.Session(session.Id);
    }

    /// <summary>A link Tamara declined, on an order left unpaid: both sides agree, and nothing more happens at Tamara</summary>
    private (Order Order, TamaraSession Session) AddDeclined()
    {
        var (order, session) = _harness.AddPendingOrder();
        _harness.Change(session, s => { s.State = TamaraSessionState.Declined; s.TamaraStatus = TamaraOrderStatus.Declined; });
        _tamara[session.TamaraOrderId] = SyncHarness.Status(TamaraOrderStatus.Declined);
        return (order, _harness.Session(session.Id));
    }

    private int ReadsOf(TamaraSession session) => _reads.Count(id => id == session.TamaraOrderId);

    [Test]
    public async Task The_newest_sessions_are_read_first()
    {
        var oldestFirst = Enumerable.Range(0, 40).Select(i => AddPaid(_harness.Sync.Now.AddHours(-40 + i))).ToList();
        // the session ids do not follow the creation times: a session created late may have a low id
        _harness.Change(oldestFirst[0], s => s.CreatedOnUtc = _harness.Sync.Now.AddMinutes(-1));
        var newestFirst = new[] { oldestFirst[0] }.Concat(oldestFirst.Skip(1).Reverse()).Select(session => session.TamaraOrderId).ToList();

        await _harness.RunAsync();

        // the workers read side by side and a busy machine may hold one back, so the order is asserted by halves: the
        // newest session within the first half, and the first half's reads newer on average than the second half's
        var positions = _reads.Select(read => newestFirst.IndexOf(read)).ToList();
        Assert.That(positions.Take(20).ToList(), Does.Contain(0), "the newest session is read in the first half");
        Assert.That(positions.Take(20).Average(), Is.LessThan(positions.Skip(20).Average()), "the newer sessions are read first");
        Assert.That(_reads, Has.Count.EqualTo(40));
    }

    [Test]
    public async Task A_session_final_at_Tamara_that_agreed_is_not_read_again_until_our_side_changes()
    {
        var (declinedOrder, declined) = AddDeclined();
        var captured = _harness.AddPaidOrder().Session;

        var first = await _harness.RunAsync();
        var second = await _harness.RunAsync();

        Assert.That(first.SessionsCompared, Is.EqualTo(2));
        Assert.That(ReadsOf(declined), Is.EqualTo(1), "declined is final, and both sides agreed");
        Assert.That(ReadsOf(captured), Is.EqualTo(2), "a captured order may still be refunded in Tamara's portal: read every pass");
        Assert.That(second.SessionsSkipped, Is.EqualTo(1));
        Assert.That(second.Completed, Is.True);

        _harness.Change(declinedOrder, o => o.PaymentStatus = PaymentStatus.Paid);
        await _harness.RunAsync();

        Assert.That(ReadsOf(declined), Is.EqualTo(2), "its order changed since it agreed");
    }

    [Test]
    public async Task A_run_out_of_time_is_continued_by_the_next_newest_unread_first_and_each_session_read_once_per_pass()
    {
        var sessions = Enumerable.Range(0, 30).Select(i => AddPaid(_harness.Sync.Now.AddMinutes(-30 + i))).ToList();
        _harness.Budget = TimeSpan.FromSeconds(5);
        _eachReadTakes = TimeSpan.FromSeconds(1);

        var first = await _harness.RunAsync();
        var readInFirst = _reads.ToList();
        _eachReadTakes = TimeSpan.Zero;
        var second = await _harness.RunAsync();
        var readInSecond = _reads.Skip(readInFirst.Count).ToList();

        Assert.That(first.Completed, Is.False);
        Assert.That(first.StoppedForTime, Is.True);
        Assert.That(readInFirst, Is.SubsetOf(sessions.AsEnumerable().Reverse().Take(readInFirst.Count + TamaraInStoreDefaults.Reconciliation.Workers)
            .Select(s => s.TamaraOrderId)), "the first run read the newest (the workers' last turns may skip a few)");
        Assert.That(readInSecond, Is.EquivalentTo(sessions.Select(s => s.TamaraOrderId).Except(readInFirst)),
            "the second run read only what the first had not");
        Assert.That(second.Completed, Is.True);
        Assert.That(second.SessionsComparedEarlier, Is.EqualTo(readInFirst.Count));
        Assert.That(second.PassStartedOnUtc, Is.EqualTo(first.PassStartedOnUtc));

        await _harness.RunAsync();

        Assert.That(sessions.Select(ReadsOf), Has.All.EqualTo(2), "a run after a complete pass starts a new one");
    }

    [Test]
    public async Task A_disagreement_in_the_newest_of_ten_thousand_sessions_is_found_by_the_first_run()
    {
        var start = _harness.Sync.Now;
        for (var i = 0; i < 10_000; i++)
        {
            var (_, session) = _harness.Sync.AddPendingOrder();
            session.CreatedOnUtc = start.AddSeconds(-10_000 + i);
            _tamara[session.TamaraOrderId] = SyncHarness.Status(TamaraOrderStatus.New);
        }

        // the newest: paid in the store, never captured at Tamara
        var (planted, newest) = _harness.AddPaidOrder();
        _tamara[newest.TamaraOrderId] = SyncHarness.Status(TamaraOrderStatus.New);
        _eachReadTakes = TimeSpan.FromSeconds(1);

        var report = await _harness.RunAsync();

        Assert.That(report.Completed, Is.False, "10,000 reads do not fit in one run here");
        Assert.That(report.Findings.Select(finding => (finding.OrderId, finding.Verdict)),
            Does.Contain((planted.Id, TamaraReconciliationVerdict.PaidButNotCaptured)));
    }

    [Test]
    public async Task Reads_start_at_the_run_s_pace()
    {
        var sessions = Enumerable.Range(0, 6).Select(_ => _harness.AddPaidOrder().Session).ToList();
        _harness.ReadsPerSecond = 2;

        var run = _harness.RunAsync();
        var atOnce = await QuietReadsAsync();
        _harness.Sync.Time.Advance(TimeSpan.FromMilliseconds(500));
        var halfASecondLater = await QuietReadsAsync();
        _harness.Sync.Time.Advance(TimeSpan.FromSeconds(2));
        var report = await run;

        Assert.That(atOnce, Is.EqualTo(1));
        Assert.That(halfASecondLater, Is.EqualTo(2));
        Assert.That(report.SessionsCompared, Is.EqualTo(6));
    }

    private async Task<int> QuietReadsAsync()
    {
        var seen = -1;
        while (_reads.Count != seen)
        {
            seen = _reads.Count;
            await Task.Delay(300);
        }

        return seen;
    }
}
