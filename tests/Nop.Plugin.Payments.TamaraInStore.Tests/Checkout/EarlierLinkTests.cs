using System.Net;
using Moq;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Services.Payments;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Checkout;

/// <summary>
/// A checkout retried at the counter never leaves an earlier link payable, and a link the customer already paid is never
/// followed by a second one; the order is linked to its session under the order's lock
/// </summary>
public class EarlierLinkTests
{
    private static void VerifyCreated(CheckoutFixture fixture, Times times) =>
        fixture.Client.Verify(c => c.CreateInStoreSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<CreateInStoreSessionRequest>(), It.IsAny<CancellationToken>()), times);

    private static void VerifyVoided(CheckoutFixture fixture, string checkoutId, Times times) =>
        fixture.Client.Verify(c => c.VoidCheckoutSessionAsync(It.IsAny<TamaraInStoreSettings>(), checkoutId, It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), times);

    /// <summary>The payment-info step as nopCommerce runs it: a new request, stored under the host's 180 s GUID rule</summary>
    private static ProcessPaymentRequest EnterPaymentInfo(CheckoutFixture fixture, decimal orderTotalPrimary)
    {
        var request = fixture.PaymentRequests.Stamp(CheckoutFixture.PaymentRequest(orderTotalPrimary));
        fixture.PaymentRequests.Save(request);
        return fixture.PaymentRequests.Load();
    }

    [Test]
    public void The_fake_checkout_keeps_the_order_guid_for_180_seconds_like_nopCommerce()
    {
        var fixture = new CheckoutFixture();
        var first = EnterPaymentInfo(fixture, 26.666667m).OrderGuid;

        fixture.Time.Advance(TimeSpan.FromSeconds(179));
        var within = EnterPaymentInfo(fixture, 26.666667m).OrderGuid;
        fixture.Time.Advance(TimeSpan.FromSeconds(2));
        var after = EnterPaymentInfo(fixture, 26.666667m).OrderGuid;

        Assert.That(within, Is.EqualTo(first));
        Assert.That(after, Is.Not.EqualTo(first));
    }

    [Test]
    public async Task A_retry_under_a_regenerated_order_guid_voids_the_first_link_before_sending_a_new_one()
    {
        var fixture = new CheckoutFixture();
        fixture.TamaraCreates();
        var service = fixture.Create();
        var first = await service.ProcessPaymentAsync(EnterPaymentInfo(fixture, 26.666667m));
        Assert.That(first.Success, Is.True);

        // PlaceOrder failed before saving the order; the clerk comes back to the payment step four minutes later
        fixture.Time.Advance(TimeSpan.FromMinutes(4));
        var retry = EnterPaymentInfo(fixture, 26.666667m);
        fixture.TamaraSays("tamara-order-1", TamaraOrderStatus.New);
        fixture.TamaraVoids("checkout-1");
        fixture.TamaraCreates("tamara-order-2", "checkout-2");

        var second = await service.ProcessPaymentAsync(retry);

        var sessions = fixture.Sessions.Rows.OrderBy(session => session.Id).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(sessions[1].OrderGuid, Is.Not.EqualTo(sessions[0].OrderGuid), "nopCommerce gave the retry a new order GUID");
            Assert.That(second.AuthorizationTransactionId, Is.EqualTo("tamara-order-2"));
            Assert.That(sessions[0].State, Is.EqualTo(TamaraSessionState.Canceled));
        });
        VerifyVoided(fixture, "checkout-1", Times.Once());
    }

    [Test]
    public async Task A_retry_after_the_first_link_was_paid_stops_without_a_second_link()
    {
        var fixture = new CheckoutFixture();
        fixture.TamaraCreates();
        var service = fixture.Create();
        await service.ProcessPaymentAsync(EnterPaymentInfo(fixture, 26.666667m));
        fixture.Time.Advance(TimeSpan.FromMinutes(4));
        var retry = EnterPaymentInfo(fixture, 26.666667m);
        fixture.TamaraSays("tamara-order-1", TamaraOrderStatus.FullyCaptured, captured: 100m);
        fixture.TamaraCreates("tamara-order-2", "checkout-2");

        var second = await service.ProcessPaymentAsync(retry);

        Assert.Multiple(() =>
        {
            Assert.That(second.Success, Is.False);
            Assert.That(second.Errors.Single(), Does.Contain("tamara-order-1"));
            Assert.That(fixture.Sessions.Rows, Has.Count.EqualTo(1));
            Assert.That(fixture.Sessions.Rows.Single().State, Is.EqualTo(TamaraSessionState.NeedsAttention));
        });
        VerifyCreated(fixture, Times.Once());
        VerifyVoided(fixture, "checkout-1", Times.Never());
        fixture.Logger.Verify(logger => logger.ErrorAsync(It.Is<string>(message => message.Contains("tamara-order-1")), null, null), Times.AtLeastOnce);
    }

    [Test]
    public async Task A_conflict_on_void_is_read_and_a_paid_link_is_never_cancelled_nor_followed_by_a_second_sms()
    {
        var fixture = new CheckoutFixture();
        fixture.TamaraCreates();
        var service = fixture.Create();
        var orderGuid = Guid.NewGuid();
        await service.ProcessPaymentAsync(CheckoutFixture.PaymentRequest(26.666667m, orderGuid));

        // new when read, then the customer pays: the void is refused with 409
        var paid = new TamaraOrder { OrderId = "tamara-order-1", Status = TamaraOrderStatus.FullyCaptured, CapturedAmount = new TamaraMoney(100m, "SAR") };
        fixture.Client.SetupSequence(c => c.GetOrderAsync(It.IsAny<TamaraInStoreSettings>(), "tamara-order-1", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new TamaraOrder { OrderId = "tamara-order-1", Status = TamaraOrderStatus.New })
            .ReturnsAsync(paid);
        fixture.Client.Setup(c => c.VoidCheckoutSessionAsync(It.IsAny<TamaraInStoreSettings>(), "checkout-1", It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TamaraApiException("checkout_session_cannot_be_voided", HttpStatusCode.Conflict, "POST /checkout/checkout-1/void"));
        fixture.TamaraCreates("tamara-order-2", "checkout-2");

        var retry = await service.ProcessPaymentAsync(CheckoutFixture.PaymentRequest(40m, orderGuid));

        Assert.That(retry.Success, Is.False);
        Assert.That(fixture.Sessions.Rows.Single().State, Is.Not.EqualTo(TamaraSessionState.Canceled));
        VerifyCreated(fixture, Times.Once());
    }

    [Test]
    public async Task The_live_link_of_another_placed_order_of_the_customer_is_left_alone()
    {
        var fixture = new CheckoutFixture();
        fixture.TamaraCreates();
        var service = fixture.Create();
        var placed = CheckoutFixture.PaymentRequest(26.666667m);
        await service.ProcessPaymentAsync(placed);
        // nopCommerce saved that order but its post-processing never ran: the session still has no order id
        fixture.PlacedOrders.Add(new Order { Id = 55, OrderGuid = placed.OrderGuid, StoreId = 1, CustomerId = 7 });
        fixture.TamaraCreates("tamara-order-2", "checkout-2");

        var next = await service.ProcessPaymentAsync(CheckoutFixture.PaymentRequest(40m));

        Assert.That(next.AuthorizationTransactionId, Is.EqualTo("tamara-order-2"));
        Assert.That(fixture.Sessions.Rows.OrderBy(session => session.Id).First().State, Is.EqualTo(TamaraSessionState.Pending));
        fixture.Client.Verify(c => c.GetOrderAsync(It.IsAny<TamaraInStoreSettings>(), "tamara-order-1", It.IsAny<CancellationToken>()), Times.Never());
        VerifyVoided(fixture, "checkout-1", Times.Never());
    }

    [Test]
    public async Task Post_process_links_the_order_only_while_holding_the_tamara_orders_lock()
    {
        var fixture = new CheckoutFixture();
        fixture.TamaraCreates();
        var service = fixture.Create();
        var request = CheckoutFixture.PaymentRequest(26.666667m);
        await service.ProcessPaymentAsync(request);
        var order = new Order { Id = 55, OrderGuid = request.OrderGuid, StoreId = 1, CustomOrderNumber = "A-1001" };
        var key = string.Format(TamaraInStoreDefaults.OrderLockKey, "tamara-order-1");

        Task postProcess;
        using (fixture.Locker.Hold(key))
        {
            // a sync of the same Tamara order is saving its copy of the session right now
            postProcess = service.PostProcessPaymentAsync(new PostProcessPaymentRequest { Order = order });
            await Task.Delay(300);
            Assert.That(fixture.Sessions.Rows.Single().OrderId, Is.Zero, "not written while another holds the lock");
        }
        await postProcess;

        Assert.That(fixture.Sessions.Rows.Single().OrderId, Is.EqualTo(55));
        Assert.That(fixture.Locker.AcquiredKeys, Does.Contain(key));
    }
}
