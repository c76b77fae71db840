using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;
using TamaraSimulator;

namespace Nop.Plugin.Payments.TamaraInStore.EndToEnd.Orders;

/// <summary>
/// The customer pays while Tamara misbehaves, on the API or in its webhook deliveries: the order still ends up paid,
/// exactly once, and nothing is lost.
/// </summary>
public class FaultScenarioTests : EndToEndTest
{
    protected override EnvironmentOptions Options => new() { RequestTimeoutSeconds = 3 };

    [SetUp]
    public async Task RegisterWebhookAsync()
    {
        Simulator.Faults.Update(faults => faults.HangMs = 8000);
        await Env.RegisterWebhookAsync();
    }

    [Test]
    public async Task Latency_on_every_call()
    {
        Simulator.Faults.Update(faults => faults.LatencyMs = 150);

        var (orderId, tamaraOrderId) = await PayAndWaitAsync();

        AssertPaidOnce(orderId, tamaraOrderId);
        Assert.That(Env.Log.Errors, Is.Empty);
    }

    [TestCase(FaultKind.ServerError, 2)]
    [TestCase(FaultKind.Hang, 1)]
    public async Task A_read_that_fails_and_then_succeeds_is_retried_within_the_webhook(FaultKind fault, int times)
    {
        var (orderId, tamaraOrderId) = await Env.Counter.PlaceOrderAsync(300m);
        Simulator.Faults.FailNext(fault, times);

        Tamara.Pay(tamaraOrderId);

        Assert.That(await EndToEndEnvironment.EventuallyAsync(() => Env.IsPaid(orderId)), Is.True);
        Assert.That(Simulator.Faults.History.Count(injected => injected.Kind == fault), Is.EqualTo(times));
        AssertPaidOnce(orderId, tamaraOrderId);
        Assert.That(Env.Log.Errors, Is.Empty);
    }

    [Test]
    public async Task Throttled_reads_answer_the_webhook_503_and_Tamara_delivers_again()
    {
        var (orderId, tamaraOrderId) = await Env.Counter.PlaceOrderAsync(300m);
        Simulator.Faults.Update(faults => faults.RetryAfterSeconds = 1);
        Simulator.Faults.FailNext(FaultKind.TooManyRequests, 3);

        Tamara.Pay(tamaraOrderId);

        Assert.That(await EndToEndEnvironment.EventuallyAsync(() => Env.IsPaid(orderId), TimeSpan.FromSeconds(20)), Is.True);
        Assert.That(Simulator.Faults.History.Count(injected => injected.Kind == FaultKind.TooManyRequests), Is.EqualTo(3));
        Assert.That(Tamara.DeliveryAttempts.First().StatusCode, Is.EqualTo(503), "the store asked Tamara to come back");
        AssertPaidOnce(orderId, tamaraOrderId);
    }

    [TestCase(FaultKind.MalformedJson)]
    [TestCase(FaultKind.EmptyBody)]
    public async Task An_unreadable_answer_to_a_webhook_read_is_made_good_by_the_next_notification(FaultKind fault)
    {
        var (orderId, tamaraOrderId) = await Env.Counter.PlaceOrderAsync(300m);
        Simulator.Faults.FailNext(fault, 1);

        Tamara.Pay(tamaraOrderId);

        Assert.That(await EndToEndEnvironment.EventuallyAsync(() => Env.IsPaid(orderId)), Is.True);
        Assert.That(await AllDeliveredAsync(3), Is.True, "unreadable or not, each delivery is acknowledged");
        Assert.That(Simulator.Faults.History.Count(injected => injected.Kind == fault), Is.EqualTo(1));
        Assert.That(Env.Log.Entries.Any(entry => entry.Message.Contains("failed")), Is.True, "the unreadable answer was logged");
        AssertPaidOnce(orderId, tamaraOrderId);
    }

    [Test]
    public async Task Notifications_out_of_order()
    {
        Simulator.Faults.Update(faults => faults.OutOfOrderNotifications = true);

        var (orderId, tamaraOrderId) = await PayAndWaitAsync();

        Assert.That(await AllDeliveredAsync(3), Is.True);
        Assert.That(Tamara.DeliveryAttempts.First().EventType, Is.EqualTo("order_captured"));
        AssertPaidOnce(orderId, tamaraOrderId);
    }

    [Test]
    public async Task Notifications_duplicated()
    {
        Simulator.Faults.Update(faults => faults.DuplicateNotifications = true);

        var (orderId, tamaraOrderId) = await PayAndWaitAsync();

        Assert.That(await AllDeliveredAsync(6), Is.True);
        AssertPaidOnce(orderId, tamaraOrderId);
    }

    [Test]
    public async Task Notifications_dropped_then_retried()
    {
        Simulator.Faults.Update(faults => faults.DropNotificationAttempts = 2);

        var (orderId, tamaraOrderId) = await PayAndWaitAsync();

        Assert.That(await AllDeliveredAsync(3), Is.True);
        Assert.That(Tamara.DeliveryAttempts.Count(attempt => attempt.Outcome == DeliveryOutcomes.Dropped), Is.EqualTo(6));
        AssertPaidOnce(orderId, tamaraOrderId);
    }

    private async Task<(int OrderId, string TamaraOrderId)> PayAndWaitAsync()
    {
        var placed = await Env.Counter.PlaceOrderAsync(300m);
        Tamara.Pay(placed.TamaraOrderId);
        Assert.That(await EndToEndEnvironment.EventuallyAsync(() => Env.IsPaid(placed.OrderId)), Is.True, "paid by webhook");
        return placed;
    }

    private Task<bool> AllDeliveredAsync(int count) => Simulator.WaitUntilAsync(state =>
        state.DeliveryAttempts.Count(attempt => attempt.Outcome == DeliveryOutcomes.Delivered) >= count, TimeSpan.FromSeconds(15));

    private void AssertPaidOnce(int orderId, string tamaraOrderId)
    {
        Assert.That(Env.Order(orderId).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        Assert.That(Env.SessionOf(orderId).State, Is.EqualTo(TamaraSessionState.Paid));
        Assert.That(Env.SessionOf(orderId).CapturedAmount, Is.EqualTo(300m));
        Assert.That(Env.Orders.MarkPaidCalls, Is.EqualTo(1));
        Assert.That(Tamara.FindOrder(tamaraOrderId)!.Status, Is.EqualTo("fully_captured"));
        Assert.That(Tamara.DeliveryAttempts.Where(attempt => attempt.Outcome == DeliveryOutcomes.GaveUp), Is.Empty, "no delivery was given up");
    }
}
