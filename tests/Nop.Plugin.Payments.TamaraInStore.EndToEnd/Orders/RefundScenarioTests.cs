using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using TamaraSimulator;

namespace Nop.Plugin.Payments.TamaraInStore.EndToEnd.Orders;

/// <summary>Refunds of a paid order, from nopCommerce's buttons and from Tamara's portal, each counted once</summary>
public class RefundScenarioTests : EndToEndTest
{
    /// <summary>Short, so a hang (3 s) costs little, but not so short that a loaded machine times out ordinary calls</summary>
    protected override EnvironmentOptions Options => new() { RequestTimeoutSeconds = 3 };

    [Test]
    public async Task A_partial_then_a_full_refund_go_through_Tamara_and_add_up()
    {
        var (orderId, tamaraOrderId) = await PaidOrderAsync(300m);

        var partial = await Env.RefundAsync(orderId, 100m);
        var rest = await Env.RefundAsync(orderId, 200m);

        Assert.That(partial.Success, Is.True, string.Join("; ", partial.Errors));
        Assert.That(partial.NewPaymentStatus, Is.EqualTo(PaymentStatus.PartiallyRefunded));
        Assert.That(rest.Success, Is.True, string.Join("; ", rest.Errors));
        Assert.That(rest.NewPaymentStatus, Is.EqualTo(PaymentStatus.Refunded));
        var atTamara = Tamara.FindOrder(tamaraOrderId)!;
        Assert.That(atTamara.Status, Is.EqualTo(TamaraOrderStatus.FullyRefunded));
        Assert.That(atTamara.RefundedAmount, Is.EqualTo(300m));
        var rows = Env.RefundsOf(orderId);
        Assert.That(rows.Select(row => row.State), Is.All.EqualTo(TamaraRefundState.Succeeded));
        Assert.That(rows.Select(row => row.Amount), Is.EqualTo(new[] { 100m, 200m }));
        Assert.That(rows.Select(row => row.RefundId), Is.EquivalentTo(atTamara.Refunds.Select(refund => refund.RefundId)));
        Assert.That(Env.Order(orderId).RefundedAmount, Is.EqualTo(300m));
        Assert.That(Env.Order(orderId).PaymentStatus, Is.EqualTo(PaymentStatus.Refunded));
        Assert.That(Env.SessionOf(orderId).RefundedAmount, Is.EqualTo(300m));
    }

    [Test]
    public async Task A_portal_refund_is_reflected_once_by_the_sync()
    {
        var (orderId, tamaraOrderId) = await PaidOrderAsync(300m);
        Tamara.PortalRefund(tamaraOrderId, 50m, "Refunded at Tamara");

        await Env.SyncAsync(tamaraOrderId);
        await Env.SyncAsync(tamaraOrderId);

        var row = Env.RefundsOf(orderId).Single();
        Assert.That(row.Source, Is.EqualTo(TamaraRefundSource.Tamara));
        Assert.That(row.State, Is.EqualTo(TamaraRefundState.Succeeded));
        Assert.That(row.Amount, Is.EqualTo(50m));
        Assert.That(row.RefundId, Is.EqualTo(Tamara.FindOrder(tamaraOrderId)!.Refunds.Single().RefundId));
        Assert.That(Env.Order(orderId).RefundedAmount, Is.EqualTo(50m));
        Assert.That(Env.Order(orderId).PaymentStatus, Is.EqualTo(PaymentStatus.PartiallyRefunded));
    }

    [Test]
    public async Task A_portal_refund_arriving_by_webhook_is_counted_once_despite_duplicates()
    {
        await Env.RegisterWebhookAsync();
        Simulator.Faults.Update(faults => faults.DuplicateNotifications = true);
        var (orderId, tamaraOrderId) = await Env.Counter.PlaceOrderAsync(300m);
        Tamara.Pay(tamaraOrderId);
        Assert.That(await EndToEndEnvironment.EventuallyAsync(() => Env.IsPaid(orderId)), Is.True);

        Tamara.PortalRefund(tamaraOrderId, 300m);

        Assert.That(await Simulator.WaitUntilAsync(state => state.DeliveryAttempts.Count(attempt =>
            attempt.EventType == "order_refunded" && attempt.Outcome == DeliveryOutcomes.Delivered) == 2, TimeSpan.FromSeconds(10)), Is.True);
        Assert.That(Env.RefundsOf(orderId).Single().Amount, Is.EqualTo(300m));
        Assert.That(Env.Order(orderId).RefundedAmount, Is.EqualTo(300m));
        Assert.That(Env.Order(orderId).PaymentStatus, Is.EqualTo(PaymentStatus.Refunded));
        Assert.That(Env.Orders.MarkPaidCalls, Is.EqualTo(1));
    }

    [TestCase(FaultKind.Hang)]
    [TestCase(FaultKind.MalformedJson)]
    [TestCase(FaultKind.EmptyBody)]
    public async Task A_refund_whose_answer_is_lost_is_not_repeated_and_is_confirmed_by_reading_the_order(FaultKind fault)
    {
        var (orderId, tamaraOrderId) = await PaidOrderAsync(300m);
        Simulator.Faults.Update(faults => { faults.PathPrefix = "/payments"; faults.HangMs = 8000; faults.HangAfterProcessing = true; });
        Simulator.Faults.FailNext(fault, 1);

        var result = await Env.RefundAsync(orderId, 120m);

        Assert.That(result.Success, Is.True, string.Join("; ", result.Errors));
        Assert.That(result.NewPaymentStatus, Is.EqualTo(PaymentStatus.PartiallyRefunded));
        var refundAtTamara = Tamara.FindOrder(tamaraOrderId)!.Refunds.Single();
        Assert.That(refundAtTamara.Amount, Is.EqualTo(120m));
        var row = Env.RefundsOf(orderId).Single();
        Assert.That(row.State, Is.EqualTo(TamaraRefundState.Succeeded));
        Assert.That(row.RefundId, Is.EqualTo(refundAtTamara.RefundId));
        Assert.That(Env.Order(orderId).RefundedAmount, Is.EqualTo(120m));
    }

    [Test]
    public async Task A_refund_answered_5xx_is_not_repeated_and_a_second_click_is_held_back_while_unconfirmed()
    {
        var (orderId, tamaraOrderId) = await PaidOrderAsync(300m);
        Simulator.Faults.Update(faults => faults.PathPrefix = "/payments");
        Simulator.Faults.FailNext(FaultKind.ServerError, 1);

        var failed = await Env.RefundAsync(orderId, 80m);
        var clickedAgain = await Env.RefundAsync(orderId, 80m);

        Assert.That(failed.Success, Is.False);
        Assert.That(clickedAgain.Success, Is.False, "a 5xx may have refunded: nothing new is sent until Tamara's books say");
        Assert.That(Simulator.Faults.History.Count(fault => fault.Kind == FaultKind.ServerError), Is.EqualTo(1), "the refund call was made once");
        Assert.That(Tamara.FindOrder(tamaraOrderId)!.Refunds, Is.Empty);
        Assert.That(Env.RefundsOf(orderId).Single().State, Is.EqualTo(TamaraRefundState.Unknown));
        Assert.That(Env.Order(orderId).RefundedAmount, Is.Zero);
        Assert.That(Env.Order(orderId).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
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
