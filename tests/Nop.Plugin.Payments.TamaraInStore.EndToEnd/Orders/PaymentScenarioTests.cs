using Microsoft.Extensions.Time.Testing;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using TamaraSimulator;

namespace Nop.Plugin.Payments.TamaraInStore.EndToEnd.Orders;

/// <summary>From the counter to a paid (or closed) order, by polling, by webhook, and both at once</summary>
public class PaymentScenarioTests : EndToEndTest
{
    [Test]
    public async Task Paid_through_polling_only()
    {
        var (orderId, tamaraOrderId) = await Env.Counter.PlaceOrderAsync(300m);
        await Env.RunPollTaskAsync();
        Assert.That(Env.IsPaid(orderId), Is.False, "not paid before the customer pays");

        Tamara.Pay(tamaraOrderId);

        Assert.That(await Env.PollUntilAsync(() => Env.IsPaid(orderId)), Is.True);
        AssertPaidOnce(orderId, tamaraOrderId);
        Assert.That(Tamara.DeliveryAttempts, Is.Empty, "no webhook was registered");
    }

    [Test]
    public async Task A_poll_with_nothing_pending_makes_one_query_and_no_call_to_Tamara()
    {
        var (orderId, tamaraOrderId) = await Env.Counter.PlaceOrderAsync(300m);
        Tamara.Pay(tamaraOrderId);
        await Env.SyncAsync(tamaraOrderId);
        Assert.That(Env.IsPaid(orderId), Is.True);
        var queries = Env.Sessions.QueryCount + Env.Refunds.QueryCount;
        var calls = Env.TamaraHttpCalls.Count;

        await Env.RunPollTaskAsync();

        Assert.That(Env.Sessions.QueryCount + Env.Refunds.QueryCount - queries, Is.EqualTo(1));
        Assert.That(Env.TamaraHttpCalls.Count - calls, Is.Zero);
    }

    [Test]
    public async Task Paid_through_the_webhook_only()
    {
        await Env.RegisterWebhookAsync();
        var (orderId, tamaraOrderId) = await Env.Counter.PlaceOrderAsync(300m);

        Tamara.Pay(tamaraOrderId);

        Assert.That(await EndToEndEnvironment.EventuallyAsync(() => Env.IsPaid(orderId)), Is.True);
        Assert.That(await AllDeliveredAsync(3), Is.True);
        AssertPaidOnce(orderId, tamaraOrderId);
        Assert.That(Tamara.DeliveryAttempts.Select(attempt => attempt.StatusCode), Is.All.EqualTo(200));
    }

    [Test]
    public async Task Polling_and_duplicated_webhooks_racing_mark_each_order_paid_once()
    {
        await Env.RegisterWebhookAsync();
        Simulator.Faults.Update(faults => faults.DuplicateNotifications = true);
        var orders = new List<(int OrderId, string TamaraOrderId)>();
        // four customers: one phone number receives at most three links in 15 minutes
        for (var i = 0; i < 4; i++)
            orders.Add(await Env.Counter.PlaceOrderAsync(200m + i, $"053427451{i}"));

        using var stop = new CancellationTokenSource();
        var poller = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await Env.RunPollTaskAsync();
                await Task.Delay(10);
            }
        });
        foreach (var (_, tamaraOrderId) in orders)
            Tamara.Pay(tamaraOrderId);

        var allPaid = await EndToEndEnvironment.EventuallyAsync(() => orders.All(order => Env.IsPaid(order.OrderId)), TimeSpan.FromSeconds(20));
        var allDelivered = await AllDeliveredAsync(orders.Count * 3 * 2);
        await stop.CancelAsync();
        await poller;

        Assert.That(allPaid, Is.True);
        Assert.That(allDelivered, Is.True, "every duplicated notification was answered 2xx");
        foreach (var (orderId, tamaraOrderId) in orders)
            AssertPaidOnce(orderId, tamaraOrderId);
        Assert.That(Env.Orders.MarkPaidCalls, Is.EqualTo(orders.Count));
    }

    [Test]
    public async Task Declined_closes_the_session_and_cancels_the_order()
    {
        await Env.RegisterWebhookAsync();
        var (orderId, tamaraOrderId) = await Env.Counter.PlaceOrderAsync(300m);

        Tamara.Decline(tamaraOrderId);

        // the session is closed first, then the order is cancelled: wait for both
        Assert.That(await EndToEndEnvironment.EventuallyAsync(() =>
            Env.SessionOf(orderId).State == TamaraSessionState.Declined && Env.Order(orderId).OrderStatus == OrderStatus.Cancelled), Is.True);
        Assert.That(Env.Order(orderId).OrderStatus, Is.EqualTo(OrderStatus.Cancelled));
        Assert.That(Env.Order(orderId).PaymentStatus, Is.Not.EqualTo(PaymentStatus.Paid));
        Assert.That(Env.Orders.MarkPaidCalls, Is.Zero);
        Assert.That(Env.SessionOf(orderId).TamaraStatus, Is.EqualTo(TamaraOrderStatus.Declined));
    }

    [Test]
    public async Task Expired_when_the_link_lifetime_passes_at_Tamara()
    {
        await Env.RegisterWebhookAsync();
        var (orderId, tamaraOrderId) = await Env.Counter.PlaceOrderAsync(300m);

        SimulatorClock.Advance(TimeSpan.FromMinutes(16));
        Tamara.SweepExpired();

        // the session is closed first, then the order is cancelled: wait for both
        Assert.That(await EndToEndEnvironment.EventuallyAsync(() =>
            Env.SessionOf(orderId).State == TamaraSessionState.Expired && Env.Order(orderId).OrderStatus == OrderStatus.Cancelled), Is.True);
        Assert.That(Tamara.FindOrder(tamaraOrderId)!.Status, Is.EqualTo(TamaraOrderStatus.Expired));
        Assert.That(Env.Order(orderId).OrderStatus, Is.EqualTo(OrderStatus.Cancelled));
        Assert.That(Env.Orders.MarkPaidCalls, Is.Zero);
    }

    [Test]
    public async Task A_new_session_is_voided_and_nothing_is_paid()
    {
        var (orderId, tamaraOrderId) = await Env.Counter.PlaceOrderAsync(300m);

        var voided = await Env.VoidAsync(orderId);

        Assert.That(voided.Succeeded, Is.True, voided.Error);
        Assert.That(Tamara.FindOrder(tamaraOrderId)!.Status, Is.EqualTo(TamaraOrderStatus.Canceled));
        Assert.That(Env.SessionOf(orderId).State, Is.EqualTo(TamaraSessionState.Canceled));
        Assert.That(Tamara.Pay(tamaraOrderId).IsSuccess, Is.False, "the link no longer takes a payment");
        Assert.That(Env.Orders.MarkPaidCalls, Is.Zero);
    }

    [Test]
    public async Task A_void_after_the_customer_paid_is_refused_and_the_order_is_paid()
    {
        var (orderId, tamaraOrderId) = await Env.Counter.PlaceOrderAsync(300m);
        Tamara.Pay(tamaraOrderId);

        var voided = await Env.VoidAsync(orderId);
        await Env.SyncAsync(tamaraOrderId);

        Assert.That(voided.Succeeded, Is.False);
        Assert.That(Tamara.FindOrder(tamaraOrderId)!.Status, Is.EqualTo(TamaraOrderStatus.FullyCaptured));
        AssertPaidOnce(orderId, tamaraOrderId);
    }

    private FakeTimeProvider SimulatorClock => (FakeTimeProvider)Env.Simulator.Options.TimeProvider;

    protected override EnvironmentOptions Options => new() { SimulatorClock = new FakeTimeProvider(DateTimeOffset.UtcNow) };

    private Task<bool> AllDeliveredAsync(int count) => Simulator.WaitUntilAsync(state =>
        state.DeliveryAttempts.Count(attempt => attempt.Outcome == DeliveryOutcomes.Delivered) >= count, TimeSpan.FromSeconds(15));

    private void AssertPaidOnce(int orderId, string tamaraOrderId)
    {
        var order = Env.Order(orderId);
        var session = Env.SessionOf(orderId);
        Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Paid), $"order #{orderId}");
        Assert.That(order.CaptureTransactionId, Is.EqualTo(Tamara.FindOrder(tamaraOrderId)!.Captures.Single().CaptureId));
        Assert.That(session.State, Is.EqualTo(TamaraSessionState.Paid));
        Assert.That(session.TamaraOrderId, Is.EqualTo(tamaraOrderId));
        Assert.That(session.CapturedAmount, Is.EqualTo(order.OrderTotal));
        Assert.That(Env.Orders.NotesOf(orderId).Count(note => note.Note == "Order has been marked as paid"), Is.EqualTo(1), "marked as paid exactly once");
        Assert.That(Env.Log.Errors, Is.Empty);
    }
}
