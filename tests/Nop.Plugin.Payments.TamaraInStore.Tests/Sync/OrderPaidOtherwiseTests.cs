using Moq;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Sync;

/// <summary>An order paid by other means or deleted voids its live links; the plugin's own payment does not</summary>
public class OrderPaidOtherwiseTests
{
    private SyncHarness _harness;

    [SetUp]
    public void SetUp()
    {
        _harness = new SyncHarness();
        var consumer = new EventConsumer(_harness.NoteWriter, _harness.Logger.Object, _harness.Orders.OrderService, _harness.NewService(), _harness.SessionService, _harness.Time);
        _harness.Orders.OrderPaid = consumer.HandleEventAsync;
        _harness.Orders.OrderDeleted = consumer.HandleEventAsync;
        _harness.Client.Setup(client => client.VoidCheckoutSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new VoidCheckoutSessionResponse { OrderWasVoided = true });
    }

    private void VerifyVoided(TamaraSession session, Times times) =>
        _harness.Client.Verify(client => client.VoidCheckoutSessionAsync(It.IsAny<TamaraInStoreSettings>(), session.CheckoutId, session.TamaraOrderId, It.IsAny<string>(), It.IsAny<CancellationToken>()), times);

    [Test]
    public async Task Staff_marking_the_order_paid_voids_its_live_link()
    {
        var (order, session) = _harness.AddPendingOrder();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Status(TamaraOrderStatus.New));

        await _harness.Orders.OrderProcessingService.MarkOrderAsPaidAsync(_harness.Orders.Get(order.Id));

        Assert.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.Canceled));
        VerifyVoided(session, Times.Once());
    }

    [Test]
    public async Task Deleting_the_order_voids_its_live_link()
    {
        var (order, session) = _harness.AddPendingOrder();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Status(TamaraOrderStatus.New));

        await _harness.Orders.DeleteAsync(order.Id);

        Assert.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.Canceled));
        VerifyVoided(session, Times.Once());
    }

    [Test]
    public async Task The_plugin_marking_the_order_paid_itself_voids_nothing_and_waits_on_no_lock()
    {
        var (order, session) = _harness.AddPendingOrder();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Captured());

        var result = await _harness.NewService().SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Webhook);

        Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.Paid));
        Assert.That(_harness.Locker.RefusedCount, Is.Zero);
        VerifyVoided(session, Times.Never());
    }

    [Test]
    public async Task Staff_marking_paid_after_the_customer_already_paid_at_tamara_is_a_double_payment()
    {
        var (order, session) = _harness.AddPendingOrder();
        // the customer paid; the webhook was lost and the poller has not come yet
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Captured());

        await _harness.Orders.OrderProcessingService.MarkOrderAsPaidAsync(_harness.Orders.Get(order.Id));

        var saved = _harness.Session(session.Id);
        Assert.Multiple(() =>
        {
            Assert.That(saved.State, Is.EqualTo(TamaraSessionState.NeedsAttention));
            Assert.That(saved.LastError, Does.Contain("DOUBLE PAYMENT"));
            Assert.That(_harness.Orders.Get(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        });
        VerifyVoided(session, Times.Never());
    }

    [Test]
    public async Task The_plugin_marking_the_order_paid_voids_the_orders_other_live_links()
    {
        var (order, paying) = _harness.AddPendingOrder();
        var other = _harness.AddSession(_harness.Orders.Get(order.Id));
        _harness.TamaraSays(paying.TamaraOrderId, SyncHarness.Captured());
        _harness.TamaraSays(other.TamaraOrderId, SyncHarness.Status(TamaraOrderStatus.New));

        var result = await _harness.NewService().SyncAsync(paying.TamaraOrderId, TamaraSyncTrigger.Webhook);

        Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.Paid));
        Assert.That(_harness.Session(other.Id).State, Is.EqualTo(TamaraSessionState.Canceled));
        VerifyVoided(other, Times.Once());
        VerifyVoided(paying, Times.Never());
    }
}
