using System.Net;
using Moq;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Services.Payments;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Checkout;

public class ProcessPaymentTests
{
    private static void VerifyCreated(CheckoutFixture fixture, Times times) =>
        fixture.Client.Verify(c => c.CreateInStoreSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<CreateInStoreSessionRequest>(), It.IsAny<CancellationToken>()), times);

    private static TamaraApiException Refusal(HttpStatusCode status, string message) =>
        new(message, status, "POST /checkout/in-store-session");

    private static TamaraApiException Timeout() =>
        new("timed out", null, "POST /checkout/in-store-session", isTransient: true, kind: TamaraErrorKind.Timeout);

    [Test]
    public async Task Success_stores_the_session_and_hands_nopCommerce_the_tamara_order_id()
    {
        var fixture = new CheckoutFixture();
        fixture.TamaraCreates();
        CreateInStoreSessionRequest sent = null;
        fixture.Client.Setup(c => c.CreateInStoreSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<CreateInStoreSessionRequest>(), It.IsAny<CancellationToken>()))
            .Callback((TamaraInStoreSettings _, CreateInStoreSessionRequest request, CancellationToken _) => sent = request)
            .ReturnsAsync(new CreateInStoreSessionResponse { OrderId = "tamara-order-1", CheckoutId = "checkout-1", CheckoutDeeplink = "https://checkout.tamara.co/x" });
        var request = CheckoutFixture.PaymentRequest(26.666667m);

        var result = await fixture.Create().ProcessPaymentAsync(request);

        var session = fixture.Sessions.Rows.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Success, Is.True);
            Assert.That(result.NewPaymentStatus, Is.EqualTo(PaymentStatus.Pending));
            Assert.That(result.AuthorizationTransactionId, Is.EqualTo("tamara-order-1"));
            Assert.That(sent.TotalAmount.Amount, Is.EqualTo(100m));
            Assert.That(sent.TotalAmount.Currency, Is.EqualTo("SAR"));
            Assert.That(sent.OrderReferenceId, Is.EqualTo(request.OrderGuid.ToString()));
            Assert.That(sent.OrderNumber, Is.EqualTo(request.OrderGuid.ToString()));
            Assert.That(sent.PhoneNumber, Is.EqualTo("966501234567"));
            Assert.That(sent.Locale, Is.EqualTo("ar_SA"));
            Assert.That(session.OrderGuid, Is.EqualTo(request.OrderGuid));
            Assert.That(session.State, Is.EqualTo(TamaraSessionState.Pending));
            Assert.That(session.TamaraStatus, Is.EqualTo("new"));
            Assert.That(session.CheckoutId, Is.EqualTo("checkout-1"));
            Assert.That(session.Amount, Is.EqualTo(100m));
            Assert.That(session.CustomerId, Is.EqualTo(7));
            Assert.That(session.ExpiresOnUtc, Is.EqualTo(fixture.Time.GetUtcNow().UtcDateTime.AddMinutes(15)));
            Assert.That(session.NextCheckOnUtc, Is.EqualTo(fixture.Time.GetUtcNow().UtcDateTime.AddSeconds(10)));
        });
    }

    [TestCase(HttpStatusCode.BadRequest)]
    [TestCase(HttpStatusCode.UnprocessableEntity)]
    public async Task A_refusal_keeps_the_order_from_being_placed_and_shows_tamaras_reason(HttpStatusCode status)
    {
        var fixture = new CheckoutFixture();
        fixture.Client.Setup(c => c.CreateInStoreSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<CreateInStoreSessionRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(Refusal(status, "Invalid phone number"));

        var result = await fixture.Create().ProcessPaymentAsync(CheckoutFixture.PaymentRequest(26.666667m));

        Assert.That(result.Success, Is.False);
        Assert.That(result.Errors.Single(), Is.EqualTo("Tamara refused the payment: Invalid phone number"));
        Assert.That(fixture.Sessions.Rows, Is.Empty);
    }

    [Test]
    public async Task A_lost_answer_is_recovered_by_reference_without_a_second_session()
    {
        var fixture = new CheckoutFixture();
        fixture.Client.Setup(c => c.CreateInStoreSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<CreateInStoreSessionRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(Timeout());
        var request = CheckoutFixture.PaymentRequest(26.666667m);
        fixture.Client.Setup(c => c.GetOrderByReferenceIdAsync(It.IsAny<TamaraInStoreSettings>(), request.OrderGuid.ToString(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new TamaraOrder { OrderId = "tamara-order-9", Status = "new" });

        var result = await fixture.Create().ProcessPaymentAsync(request);

        Assert.That(result.Success, Is.True);
        Assert.That(result.AuthorizationTransactionId, Is.EqualTo("tamara-order-9"));
        Assert.That(fixture.Sessions.Rows.Single().TamaraOrderId, Is.EqualTo("tamara-order-9"));
        VerifyCreated(fixture, Times.Once());
    }

    [Test]
    public async Task A_lost_answer_unknown_to_tamara_is_an_error()
    {
        var fixture = new CheckoutFixture();
        fixture.Client.Setup(c => c.CreateInStoreSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<CreateInStoreSessionRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TamaraApiException("bad gateway", HttpStatusCode.BadGateway, "POST /checkout/in-store-session", isTransient: true));
        fixture.Client.Setup(c => c.GetOrderByReferenceIdAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((TamaraOrder)null);

        var result = await fixture.Create().ProcessPaymentAsync(CheckoutFixture.PaymentRequest(26.666667m));

        Assert.That(result.Success, Is.False);
        Assert.That(result.Errors.Single(), Is.EqualTo(CheckoutFixture.English["Plugins.Payments.TamaraInStore.Checkout.Errors.NoAnswer"]));
        Assert.That(fixture.Sessions.Rows, Is.Empty);
    }

    [Test]
    public async Task A_retry_with_the_same_order_guid_reuses_the_live_session()
    {
        var fixture = new CheckoutFixture();
        fixture.TamaraCreates();
        var service = fixture.Create();
        var orderGuid = Guid.NewGuid();

        var first = await service.ProcessPaymentAsync(CheckoutFixture.PaymentRequest(26.666667m, orderGuid));
        fixture.Time.Advance(TimeSpan.FromMinutes(2));
        var second = await service.ProcessPaymentAsync(CheckoutFixture.PaymentRequest(26.666667m, orderGuid));

        Assert.That(second.Success, Is.True);
        Assert.That(second.AuthorizationTransactionId, Is.EqualTo(first.AuthorizationTransactionId));
        Assert.That(fixture.Sessions.Rows, Has.Count.EqualTo(1));
        VerifyCreated(fixture, Times.Once());
    }

    [Test]
    public async Task A_double_submit_while_tamara_is_answering_texts_the_customer_once()
    {
        var fixture = new CheckoutFixture();
        var answer = new TaskCompletionSource<CreateInStoreSessionResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Client.Setup(c => c.CreateInStoreSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<CreateInStoreSessionRequest>(), It.IsAny<CancellationToken>()))
            .Returns(answer.Task);
        var service = fixture.Create();
        var orderGuid = Guid.NewGuid();

        var first = service.ProcessPaymentAsync(CheckoutFixture.PaymentRequest(26.666667m, orderGuid));
        var second = service.ProcessPaymentAsync(CheckoutFixture.PaymentRequest(26.666667m, orderGuid));
        await Task.Delay(200);
        answer.SetResult(new CreateInStoreSessionResponse { OrderId = "tamara-order-1", CheckoutId = "checkout-1", CheckoutDeeplink = "https://checkout.tamara.co/x" });
        var results = await Task.WhenAll(first, second);

        Assert.That(results.Select(result => result.Success), Has.All.True);
        Assert.That(results.Select(result => result.AuthorizationTransactionId), Has.All.EqualTo("tamara-order-1"));
        Assert.That(fixture.Sessions.Rows, Has.Count.EqualTo(1));
        VerifyCreated(fixture, Times.Once());
    }

    [Test]
    public async Task A_retry_with_another_amount_voids_the_old_session_and_creates_a_new_one()
    {
        var fixture = new CheckoutFixture();
        fixture.TamaraCreates();
        var service = fixture.Create();
        var orderGuid = Guid.NewGuid();
        await service.ProcessPaymentAsync(CheckoutFixture.PaymentRequest(26.666667m, orderGuid));
        fixture.TamaraSays("tamara-order-1", TamaraOrderStatus.New);
        fixture.TamaraVoids("checkout-1");
        fixture.TamaraCreates("tamara-order-2", "checkout-2");

        var result = await service.ProcessPaymentAsync(CheckoutFixture.PaymentRequest(40m, orderGuid));

        var sessions = fixture.Sessions.Rows.OrderBy(session => session.Id).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.AuthorizationTransactionId, Is.EqualTo("tamara-order-2"));
            Assert.That(sessions[0].State, Is.EqualTo(TamaraSessionState.Canceled));
            Assert.That(sessions[1].State, Is.EqualTo(TamaraSessionState.Pending));
            Assert.That(sessions[1].Amount, Is.EqualTo(150m));
        });
        fixture.Client.Verify(c => c.CreateInStoreSessionAsync(It.IsAny<TamaraInStoreSettings>(),
            It.Is<CreateInStoreSessionRequest>(r => r.OrderReferenceId == $"{orderGuid}-1"), It.IsAny<CancellationToken>()), Times.Once());
    }

    [Test]
    public async Task Missing_payment_info_is_an_error_without_calling_tamara()
    {
        var fixture = new CheckoutFixture();
        var result = await fixture.Create().ProcessPaymentAsync(new ProcessPaymentRequest { StoreId = 1, CustomerId = 7, OrderTotal = 10m });

        Assert.That(result.Success, Is.False);
        VerifyCreated(fixture, Times.Never());
    }

    [Test]
    public async Task Post_process_links_the_session_notes_it_and_updates_the_reference()
    {
        var fixture = new CheckoutFixture();
        fixture.TamaraCreates();
        var service = fixture.Create();
        var request = CheckoutFixture.PaymentRequest(26.666667m);
        await service.ProcessPaymentAsync(request);
        var order = new Order { Id = 55, OrderGuid = request.OrderGuid, StoreId = 1, CustomOrderNumber = "A-1001" };

        await service.PostProcessPaymentAsync(new PostProcessPaymentRequest { Order = order });

        Assert.That(fixture.Sessions.Rows.Single().OrderId, Is.EqualTo(55));
        Assert.That(fixture.Notes[0].Note, Does.Contain("*********567").And.Contain("tamara-order-1"));
        Assert.That(fixture.Notes[0].Note, Does.Not.Contain("501234567"));
        Assert.That(fixture.Notes[1].Note, Does.Contain("A-1001"));
        fixture.Client.Verify(c => c.UpdateOrderReferenceIdAsync(It.IsAny<TamaraInStoreSettings>(), "tamara-order-1", "A-1001", It.IsAny<CancellationToken>()));
    }

    [Test]
    public async Task Post_process_never_throws()
    {
        var fixture = new CheckoutFixture();
        fixture.TamaraCreates();
        var service = fixture.Create();
        var request = CheckoutFixture.PaymentRequest(26.666667m);
        await service.ProcessPaymentAsync(request);
        fixture.Client.Setup(c => c.UpdateOrderReferenceIdAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TamaraApiException("boom", HttpStatusCode.InternalServerError, "PUT /orders/x/reference-id"));
        fixture.OrderService.Setup(o => o.InsertOrderNoteAsync(It.IsAny<OrderNote>())).ThrowsAsync(new InvalidOperationException("database down"));

        var order = new Order { Id = 55, OrderGuid = request.OrderGuid, StoreId = 1, CustomOrderNumber = "A-1001" };

        Assert.DoesNotThrowAsync(() => service.PostProcessPaymentAsync(new PostProcessPaymentRequest { Order = order }));
    }

    [Test]
    public async Task A_replacement_session_uses_the_order_amounts_and_a_new_reference()
    {
        var fixture = new CheckoutFixture();
        fixture.TamaraCreates();
        var service = fixture.Create();
        var request = CheckoutFixture.PaymentRequest(26.666667m);
        await service.ProcessPaymentAsync(request);
        var order = new Order { Id = 55, OrderGuid = request.OrderGuid, StoreId = 1, CustomerId = 7, CustomOrderNumber = "A-1001",
            OrderTotal = 26.666667m, CurrencyRate = 3.75m, CustomerCurrencyCode = "SAR" };
        fixture.LineReader.Setup(r => r.FromOrderAsync(order)).ReturnsAsync(fixture.CartAmounts);
        var previous = fixture.Sessions.Rows.Single();
        fixture.TamaraCreates("tamara-order-2", "checkout-2");

        var replacement = await service.CreateReplacementSessionAsync(order, previous);

        Assert.That(replacement.OrderId, Is.EqualTo(55));
        Assert.That(replacement.Amount, Is.EqualTo(100m));
        Assert.That(replacement.PhoneNumber, Is.EqualTo(previous.PhoneNumber));
        fixture.Client.Verify(c => c.CreateInStoreSessionAsync(It.IsAny<TamaraInStoreSettings>(),
            It.Is<CreateInStoreSessionRequest>(r => r.OrderReferenceId == $"{order.OrderGuid}-1" && r.OrderNumber == "A-1001"), It.IsAny<CancellationToken>()));
    }
}
