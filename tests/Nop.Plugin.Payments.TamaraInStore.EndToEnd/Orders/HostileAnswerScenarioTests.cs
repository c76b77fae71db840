using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;
using TamaraSimulator;

namespace Nop.Plugin.Payments.TamaraInStore.EndToEnd.Orders;

/// <summary>
/// Answers no API should give (a CDN's HTML 403, an HTML 200, a connection reset mid-body, a body slower than the timeout)
/// through checkout, refunds and the order sync: each outcome is clear, nothing is done twice and nothing is lost
/// </summary>
public class HostileAnswerScenarioTests : EndToEndTest
{
    private const string FailedKey = "Plugins.Payments.TamaraInStore.Checkout.Errors.Failed";
    private const string RefundNotSentKey = "Plugins.Payments.TamaraInStore.Refunds.NotSent";

    /// <summary>Short, so a trickling answer costs little, but not so short that a loaded machine times out ordinary calls</summary>
    protected override EnvironmentOptions Options => new() { RequestTimeoutSeconds = 3 };

    [SetUp]
    public void TrickleSlowerThanTheTimeout() => Simulator.Faults.Update(faults => faults.TrickleByteDelayMs = 200);

    [Test]
    public async Task A_checkout_a_cdn_blocks_says_so_and_leaves_nothing_open()
    {
        Simulator.Faults.Update(faults => faults.PathPrefix = "/checkout");
        Simulator.Faults.FailNext(FaultKind.BlockedHtml, 1);

        var (_, result) = await Env.Counter.ConfirmAsync(300m);

        Assert.Multiple(() =>
        {
            Assert.That(result.Success, Is.False);
            Assert.That(result.Errors, Is.EqualTo(new[] { FailedKey }), "not 'Tamara refused': the call never reached Tamara");
            Assert.That(Tamara.Orders, Is.Empty);
            Assert.That(Tamara.SmsOutbox, Is.Empty);
            Assert.That(Env.Sessions.Rows.Where(session => session.State == TamaraSessionState.Pending), Is.Empty);
            Assert.That(Env.Log.Entries.Select(entry => entry.Message), Has.Some.Contains("Tamara's API was blocked"));
            Assert.That(Env.Log.Entries.Select(entry => entry.Message), Has.None.Contains("Access denied"), "the page's HTML is not logged");
        });

        var (_, retried) = await Env.Counter.ConfirmAsync(300m);
        Assert.That(retried.Success, Is.True, "once the block is gone, the clerk's retry works: " + string.Join("; ", retried.Errors));
        Assert.That(Tamara.SmsOutbox, Has.Count.EqualTo(1));
    }

    [TestCase(FaultKind.NonJsonBody)]
    [TestCase(FaultKind.ResetMidBody)]
    [TestCase(FaultKind.Trickle)]
    public async Task A_session_whose_answer_is_unreadable_is_an_unknown_outcome_found_by_reference_and_texted_once(FaultKind fault)
    {
        Simulator.Faults.Update(faults => faults.PathPrefix = "/checkout");
        Simulator.Faults.FailNext(fault, 1);

        var (_, result) = await Env.Counter.ConfirmAsync(300m);

        Assert.That(result.Success, Is.True, string.Join("; ", result.Errors));
        Assert.That(Simulator.Faults.History.Single().Kind, Is.EqualTo(fault));
        Assert.That(Tamara.SmsOutbox, Has.Count.EqualTo(1), "the create call was not repeated");
        var session = Env.Sessions.Rows.Single(row => row.State == TamaraSessionState.Pending);
        Assert.That(session.TamaraOrderId, Is.EqualTo(Tamara.SmsOutbox.Single().OrderId));
    }

    [Test]
    public async Task A_refund_a_cdn_blocks_refunds_nothing_and_the_next_click_refunds_once()
    {
        var (orderId, tamaraOrderId) = await PaidOrderAsync(300m);
        Simulator.Faults.Update(faults => faults.PathPrefix = "/payments");
        Simulator.Faults.FailNext(FaultKind.BlockedHtml, 1);

        var blocked = await Env.RefundAsync(orderId, 100m);

        Assert.Multiple(() =>
        {
            Assert.That(blocked.Success, Is.False);
            Assert.That(blocked.Errors, Is.EqualTo(new[] { RefundNotSentKey }));
            Assert.That(Tamara.FindOrder(tamaraOrderId)!.Refunds, Is.Empty);
            Assert.That(Env.RefundsOf(orderId).Single().State, Is.EqualTo(TamaraRefundState.Failed));
            Assert.That(Env.Order(orderId).RefundedAmount, Is.Zero);
        });

        var again = await Env.RefundAsync(orderId, 100m);

        Assert.That(again.Success, Is.True, string.Join("; ", again.Errors));
        Assert.That(Tamara.FindOrder(tamaraOrderId)!.Refunds.Select(refund => refund.Amount), Is.EqualTo(new[] { 100m }));
        Assert.That(Env.Order(orderId).RefundedAmount, Is.EqualTo(100m));
    }

    [TestCase(FaultKind.NonJsonBody)]
    [TestCase(FaultKind.ResetMidBody)]
    [TestCase(FaultKind.Trickle)]
    public async Task A_refund_whose_answer_is_unreadable_is_an_answer_lost_confirmed_from_the_order_and_never_sent_twice(FaultKind fault)
    {
        var (orderId, tamaraOrderId) = await PaidOrderAsync(300m);
        Simulator.Faults.Update(faults => faults.PathPrefix = "/payments");
        Simulator.Faults.FailNext(fault, 1);

        var result = await Env.RefundAsync(orderId, 120m);

        Assert.That(result.Success, Is.True, string.Join("; ", result.Errors));
        var refundAtTamara = Tamara.FindOrder(tamaraOrderId)!.Refunds.Single();
        var row = Env.RefundsOf(orderId).Single();
        Assert.That((row.State, row.RefundId, row.Amount), Is.EqualTo((TamaraRefundState.Succeeded, refundAtTamara.RefundId, 120m)));
        Assert.That(Env.Order(orderId).RefundedAmount, Is.EqualTo(120m));
        Assert.That(Env.Order(orderId).PaymentStatus, Is.EqualTo(PaymentStatus.PartiallyRefunded));
    }

    [Test]
    public async Task A_sync_a_cdn_blocks_keeps_the_order_pending_with_the_reason_and_pays_it_once_the_block_is_gone()
    {
        var (orderId, tamaraOrderId) = await Env.Counter.PlaceOrderAsync(300m);
        Tamara.Pay(tamaraOrderId);
        Simulator.Faults.Update(faults => faults.PathPrefix = "/merchants/orders");
        Simulator.Faults.FailNext(FaultKind.BlockedHtml, 1);

        var blocked = await Env.SyncAsync(tamaraOrderId, TamaraSyncTrigger.Poll);

        Assert.Multiple(() =>
        {
            Assert.That(blocked.Outcome, Is.EqualTo(TamaraSyncOutcome.Failed));
            Assert.That(blocked.Unreachable, Is.True, "a blocked API is as unreachable as a dead one");
            Assert.That(Env.SessionOf(orderId).State, Is.EqualTo(TamaraSessionState.Pending));
            Assert.That(Env.SessionOf(orderId).LastError, Does.Contain("Tamara's API was blocked").And.Not.Contain("<"));
            Assert.That(Env.Order(orderId).PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        });

        await Env.SyncAsync(tamaraOrderId, TamaraSyncTrigger.Poll);

        Assert.That(Env.IsPaid(orderId), Is.True);
        Assert.That(Env.Orders.MarkPaidCalls, Is.EqualTo(1));
    }

    [TestCase(FaultKind.NonJsonBody)]
    [TestCase(FaultKind.ResetMidBody)]
    [TestCase(FaultKind.Trickle)]
    public async Task A_sync_read_whose_answer_is_unreadable_pays_the_order_once(FaultKind fault)
    {
        var (orderId, tamaraOrderId) = await Env.Counter.PlaceOrderAsync(300m);
        Tamara.Pay(tamaraOrderId);
        Simulator.Faults.Update(faults => faults.PathPrefix = "/merchants/orders");
        Simulator.Faults.FailNext(fault, 1);

        await Env.SyncAsync(tamaraOrderId, TamaraSyncTrigger.Poll);
        if (!Env.IsPaid(orderId))
            await Env.SyncAsync(tamaraOrderId, TamaraSyncTrigger.Poll);

        Assert.That(Env.IsPaid(orderId), Is.True);
        Assert.That(Env.Orders.MarkPaidCalls, Is.EqualTo(1));
        Assert.That(Simulator.Faults.History.Single().Kind, Is.EqualTo(fault));
    }

    private async Task<(int OrderId, string TamaraOrderId)> PaidOrderAsync(decimal total)
    {
        var placed = await Env.Counter.PlaceOrderAsync(total);
        Tamara.Pay(placed.TamaraOrderId);
        await Env.SyncAsync(placed.TamaraOrderId);
        Assert.That(Env.IsPaid(placed.OrderId), Is.True, "paid before refunding");
        return placed;
    }
}
