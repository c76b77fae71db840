using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Reconciliation;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;
using TamaraSimulator;

namespace Nop.Plugin.Payments.TamaraInStore.EndToEnd.Orders;

/// <summary>
/// Tamara changed an order without telling the store (the simulator raises no notification); the reconciliation reads it
/// over HTTP, fixes what is safe through the order sync exactly once, and lists the rest
/// </summary>
public class ReconciliationScenarioTests : EndToEndTest
{
    [Test]
    public async Task A_capture_whose_webhook_was_lost_marks_the_order_paid_once_across_two_runs()
    {
        var (orderId, tamaraOrderId) = await Env.Counter.PlaceOrderAsync(300m);
        _requestsAtCheckout = Env.TamaraHttpCalls.Requests.Count;
        Assert.That(Simulator.ChangeOrderSilently(tamaraOrderId, new SilentChange(CapturedAmount: 300m)).IsSuccess, Is.True);

        var first = await Env.ReconcileAsync();
        var second = await Env.ReconcileAsync();

        var finding = first.Findings.Single();
        Assert.Multiple(() =>
        {
            Assert.That(finding.Verdict, Is.EqualTo(TamaraReconciliationVerdict.CapturedButNotPaid));
            Assert.That(finding.Fixed, Is.True);
            Assert.That(finding.OrderId, Is.EqualTo(orderId));
            Assert.That(second.Findings, Is.Empty);
            Assert.That(second.SessionsAgreeing, Is.EqualTo(1));
            Assert.That(Env.IsPaid(orderId), Is.True);
            Assert.That(Env.Orders.MarkPaidCalls, Is.EqualTo(1));
            Assert.That(Env.Orders.NotesOf(orderId).Count(note => note.Note == "Plugins.Payments.TamaraInStore.Reconciliation.Note.Fixed.CapturedButNotPaid"), Is.EqualTo(1));
            Assert.That(Tamara.Notifications, Is.Empty, "nothing told the store");
        });
        AssertOnlyReadsAfterCheckout();
    }

    [Test]
    public async Task A_portal_refund_whose_webhook_was_lost_is_recorded_once_across_two_runs()
    {
        var (orderId, tamaraOrderId) = await PaidOrderAsync();
        Assert.That(Simulator.ChangeOrderSilently(tamaraOrderId, new SilentChange(RefundedAmount: 120m)).IsSuccess, Is.True);

        var first = await Env.ReconcileAsync();
        var second = await Env.ReconcileAsync();

        Assert.Multiple(() =>
        {
            Assert.That(first.Findings.Single().Verdict, Is.EqualTo(TamaraReconciliationVerdict.RefundedAtTamaraNotInStore));
            Assert.That(first.Findings.Single().Fixed, Is.True);
            Assert.That(second.Findings, Is.Empty);
            Assert.That(Env.Order(orderId).RefundedAmount, Is.EqualTo(120m));
            Assert.That(Env.Order(orderId).PaymentStatus, Is.EqualTo(PaymentStatus.PartiallyRefunded));
            Assert.That(Env.RefundsOf(orderId).Single().RefundId, Is.EqualTo(Tamara.FindOrder(tamaraOrderId)!.Refunds.Single().RefundId));
            Assert.That(Env.Orders.NotesOf(orderId).Count(note => note.Note == "Plugins.Payments.TamaraInStore.Reconciliation.Note.Fixed.RefundedAtTamaraNotInStore"), Is.EqualTo(1));
        });
        AssertOnlyReadsAfterCheckout();
    }

    [Test]
    public async Task Both_fixes_are_applied_once_when_a_webhook_races_the_run()
    {
        var (capturedOrderId, capturedTamaraId) = await Env.Counter.PlaceOrderAsync(300m);
        Simulator.ChangeOrderSilently(capturedTamaraId, new SilentChange(CapturedAmount: 300m));
        var (refundedOrderId, refundedTamaraId) = await PaidOrderAsync();
        Simulator.ChangeOrderSilently(refundedTamaraId, new SilentChange(RefundedAmount: 300m));

        await Task.WhenAll(
            Task.Run(Env.ReconcileAsync),
            Task.Run(() => Env.SyncAsync(capturedTamaraId, TamaraSyncTrigger.Webhook)),
            Task.Run(() => Env.SyncAsync(refundedTamaraId, TamaraSyncTrigger.Webhook)));
        var after = await Env.ReconcileAsync();

        Assert.Multiple(() =>
        {
            Assert.That(after.Findings, Is.Empty);
            Assert.That(Env.IsPaid(capturedOrderId), Is.True);
            Assert.That(Env.Orders.MarkPaidCalls, Is.EqualTo(2), "one for each order: the refunded one was paid before");
            Assert.That(Env.Orders.NotesOf(capturedOrderId).Count(note => note.Note.StartsWith("Tamara: payment captured")), Is.EqualTo(1));
            Assert.That(Env.Order(refundedOrderId).RefundedAmount, Is.EqualTo(300m));
            Assert.That(Env.Order(refundedOrderId).PaymentStatus, Is.EqualTo(PaymentStatus.Refunded));
            Assert.That(Env.RefundsOf(refundedOrderId), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task A_status_Tamara_changed_on_its_side_is_listed_for_a_person()
    {
        var (orderId, tamaraOrderId) = await PaidOrderAsync();
        Simulator.ChangeOrderSilently(tamaraOrderId, new SilentChange(Status: TamaraSimulator.OrderStatuses.Canceled, CapturedAmount: 0m));

        var report = await Env.ReconcileAsync();

        var finding = report.Findings.Single();
        Assert.That(finding.Verdict, Is.EqualTo(TamaraReconciliationVerdict.PaidButNotCaptured));
        Assert.That(finding.Fixed, Is.False);
        Assert.That(Env.Order(orderId).PaymentStatus, Is.EqualTo(PaymentStatus.Paid), "nothing is changed for it");
        Assert.That(Env.SessionOf(orderId).State, Is.EqualTo(TamaraSessionState.Paid));
        Assert.That((await LastReportAsync()).Findings.Single().Verdict, Is.EqualTo(TamaraReconciliationVerdict.PaidButNotCaptured));
    }

    private int _requestsAtCheckout;

    private async Task<(int OrderId, string TamaraOrderId)> PaidOrderAsync()
    {
        var placed = await Env.Counter.PlaceOrderAsync(300m);
        Tamara.Pay(placed.TamaraOrderId);
        await Env.SyncAsync(placed.TamaraOrderId);
        Assert.That(Env.IsPaid(placed.OrderId), Is.True, "paid before Tamara changes it");
        _requestsAtCheckout = Env.TamaraHttpCalls.Requests.Count;
        return placed;
    }

    /// <summary>After the order was placed (and paid), the plugin only read from Tamara</summary>
    private void AssertOnlyReadsAfterCheckout()
    {
        var after = Env.TamaraHttpCalls.Requests.Skip(_requestsAtCheckout).ToList();
        Assert.That(after, Is.Not.Empty);
        Assert.That(after, Has.All.StartWith("GET /merchants/orders/"));
    }

    private async Task<TamaraReconciliationReport> LastReportAsync()
    {
        using var scope = Env.Plugin.CreateScope();
        return await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<ITamaraReconciliationService>(scope.ServiceProvider).GetLastReportAsync();
    }
}
