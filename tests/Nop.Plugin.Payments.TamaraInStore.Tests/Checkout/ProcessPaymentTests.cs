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
    public async Task A_refusal_keeps_the_order_from_being_placed_shows_tamaras_reason_and_keeps_the_attempt_closed(HttpStatusCode status)
    {
        var fixture = new CheckoutFixture();
        fixture.Client.Setup(c => c.CreateInStoreSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<CreateInStoreSessionRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(Refusal(status, "Invalid phone number"));
        var request = CheckoutFixture.PaymentRequest(26.666667m);

        var result = await fixture.Create().ProcessPaymentAsync(request);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Errors.Single(), Is.EqualTo("Tamara refused the payment: Invalid phone number"));
        var session = fixture.Sessions.Rows.Single();
        Assert.Multiple(() =>
        {
            Assert.That(session.State, Is.EqualTo(TamaraSessionState.NotCreated));
            Assert.That(session.OrderReferenceId, Is.EqualTo(request.OrderGuid.ToString()));
            Assert.That(session.TamaraOrderId, Is.Null);
            Assert.That(session.NextCheckOnUtc, Is.Null);
            Assert.That(session.LastError, Does.Contain("Invalid phone number"));
        });
    }

    [Test]
    public async Task A_refused_attempt_does_not_count_against_the_phone_link_limit()
    {
        var fixture = new CheckoutFixture();
        fixture.Settings.MaxLinksPerPhone = 1;
        fixture.Client.SetupSequence(c => c.CreateInStoreSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<CreateInStoreSessionRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(Refusal(HttpStatusCode.BadRequest, "Invalid email"))
            .ReturnsAsync(new CreateInStoreSessionResponse { OrderId = "tamara-order-2", CheckoutId = "checkout-2", CheckoutDeeplink = "https://checkout.tamara.co/y" });
        var service = fixture.Create();
        var orderGuid = Guid.NewGuid();

        await service.ProcessPaymentAsync(CheckoutFixture.PaymentRequest(26.666667m, orderGuid));
        var retry = await service.ProcessPaymentAsync(CheckoutFixture.PaymentRequest(26.666667m, orderGuid));

        Assert.That(retry.Success, Is.True, string.Join(", ", retry.Errors));
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
    public async Task The_session_is_recorded_as_creating_before_tamara_is_asked()
    {
        var fixture = new CheckoutFixture();
        TamaraSession seenDuringTheCall = null;
        var request = CheckoutFixture.PaymentRequest(26.666667m);
        fixture.Client.Setup(c => c.CreateInStoreSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<CreateInStoreSessionRequest>(), It.IsAny<CancellationToken>()))
            .Callback(() => seenDuringTheCall = fixture.Sessions.Rows.Single())
            .ReturnsAsync(() =>
            {
                // what the database holds while the call is out, not the instance the creator keeps filling
                Assert.Multiple(() =>
                {
                    Assert.That(seenDuringTheCall.State, Is.EqualTo(TamaraSessionState.Creating));
                    Assert.That(seenDuringTheCall.OrderReferenceId, Is.EqualTo(request.OrderGuid.ToString()));
                    Assert.That(seenDuringTheCall.PhoneNumber, Is.EqualTo("966501234567"));
                    Assert.That(seenDuringTheCall.Amount, Is.EqualTo(100m));
                    Assert.That(seenDuringTheCall.TamaraOrderId, Is.Null);
                });
                return new CreateInStoreSessionResponse { OrderId = "tamara-order-1", CheckoutId = "checkout-1", CheckoutDeeplink = "https://checkout.tamara.co/x" };
            });

        var result = await fixture.Create().ProcessPaymentAsync(request);

        Assert.That(seenDuringTheCall, Is.Not.Null, "a row existed while Tamara was asked");
        Assert.That(result.Success, Is.True);
        var session = fixture.Sessions.Rows.Single();
        Assert.That((session.State, session.TamaraOrderId, session.CheckoutId), Is.EqualTo((TamaraSessionState.Pending, "tamara-order-1", "checkout-1")));
    }

    [TestCase(HttpStatusCode.BadGateway, false)]
    [TestCase(null, false)]
    [TestCase(HttpStatusCode.BadGateway, true)]
    [TestCase(null, true)]
    public async Task A_lost_answer_tamara_cannot_confirm_keeps_the_session_creating_and_tells_the_clerk_it_is_being_checked(HttpStatusCode? status, bool lookUpFails)
    {
        var fixture = new CheckoutFixture();
        fixture.Client.Setup(c => c.CreateInStoreSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<CreateInStoreSessionRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(status is null ? Timeout() : new TamaraApiException("bad gateway", status, "POST /checkout/in-store-session", isTransient: true));
        var lookUp = fixture.Client.Setup(c => c.GetOrderByReferenceIdAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<CancellationToken>()));
        if (lookUpFails)
            lookUp.ThrowsAsync(new TamaraApiException("timed out", null, "GET /merchants/orders/reference-id/x", isTransient: true, kind: TamaraErrorKind.Timeout));
        else
            lookUp.ReturnsAsync((TamaraOrder)null);

        var result = await fixture.Create().ProcessPaymentAsync(CheckoutFixture.PaymentRequest(26.666667m));

        Assert.That(result.Success, Is.False);
        Assert.That(result.Errors.Single(), Is.EqualTo(CheckoutFixture.English["Plugins.Payments.TamaraInStore.Checkout.Errors.OutcomeBeingChecked"]));
        var session = fixture.Sessions.Rows.Single();
        Assert.Multiple(() =>
        {
            Assert.That(session.State, Is.EqualTo(TamaraSessionState.Creating));
            Assert.That(session.PhoneNumber, Is.EqualTo("966501234567"));
            Assert.That(session.Amount, Is.EqualTo(100m));
            Assert.That(session.NextCheckOnUtc, Is.GreaterThan(fixture.Time.GetUtcNow().UtcDateTime), "the poller comes back to it");
        });
    }

    [TestCase(HttpStatusCode.Conflict, "An open checkout session already exists for order_reference_id 'x'")]
    [TestCase(HttpStatusCode.BadRequest, "order_reference_id already exists")]
    public async Task A_refusal_saying_the_reference_exists_is_recovered_by_reference_not_shown_as_refused(HttpStatusCode status, string message)
    {
        var fixture = new CheckoutFixture();
        var request = CheckoutFixture.PaymentRequest(26.666667m);
        fixture.Client.Setup(c => c.CreateInStoreSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<CreateInStoreSessionRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(Refusal(status, message));
        fixture.Client.Setup(c => c.GetOrderByReferenceIdAsync(It.IsAny<TamaraInStoreSettings>(), request.OrderGuid.ToString(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new TamaraOrder { OrderId = "tamara-order-5", Status = "new" });

        var result = await fixture.Create().ProcessPaymentAsync(request);

        Assert.That(result.Success, Is.True, string.Join(", ", result.Errors));
        Assert.That(result.AuthorizationTransactionId, Is.EqualTo("tamara-order-5"));
        Assert.That(fixture.Sessions.Rows.Single().State, Is.EqualTo(TamaraSessionState.Pending));
    }

    [Test]
    public async Task A_409_whose_look_up_fails_keeps_the_session_creating_and_is_not_shown_as_refused()
    {
        var fixture = new CheckoutFixture();
        fixture.Client.Setup(c => c.CreateInStoreSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<CreateInStoreSessionRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(Refusal(HttpStatusCode.Conflict, "An open checkout session already exists"));
        fixture.Client.Setup(c => c.GetOrderByReferenceIdAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TamaraApiException("unavailable", HttpStatusCode.ServiceUnavailable, "GET /merchants/orders/reference-id/x", isTransient: true));

        var result = await fixture.Create().ProcessPaymentAsync(CheckoutFixture.PaymentRequest(26.666667m));

        Assert.That(result.Errors.Single(), Is.EqualTo(CheckoutFixture.English["Plugins.Payments.TamaraInStore.Checkout.Errors.OutcomeBeingChecked"]));
        Assert.That(fixture.Sessions.Rows.Single().State, Is.EqualTo(TamaraSessionState.Creating));
    }

    [Test]
    public async Task A_retry_after_a_lost_answer_takes_over_the_session_tamara_created_and_texts_nobody_again()
    {
        var fixture = new CheckoutFixture();
        var orderGuid = Guid.NewGuid();
        fixture.Client.Setup(c => c.CreateInStoreSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<CreateInStoreSessionRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(Timeout());
        fixture.Client.SetupSequence(c => c.GetOrderByReferenceIdAsync(It.IsAny<TamaraInStoreSettings>(), orderGuid.ToString(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TamaraApiException("timed out", null, "GET /merchants/orders/reference-id/x", isTransient: true, kind: TamaraErrorKind.Timeout))
            .ReturnsAsync(new TamaraOrder { OrderId = "tamara-order-7", CheckoutId = "checkout-7", Status = "new" });
        var service = fixture.Create();

        var first = await service.ProcessPaymentAsync(CheckoutFixture.PaymentRequest(26.666667m, orderGuid));
        fixture.Time.Advance(TimeSpan.FromSeconds(30));
        var retry = await service.ProcessPaymentAsync(CheckoutFixture.PaymentRequest(26.666667m, orderGuid));

        Assert.That(first.Success, Is.False);
        Assert.That(retry.Success, Is.True, string.Join(", ", retry.Errors));
        Assert.That(retry.AuthorizationTransactionId, Is.EqualTo("tamara-order-7"));
        Assert.That(fixture.Sessions.Rows.Single().State, Is.EqualTo(TamaraSessionState.Pending));
        VerifyCreated(fixture, Times.Once());
    }

    [Test]
    public async Task A_retry_while_the_lost_answer_cannot_be_checked_sends_no_second_link()
    {
        var fixture = new CheckoutFixture();
        var orderGuid = Guid.NewGuid();
        fixture.Client.Setup(c => c.CreateInStoreSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<CreateInStoreSessionRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(Timeout());
        fixture.Client.Setup(c => c.GetOrderByReferenceIdAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TamaraApiException("timed out", null, "GET /merchants/orders/reference-id/x", isTransient: true, kind: TamaraErrorKind.Timeout));
        var service = fixture.Create();

        await service.ProcessPaymentAsync(CheckoutFixture.PaymentRequest(26.666667m, orderGuid));
        // nopCommerce gives the cart a new order GUID after 180 s: the earlier attempt still blocks a second link
        fixture.Time.Advance(TimeSpan.FromSeconds(200));
        var retry = await service.ProcessPaymentAsync(CheckoutFixture.PaymentRequest(26.666667m, Guid.NewGuid()));

        Assert.That(retry.Errors.Single(), Is.EqualTo(CheckoutFixture.English["Plugins.Payments.TamaraInStore.Checkout.Errors.OutcomeBeingChecked"]));
        VerifyCreated(fixture, Times.Once());
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
