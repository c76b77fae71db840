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

public class TamaraSessionVoidTests
{
    private SyncHarness _harness;

    [SetUp]
    public void SetUp() => _harness = new SyncHarness();

    private void VoidAnswers(bool voided) =>
        _harness.Client.Setup(client => client.VoidCheckoutSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new VoidCheckoutSessionResponse { OrderWasVoided = voided });

    [Test]
    public async Task A_new_session_is_voided_and_closed()
    {
        var (order, session) = _harness.AddPendingOrder();
        _harness.Settings[0].StoreCode = "Branch A";
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Status(TamaraOrderStatus.New));
        VoidAnswers(true);

        var result = await _harness.NewService().VoidSessionAsync(session, "by staff");

        var saved = _harness.Session(session.Id);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(TamaraVoidOutcome.Voided));
            Assert.That(saved.State, Is.EqualTo(TamaraSessionState.Canceled));
            Assert.That(saved.ClosedOnUtc, Is.EqualTo(_harness.Now));
            Assert.That(_harness.Orders.NotesOf(order.Id).Single(note => note.Note.StartsWith("Tamara")).Note, Does.Contain("voided"));
        });
        _harness.Client.Verify(client => client.VoidCheckoutSessionAsync(It.IsAny<TamaraInStoreSettings>(), session.CheckoutId, session.TamaraOrderId, "Branch A", It.IsAny<CancellationToken>()), Times.Once);
    }

    [TestCase(TamaraOrderStatus.Approved)]
    [TestCase(TamaraOrderStatus.Authorised)]
    public async Task Only_a_new_order_is_voided(string status)
    {
        var (_, session) = _harness.AddPendingOrder();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Status(status));

        var result = await _harness.NewService().VoidSessionAsync(session, "by staff");

        Assert.That(result.Outcome, Is.EqualTo(TamaraVoidOutcome.NotNew));
        Assert.That(result.TamaraStatus, Is.EqualTo(status));
        _harness.Client.Verify(client => client.VoidCheckoutSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Voiding_a_paid_link_marks_the_order_paid_instead()
    {
        var (order, session) = _harness.AddPendingOrder();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Captured());

        var result = await _harness.NewService().VoidSessionAsync(session, "by staff");

        Assert.That(result.Outcome, Is.EqualTo(TamaraVoidOutcome.NotNew));
        Assert.That(result.OrderChanged, Is.True);
        Assert.That(_harness.Orders.Get(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
    }

    [Test]
    public async Task A_conflict_from_tamara_is_reported()
    {
        var (_, session) = _harness.AddPendingOrder();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Status(TamaraOrderStatus.New));
        _harness.Client.Setup(client => client.VoidCheckoutSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TamaraApiException("Order is not new", HttpStatusCode.Conflict, "POST /checkout/x/void"));

        var result = await _harness.NewService().VoidSessionAsync(session, "by staff");

        Assert.That(result.Outcome, Is.EqualTo(TamaraVoidOutcome.Conflict));
        Assert.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.Pending));
    }

    [Test]
    public async Task A_closed_session_is_not_voided()
    {
        var (_, session) = _harness.AddPendingOrder();
        var stored = _harness.Session(session.Id);
        stored.State = TamaraSessionState.Paid;
        _harness.Sessions.Update(stored);

        var result = await _harness.NewService().VoidSessionAsync(session, "by staff");

        Assert.That(result.Outcome, Is.EqualTo(TamaraVoidOutcome.NotPending));
        _harness.Client.VerifyNoOtherCalls();
    }

    private EventConsumer NewConsumer() =>
        new(_harness.NoteWriter, _harness.Logger.Object, _harness.Orders.OrderService, _harness.NewService(), _harness.SessionService, _harness.Time);

    private static Order Cancelled(Order order)
    {
        order.OrderStatus = OrderStatus.Cancelled;
        return order;
    }

    [Test]
    public async Task Cancelling_the_order_voids_its_live_link()
    {
        var (order, session) = _harness.AddPendingOrder();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Status(TamaraOrderStatus.New));
        VoidAnswers(true);

        await NewConsumer().HandleEventAsync(new OrderStatusChangedEvent(Cancelled(order), OrderStatus.Pending));

        Assert.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.Canceled));
    }

    [Test]
    public async Task Other_payment_methods_and_other_statuses_are_ignored()
    {
        var (order, _) = _harness.AddPendingOrder();
        var consumer = NewConsumer();

        await consumer.HandleEventAsync(new OrderStatusChangedEvent(order, OrderStatus.Pending));
        order.PaymentMethodSystemName = "Payments.Manual";
        await consumer.HandleEventAsync(new OrderStatusChangedEvent(Cancelled(order), OrderStatus.Pending));

        _harness.Client.VerifyNoOtherCalls();
    }

    [Test]
    public async Task A_failed_void_on_cancel_is_noted_and_never_thrown()
    {
        var (order, session) = _harness.AddPendingOrder();
        _harness.TamaraFails(session.TamaraOrderId, SyncHarness.Transient(HttpStatusCode.GatewayTimeout));

        await NewConsumer().HandleEventAsync(new OrderStatusChangedEvent(Cancelled(order), OrderStatus.Pending));

        Assert.That(_harness.Orders.NotesOf(order.Id).Any(note => note.Note.Contains("could not be voided")), Is.True);
        Assert.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.Pending));
    }

    [Test]
    public async Task The_sync_cancelling_an_expired_order_does_not_try_to_void_again()
    {
        var (_, session) = _harness.AddPendingOrder();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Status(TamaraOrderStatus.Expired));
        var consumer = NewConsumer();
        _harness.Orders.OrderStatusChanged = consumer.HandleEventAsync;

        var result = await _harness.NewService().SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Webhook);

        Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.Closed));
        Assert.That(_harness.Orders.CancelCalls, Is.EqualTo(1));
        _harness.Client.Verify(client => client.VoidCheckoutSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.That(_harness.Locker.RefusedCount, Is.Zero, "the consumer must not wait on the lock the sync holds");
    }
}
