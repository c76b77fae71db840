using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Reconciliation;
using Nop.Plugin.Payments.TamaraInStore.Tests.Refunds;
using Nop.Plugin.Payments.TamaraInStore.Tests.Sync;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Reconciliation;

/// <summary>Every verdict, with nopCommerce faked and Tamara scripted; the two safe ones fixed through the order sync</summary>
public class ReconciliationVerdictTests
{
    private ReconciliationHarness _harness;

    [SetUp]
    public void SetUp() => _harness = new ReconciliationHarness();

    [TearDown]
    public void TearDown() => _harness.Provider.Dispose();

    private static TamaraReconciliationFinding Single(TamaraReconciliationReport report)
    {
        Assert.That(report.Findings, Has.Count.EqualTo(1), string.Join("; ", report.Findings.Select(finding => finding.Verdict + ": " + finding.Detail)));
        return report.Findings[0];
    }

    [Test]
    public async Task A_capture_the_sync_missed_marks_the_order_paid_once_with_a_note()
    {
        var (order, session) = _harness.AddPendingOrder();
        _harness.Sync.TamaraSays(session.TamaraOrderId, SyncHarness.Captured());

        var first = await _harness.RunAsync();
        var second = await _harness.RunAsync();

        var finding = Single(first);
        Assert.Multiple(() =>
        {
            Assert.That(finding.Verdict, Is.EqualTo(TamaraReconciliationVerdict.CapturedButNotPaid));
            Assert.That(finding.Fixed, Is.True);
            Assert.That(finding.OrderId, Is.EqualTo(order.Id));
            Assert.That(finding.Detail, Does.Contain("fully_captured").And.Contain("300.00 SAR"));
            Assert.That(first.SessionsAgreeing, Is.EqualTo(1));
            Assert.That(second.Findings, Is.Empty);
            Assert.That(second.SessionsAgreeing, Is.EqualTo(1));
            Assert.That(_harness.Sync.Orders.MarkPaidCalls, Is.EqualTo(1));
            Assert.That(_harness.Order(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.Paid));
            Assert.That(_harness.Notes(order.Id).Count(note => note.StartsWith("Tamara reconciliation:")), Is.EqualTo(1));
            Assert.That(_harness.Notes(order.Id).Count(note => note.Contains("found by the reconciliation with Tamara")), Is.EqualTo(1));
        });
        _harness.VerifyNothingWrittenToTamara();
    }

    [Test]
    public async Task A_portal_refund_the_sync_missed_is_recorded_once_with_a_note()
    {
        var (order, session) = _harness.AddPaidOrder();
        var book = new TamaraOrderBook(session.TamaraOrderId, 300m, "SAR");
        book.RefundInPortal(100m);
        _harness.Sync.TamaraSays(session.TamaraOrderId, book.Read());

        var first = await _harness.RunAsync();
        var second = await _harness.RunAsync();

        var finding = Single(first);
        Assert.Multiple(() =>
        {
            Assert.That(finding.Verdict, Is.EqualTo(TamaraReconciliationVerdict.RefundedAtTamaraNotInStore));
            Assert.That(finding.Fixed, Is.True);
            Assert.That(second.Findings, Is.Empty);
            Assert.That(_harness.Order(order.Id).RefundedAmount, Is.EqualTo(100m));
            Assert.That(_harness.Order(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.PartiallyRefunded));
            Assert.That(_harness.Sync.Refunds.Rows, Has.Count.EqualTo(1));
            Assert.That(_harness.Notes(order.Id).Count(note => note.StartsWith("Tamara reconciliation:")), Is.EqualTo(1));
        });
        _harness.VerifyNothingWrittenToTamara();
    }

    [Test]
    public async Task More_refunded_in_the_store_than_at_Tamara_waits_for_a_person()
    {
        var (order, session) = _harness.AddPaidOrder();
        _harness.Change(order, o => { o.RefundedAmount = 50m; o.PaymentStatus = PaymentStatus.PartiallyRefunded; });
        _harness.Sync.TamaraSays(session.TamaraOrderId, SyncHarness.Captured());

        var finding = Single(await _harness.RunAsync());

        Assert.That(finding.Verdict, Is.EqualTo(TamaraReconciliationVerdict.RefundedInStoreNotAtTamara));
        Assert.That(finding.Fixed, Is.False);
        Assert.That(_harness.Order(order.Id).RefundedAmount, Is.EqualTo(50m));
        _harness.VerifyNothingWrittenToTamara();
    }

    [Test]
    public async Task A_cancelled_order_whose_payment_Tamara_captured_waits_for_a_person()
    {
        var (order, session) = _harness.AddPendingOrder();
        _harness.Change(order, o => o.OrderStatus = OrderStatus.Cancelled);
        _harness.Change(session, s => { s.State = TamaraSessionState.Expired; s.TamaraStatus = TamaraOrderStatus.New; });
        _harness.Sync.TamaraSays(session.TamaraOrderId, SyncHarness.Captured());

        var finding = Single(await _harness.RunAsync());

        Assert.That(finding.Verdict, Is.EqualTo(TamaraReconciliationVerdict.CancelledButCaptured));
        Assert.That(finding.Fixed, Is.False);
        Assert.That(_harness.Sync.Orders.MarkPaidCalls, Is.Zero);
    }

    [Test]
    public async Task A_paid_order_Tamara_did_not_capture_waits_for_a_person()
    {
        var (_, session) = _harness.AddPaidOrder();
        _harness.Sync.TamaraSays(session.TamaraOrderId, SyncHarness.Status(TamaraOrderStatus.Canceled));

        var finding = Single(await _harness.RunAsync());

        Assert.That(finding.Verdict, Is.EqualTo(TamaraReconciliationVerdict.PaidButNotCaptured));
        Assert.That(finding.Detail, Does.Contain("canceled"));
    }

    [Test]
    public async Task A_capture_of_another_amount_is_not_paid_and_waits_for_a_person()
    {
        var (order, session) = _harness.AddPendingOrder();
        _harness.Sync.TamaraSays(session.TamaraOrderId, SyncHarness.Captured(250m));

        var finding = Single(await _harness.RunAsync());

        Assert.That(finding.Verdict, Is.EqualTo(TamaraReconciliationVerdict.AmountMismatch));
        Assert.That(finding.Fixed, Is.False);
        Assert.That(_harness.Order(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        Assert.That(_harness.ReadsOf(session.TamaraOrderId), Is.EqualTo(1), "no sync for what waits for a person");
    }

    [Test]
    public async Task A_capture_without_an_order_waits_for_a_person()
    {
        var session = _harness.Sync.AddSession(order: null);
        _harness.Change(session, s => { s.State = TamaraSessionState.NeedsAttention; s.CreatedOnUtc = _harness.Sync.Now.AddHours(-1); });
        _harness.Sync.TamaraSays(session.TamaraOrderId, SyncHarness.Captured());

        var finding = Single(await _harness.RunAsync());

        Assert.That(finding.Verdict, Is.EqualTo(TamaraReconciliationVerdict.CapturedWithoutOrder));
        Assert.That(finding.OrderId, Is.Zero);
    }

    [Test]
    public async Task An_order_Tamara_does_not_know_is_listed()
    {
        var (order, session) = _harness.AddPendingOrder();
        // nothing scripted: Tamara answers 404

        var report = await _harness.RunAsync();

        var finding = Single(report);
        Assert.That(finding.Verdict, Is.EqualTo(TamaraReconciliationVerdict.UnknownAtTamara));
        Assert.That(finding.OrderId, Is.EqualTo(order.Id));
        Assert.That(report.SessionsCompared, Is.EqualTo(1));
        Assert.That(report.Completed, Is.True);
    }

    [Test]
    public async Task Links_that_expired_or_were_voided_without_a_capture_agree_with_or_without_an_order()
    {
        var (order, expired) = _harness.AddPendingOrder();
        _harness.Change(order, o => o.OrderStatus = OrderStatus.Cancelled);
        _harness.Change(expired, s => s.State = TamaraSessionState.Expired);
        _harness.Sync.TamaraSays(expired.TamaraOrderId, SyncHarness.Status(TamaraOrderStatus.Expired));
        var voided = _harness.Sync.AddSession(order: null);
        _harness.Change(voided, s => s.State = TamaraSessionState.Canceled);
        _harness.Sync.TamaraSays(voided.TamaraOrderId, SyncHarness.Status(TamaraOrderStatus.Canceled));
        var (_, paid) = _harness.AddPaidOrder();
        _harness.Sync.TamaraSays(paid.TamaraOrderId, SyncHarness.Captured());

        var report = await _harness.RunAsync();

        Assert.That(report.Findings, Is.Empty);
        Assert.That(report.SessionsCompared, Is.EqualTo(3));
        Assert.That(report.SessionsAgreeing, Is.EqualTo(3));
        Assert.That(report.Completed, Is.True);
        Assert.That(report.Problem, Is.Empty);
    }

    [Test]
    public async Task The_last_report_is_kept_and_the_summary_logged_in_words()
    {
        Assert.That(await _harness.NewService().GetLastReportAsync(), Is.Null);
        var (_, pending) = _harness.AddPendingOrder();
        _harness.Sync.TamaraSays(pending.TamaraOrderId, SyncHarness.Captured(250m));
        var (_, paid) = _harness.AddPaidOrder();
        _harness.Sync.TamaraSays(paid.TamaraOrderId, SyncHarness.Captured());

        var report = await _harness.RunAsync();
        var kept = await _harness.NewService().GetLastReportAsync();

        Assert.That(kept.StartedOnUtc, Is.EqualTo(report.StartedOnUtc));
        Assert.That(kept.WindowDays, Is.EqualTo(7));
        Assert.That(kept.Findings.Single().Verdict, Is.EqualTo(TamaraReconciliationVerdict.AmountMismatch));
        Assert.That(_harness.Runs.Rows, Has.Count.EqualTo(1));
        _harness.Sync.Logger.Verify(logger => logger.WarningAsync("Tamara reconciliation: 2 sessions, 1 disagreements, 0 fixed", null, null));
    }
}
