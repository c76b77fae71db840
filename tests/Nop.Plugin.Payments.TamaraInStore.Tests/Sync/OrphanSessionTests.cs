using Moq;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Sync;

/// <summary>
/// Sessions whose order nopCommerce saved without post-processing it, and sessions whose checkout never produced an order
/// </summary>
public class OrphanSessionTests
{
    private SyncHarness _harness;

    [SetUp]
    public void SetUp() => _harness = new SyncHarness();

    private void VoidAnswers(bool voided) =>
        _harness.Client.Setup(client => client.VoidCheckoutSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new VoidCheckoutSessionResponse { OrderWasVoided = voided });

    /// <summary>PlaceOrderAsync saved the order, then an order-placed consumer threw: PostProcessPaymentAsync never ran</summary>
    private (Nop.Core.Domain.Orders.Order Order, TamaraSession Session) OrderSavedButNotPostProcessed()
    {
        var (order, session) = _harness.AddPendingOrder();
        var stored = _harness.Session(session.Id);
        stored.OrderId = 0;
        _harness.Sessions.Update(stored);
        return (order, stored);
    }

    [Test]
    public async Task A_session_whose_order_was_saved_but_not_post_processed_is_linked_by_guid_at_the_first_read_and_paid()
    {
        var (order, session) = OrderSavedButNotPostProcessed();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Captured());

        var result = await _harness.NewService().SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Webhook);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.Paid));
            Assert.That(_harness.Session(session.Id).OrderId, Is.EqualTo(order.Id));
            Assert.That(_harness.Orders.Get(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(_harness.Orders.NotesOf(order.Id).Any(note => note.Note.Contains("linked to this order")), Is.True);
        });
    }

    [Test]
    public async Task A_session_without_any_order_is_voided_at_tamara_once_the_grace_period_is_over()
    {
        var session = _harness.AddSession(null);
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Status(TamaraOrderStatus.New));
        VoidAnswers(true);
        var service = _harness.NewService();

        var early = await service.SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);
        _harness.Time.Advance(TamaraInStoreDefaults.OrphanSessionGracePeriod + TimeSpan.FromSeconds(1));
        var late = await service.SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);

        Assert.Multiple(() =>
        {
            Assert.That(early.Outcome, Is.EqualTo(TamaraSyncOutcome.Waiting), "a retried Confirm may still reuse the link");
            Assert.That(late.Outcome, Is.EqualTo(TamaraSyncOutcome.Closed));
            Assert.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.Canceled));
        });
        _harness.Client.Verify(client => client.VoidCheckoutSessionAsync(It.IsAny<TamaraInStoreSettings>(), session.CheckoutId, session.TamaraOrderId, It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Money_captured_for_a_checkout_without_an_order_is_an_error_naming_the_tamara_order_and_amount()
    {
        var session = _harness.AddSession(null);
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Captured());
        _harness.Time.Advance(TamaraInStoreDefaults.OrphanSessionGracePeriod + TimeSpan.FromSeconds(1));

        var result = await _harness.NewService().SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);

        var saved = _harness.Session(session.Id);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.NeedsAttention));
            Assert.That(saved.State, Is.EqualTo(TamaraSessionState.NeedsAttention));
            Assert.That(saved.LastError, Does.Contain(session.TamaraOrderId).And.Contain("300.00"));
        });
        _harness.Logger.Verify(logger => logger.ErrorAsync(It.Is<string>(message => message.Contains(session.TamaraOrderId) && message.Contains("300.00")), null, null), Times.Once);
        _harness.Client.Verify(client => client.VoidCheckoutSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
