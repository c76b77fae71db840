using System.Net;
using Moq;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Sync;

/// <summary>
/// The plugin's own expiry may come before Tamara's: the link is voided at Tamara first, a refusal is read, and a session
/// closed here is still checked for a payment that lands late
/// </summary>
public class LatePaymentTests
{
    private static readonly TimeSpan PastExpiry = TimeSpan.FromMinutes(15) + TamaraInStoreDefaults.ExpiryGracePeriod + TimeSpan.FromSeconds(1);

    private SyncHarness _harness;

    [SetUp]
    public void SetUp() => _harness = new SyncHarness();

    private void VoidAnswers(bool voided) =>
        _harness.Client.Setup(client => client.VoidCheckoutSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new VoidCheckoutSessionResponse { OrderWasVoided = voided });

    private void VoidRefused() =>
        _harness.Client.Setup(client => client.VoidCheckoutSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TamaraApiException("checkout_session_cannot_be_voided", HttpStatusCode.Conflict, "POST /checkout/x/void"));

    private Fakes.ScheduleTaskRequest NewTask() => _harness.NewPollTask();

    [Test]
    public async Task Past_the_plugins_expiry_the_link_is_voided_at_tamara_before_the_order_is_cancelled()
    {
        var (order, session) = _harness.AddPendingOrder();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Status(TamaraOrderStatus.New));
        var cancelledBeforeVoid = (bool?)null;
        _harness.Client.Setup(client => client.VoidCheckoutSessionAsync(It.IsAny<TamaraInStoreSettings>(), session.CheckoutId, session.TamaraOrderId, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback(() => cancelledBeforeVoid = _harness.Orders.CancelCalls > 0)
            .ReturnsAsync(new VoidCheckoutSessionResponse { OrderWasVoided = true });
        _harness.Time.Advance(PastExpiry);

        var result = await _harness.NewService().SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);

        var saved = _harness.Session(session.Id);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.Closed));
            Assert.That(cancelledBeforeVoid, Is.False, "voided first");
            Assert.That(saved.State, Is.EqualTo(TamaraSessionState.Expired));
            Assert.That(saved.TamaraStatus, Is.EqualTo(TamaraOrderStatus.Canceled));
            Assert.That(saved.NextCheckOnUtc, Is.Null, "voided at Tamara: nothing left to watch");
            Assert.That(_harness.Orders.Get(order.Id).OrderStatus, Is.EqualTo(OrderStatus.Cancelled));
        });
    }

    [Test]
    public async Task Past_the_plugins_expiry_a_refused_void_is_read_and_a_payment_marks_the_order_paid()
    {
        var (order, session) = _harness.AddPendingOrder();
        _harness.Client.SetupSequence(client => client.GetOrderAsync(It.IsAny<TamaraInStoreSettings>(), session.TamaraOrderId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(SyncHarness.Status(TamaraOrderStatus.New))
            .ReturnsAsync(SyncHarness.Captured());
        VoidRefused();
        _harness.Time.Advance(PastExpiry);

        var result = await _harness.NewService().SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.Paid));
            Assert.That(_harness.Orders.Get(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(_harness.Orders.CancelCalls, Is.Zero);
        });
    }

    [Test]
    public async Task Staff_voiding_a_link_the_customer_just_paid_gets_a_409_that_is_read_and_the_order_is_paid()
    {
        var (order, session) = _harness.AddPendingOrder();
        _harness.Client.SetupSequence(client => client.GetOrderAsync(It.IsAny<TamaraInStoreSettings>(), session.TamaraOrderId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(SyncHarness.Status(TamaraOrderStatus.New))
            .ReturnsAsync(SyncHarness.Captured());
        VoidRefused();

        var result = await _harness.NewService().VoidSessionAsync(session, "by staff");

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(TamaraVoidOutcome.NotNew));
            Assert.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.Paid));
            Assert.That(_harness.Orders.Get(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        });
    }

    [Test]
    public async Task A_session_closed_here_is_still_checked_slowly_and_a_late_payment_is_found_without_a_webhook()
    {
        _harness.Settings[0].CancelOrderWhenDeclinedOrExpired = false;
        var (order, session) = _harness.AddPendingOrder();
        // the final read fails and so does the void: the session is closed here, Tamara never confirmed
        _harness.TamaraFails(session.TamaraOrderId, SyncHarness.Transient(HttpStatusCode.ServiceUnavailable));
        _harness.Time.Advance(PastExpiry);
        await NewTask().ExecuteAsync();
        var closed = _harness.Session(session.Id);
        Assert.That(closed.State, Is.EqualTo(TamaraSessionState.Expired));
        Assert.That(closed.NextCheckOnUtc, Is.EqualTo(_harness.Now + TamaraInStoreDefaults.LateCheckInterval));

        // the customer pays at Tamara a little later; its webhook is lost
        _harness.Client.Setup(client => client.GetOrderAsync(It.IsAny<TamaraInStoreSettings>(), session.TamaraOrderId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => { var paid = SyncHarness.Captured(); paid.OrderId = session.TamaraOrderId; return paid; });
        await NewTask().ExecuteAsync();
        Assert.That(_harness.Orders.Get(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Pending), "not due before the slower interval");

        _harness.Time.Advance(TamaraInStoreDefaults.LateCheckInterval);
        await NewTask().ExecuteAsync();

        Assert.That(_harness.Orders.Get(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        Assert.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.Paid));
    }

    [Test]
    public async Task A_late_payment_on_an_order_cancelled_at_expiry_needs_attention()
    {
        var (order, session) = _harness.AddPendingOrder();
        _harness.TamaraFails(session.TamaraOrderId, SyncHarness.Transient(HttpStatusCode.ServiceUnavailable));
        _harness.Time.Advance(PastExpiry);
        await NewTask().ExecuteAsync();
        Assert.That(_harness.Orders.Get(order.Id).OrderStatus, Is.EqualTo(OrderStatus.Cancelled));

        _harness.Client.Setup(client => client.GetOrderAsync(It.IsAny<TamaraInStoreSettings>(), session.TamaraOrderId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(SyncHarness.Captured());
        _harness.Time.Advance(TamaraInStoreDefaults.LateCheckInterval);
        await NewTask().ExecuteAsync();

        Assert.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.NeedsAttention));
        Assert.That(_harness.Orders.MarkPaidCalls, Is.Zero);
    }

    [Test]
    public async Task The_late_checks_stop_after_tamaras_own_expiry_plus_the_margin_and_cost_one_query_per_run()
    {
        var (_, session) = _harness.AddPendingOrder();
        _harness.TamaraFails(session.TamaraOrderId, SyncHarness.Transient(HttpStatusCode.ServiceUnavailable));
        _harness.Time.Advance(PastExpiry);
        await NewTask().ExecuteAsync();
        var queries = _harness.Sessions.QueryCount;

        await NewTask().ExecuteAsync();
        Assert.That(_harness.Sessions.QueryCount - queries, Is.EqualTo(1), "not due yet: the one query that finds due sessions");

        _harness.Time.Advance(TamaraLateCheck.WatchUntil(session) - _harness.Now);
        await NewTask().ExecuteAsync();
        Assert.That(_harness.Session(session.Id).NextCheckOnUtc, Is.Null);
    }
}
