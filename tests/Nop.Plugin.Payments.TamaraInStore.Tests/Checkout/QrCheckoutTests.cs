using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Moq;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Checkout;
using Nop.Services.Payments;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Checkout;

/// <summary>
/// "Show a QR code here" at the payment step: no phone number, the till's device id instead, the same rules as SMS
/// otherwise, and a session that remembers how it reached the customer
/// </summary>
public class QrCheckoutTests
{
    private static string Text(string key) => CheckoutFixture.English[key];

    private static CheckoutFixture QrStore() => new() { Settings = { DeviceId = "STORE-POS" } };

    private static IFormCollection QrForm(string deviceId, string phone = "", string email = "") =>
        new FormCollection(new Dictionary<string, StringValues>
        {
            ["Channel"] = "qr",
            ["DeviceId"] = deviceId,
            ["PhoneNumber"] = phone,
            ["Email"] = email,
            ["Locale"] = "en_US",
            ["PaymentType"] = ""
        });

    /// <summary>The payment step and the confirm button, as nopCommerce runs them</summary>
    private static async Task<(ProcessPaymentRequest Request, ProcessPaymentResult Result)> PlaceQrAsync(TamaraCheckoutService service,
        string deviceId = "TILL-2", decimal orderTotalPrimary = 26.666667m)
    {
        var request = await service.GetPaymentInfoAsync(QrForm(deviceId));
        request.StoreId = 1;
        request.CustomerId = 7;
        request.OrderTotal = orderTotalPrimary;
        return (request, await service.ProcessPaymentAsync(request));
    }

    private static void TamaraCreatesQr(CheckoutFixture fixture, string orderId = "tamara-qr-1", string checkoutId = "checkout-qr-1") =>
        fixture.Client.Setup(c => c.CreateInStoreQrSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<CreateInStoreQrSessionRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CreateInStoreSessionResponse { OrderId = orderId, CheckoutId = checkoutId, CheckoutDeeplink = $"https://checkout.tamara.co/{checkoutId}" });

    private static void VerifyNoSms(CheckoutFixture fixture) =>
        fixture.Client.Verify(c => c.CreateInStoreSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<CreateInStoreSessionRequest>(), It.IsAny<CancellationToken>()), Times.Never);

    private static void VerifyNoQr(CheckoutFixture fixture) =>
        fixture.Client.Verify(c => c.CreateInStoreQrSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<CreateInStoreQrSessionRequest>(), It.IsAny<CancellationToken>()), Times.Never);

    [Test]
    public async Task A_qr_code_needs_no_phone_number_or_e_mail()
    {
        var errors = await QrStore().Create().ValidatePaymentFormAsync(QrForm("TILL-2"));

        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task A_qr_code_without_a_device_id_is_refused_with_a_clear_message()
    {
        var errors = await QrStore().Create().ValidatePaymentFormAsync(QrForm(""));

        Assert.That(errors, Is.EqualTo(new[] { Text("Plugins.Payments.TamaraInStore.Checkout.Errors.DeviceIdRequired") }));
    }

    [TestCase("till 2")]
    [TestCase("till<2>")]
    [TestCase("TILL-2;drop")]
    public async Task A_device_id_with_other_characters_is_refused(string deviceId)
    {
        var errors = await QrStore().Create().ValidatePaymentFormAsync(QrForm(deviceId));

        Assert.That(errors, Is.EqualTo(new[] { string.Format(Text("Plugins.Payments.TamaraInStore.Checkout.Errors.DeviceIdInvalid"), TamaraInStoreDefaults.DeviceIdMaxLength) }));
    }

    [Test]
    public async Task A_device_id_longer_than_the_column_is_refused()
    {
        var errors = await QrStore().Create().ValidatePaymentFormAsync(QrForm(new string('A', TamaraInStoreDefaults.DeviceIdMaxLength + 1)));

        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0], Does.StartWith("The device id may hold up to 64"));
    }

    [Test]
    public async Task A_store_without_a_device_id_does_not_offer_the_qr_code()
    {
        var fixture = new CheckoutFixture();

        var errors = await fixture.Create().ValidatePaymentFormAsync(QrForm("TILL-2"));
        var (_, result) = await PlaceQrAsync(fixture.Create());

        Assert.That(errors, Is.EqualTo(new[] { Text("Plugins.Payments.TamaraInStore.Checkout.Errors.QrNotOffered") }));
        Assert.That(result.Errors, Is.EqualTo(new[] { Text("Plugins.Payments.TamaraInStore.Checkout.Errors.QrNotOffered") }));
        VerifyNoQr(fixture);
        Assert.That(fixture.Sessions.Rows, Is.Empty);
    }

    [Test]
    public async Task The_sms_path_still_needs_the_phone_number()
    {
        var form = QrForm("TILL-2");
        form = new FormCollection(form.ToDictionary(pair => pair.Key, pair => pair.Key == "Channel" ? new StringValues("sms") : pair.Value));

        var errors = await QrStore().Create().ValidatePaymentFormAsync(form);

        Assert.That(errors, Does.Contain(Text("Plugins.Payments.TamaraInStore.Checkout.Errors.PhoneRequired")));
    }

    [Test]
    public async Task The_till_remembers_the_device_id_it_used()
    {
        var fixture = QrStore();

        var request = await fixture.Create().GetPaymentInfoAsync(QrForm(" TILL-2 "));

        Assert.Multiple(() =>
        {
            Assert.That(request.CustomValues[TamaraInStoreDefaults.CustomValueNames.Channel], Is.EqualTo("qr"));
            Assert.That(request.CustomValues[TamaraInStoreDefaults.CustomValueNames.DeviceId], Is.EqualTo("TILL-2"));
            Assert.That(request.CustomValues.TryGetValue(TamaraInStoreDefaults.CustomValueNames.PhoneNumber, out _), Is.False);
            Assert.That(request.CustomValues.TryGetValue(TamaraInStoreDefaults.CustomValueNames.PaymentType, out _), Is.False,
                "a QR session takes no payment type; the order page must not claim one");
            Assert.That(fixture.HttpContext.Response.Headers.SetCookie.ToString(),
                Does.StartWith($"{TamaraInStoreDefaults.TillDeviceCookieName}=TILL-2;").And.Contain("httponly"));
        });
    }

    [Test]
    public void The_payment_step_shows_the_tills_own_device_id_before_the_stores()
    {
        var settings = new TamaraInStoreSettings { DeviceId = "STORE-POS" };
        TamaraTillDevice Till(string cookie)
        {
            var context = new DefaultHttpContext();
            if (cookie is not null)
                context.Request.Headers.Cookie = $"{TamaraInStoreDefaults.TillDeviceCookieName}={cookie}";
            return new TamaraTillDevice(new HttpContextAccessor { HttpContext = context });
        }

        Assert.Multiple(() =>
        {
            Assert.That(Till("TILL-2").ReadOrDefault(settings), Is.EqualTo("TILL-2"));
            Assert.That(Till(null).ReadOrDefault(settings), Is.EqualTo("STORE-POS"));
            Assert.That(Till("bad%20id").ReadOrDefault(settings), Is.EqualTo("STORE-POS"), "a cookie that is not a device id is ignored");
        });
    }

    [Test]
    public async Task Placing_the_order_creates_a_qr_session_for_the_device_and_texts_nobody()
    {
        var fixture = QrStore();
        TamaraCreatesQr(fixture);
        string sentDevice = null;
        CreateInStoreQrSessionRequest sent = null;
        fixture.Client.Setup(c => c.CreateInStoreQrSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<CreateInStoreQrSessionRequest>(), It.IsAny<CancellationToken>()))
            .Callback((TamaraInStoreSettings _, string device, CreateInStoreQrSessionRequest body, CancellationToken _) => (sentDevice, sent) = (device, body))
            .ReturnsAsync(new CreateInStoreSessionResponse { OrderId = "tamara-qr-1", CheckoutId = "checkout-qr-1", CheckoutDeeplink = "https://checkout.tamara.co/qr-1" });

        var (request, result) = await PlaceQrAsync(fixture.Create());

        var session = fixture.Sessions.Rows.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Success, Is.True, string.Join(", ", result.Errors));
            Assert.That(result.AuthorizationTransactionId, Is.EqualTo("tamara-qr-1"));
            Assert.That(sentDevice, Is.EqualTo("TILL-2"), "the till's own device id, not the store's");
            Assert.That(sent.Amount.Amount, Is.EqualTo(100m));
            Assert.That(sent.Amount.Currency, Is.EqualTo("SAR"));
            Assert.That(sent.OrderReferenceId, Is.EqualTo(request.OrderGuid.ToString()));
            Assert.That(sent.OrderNumber, Is.EqualTo(request.OrderGuid.ToString()));
            Assert.That(sent.Locale, Is.EqualTo("en_US"));
            Assert.That(sent.AdditionalData.StoreCode, Is.EqualTo("Branch A"));
            Assert.That(sent.Platform, Is.EqualTo("NOPCOMMERCE_POS_QR"), "Tamara requires the platform; the store set none, so the default goes");
            Assert.That(session.Channel, Is.EqualTo(TamaraSessionChannel.Qr));
            Assert.That(session.DeviceId, Is.EqualTo("TILL-2"));
            Assert.That(session.PhoneNumber, Is.Null);
            Assert.That(session.CheckoutDeeplink, Is.EqualTo("https://checkout.tamara.co/qr-1"));
            Assert.That(session.State, Is.EqualTo(TamaraSessionState.Pending));
            Assert.That(session.Amount, Is.EqualTo(100m));
        });
        VerifyNoSms(fixture);
    }

    [Test]
    public async Task The_qr_session_carries_the_platform_the_store_set()
    {
        var fixture = QrStore();
        fixture.Settings.QrPlatform = " ACME_POS_QR ";
        TamaraCreatesQr(fixture);
        CreateInStoreQrSessionRequest sent = null;
        fixture.Client.Setup(c => c.CreateInStoreQrSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<CreateInStoreQrSessionRequest>(), It.IsAny<CancellationToken>()))
            .Callback((TamaraInStoreSettings _, string _, CreateInStoreQrSessionRequest body, CancellationToken _) => sent = body)
            .ReturnsAsync(new CreateInStoreSessionResponse { OrderId = "tamara-qr-1", CheckoutId = "checkout-qr-1", CheckoutDeeplink = "https://checkout.tamara.co/qr-1" });

        var (_, result) = await PlaceQrAsync(fixture.Create());

        Assert.That(result.Success, Is.True, string.Join(", ", result.Errors));
        Assert.That(sent.Platform, Is.EqualTo("ACME_POS_QR"));
    }

    [Test]
    public async Task A_qr_code_is_refused_to_a_shopper_on_their_own_before_tamara_is_asked()
    {
        var fixture = QrStore();
        fixture.Staff = null;
        TamaraCreatesQr(fixture);

        var (_, result) = await PlaceQrAsync(fixture.Create());

        Assert.That(result.Errors, Is.EqualTo(new[] { Text("Plugins.Payments.TamaraInStore.Checkout.Errors.StaffOnly") }));
        VerifyNoQr(fixture);
    }

    [Test]
    public async Task A_qr_code_is_refused_outside_the_stores_order_totals()
    {
        var fixture = QrStore();
        fixture.Settings.MaxOrderTotal = 50m;
        TamaraCreatesQr(fixture);

        var (_, result) = await PlaceQrAsync(fixture.Create());

        Assert.That(result.Errors, Is.EqualTo(new[] { string.Format(Text("Plugins.Payments.TamaraInStore.Checkout.Errors.AboveMaximum"), 50m, "SAR") }));
        VerifyNoQr(fixture);
    }

    [Test]
    public async Task A_qr_code_is_not_counted_against_a_phone_numbers_link_limit()
    {
        var fixture = QrStore();
        fixture.Settings.MaxLinksPerPhone = 1;
        fixture.Settings.LinksPerPhoneWindowMinutes = 15;
        var service = fixture.Create();
        TamaraCreatesQr(fixture, "tamara-qr-1", "checkout-qr-1");
        var (first, _) = await PlaceQrAsync(service);
        // the first order was placed: its code is not an earlier link of the next customer's cart
        fixture.PlacedOrders.Add(new Order { Id = 1, OrderGuid = first.OrderGuid, StoreId = 1, CustomerId = 7 });
        TamaraCreatesQr(fixture, "tamara-qr-2", "checkout-qr-2");

        var (_, second) = await PlaceQrAsync(service);

        Assert.That(second.Success, Is.True, string.Join(", ", second.Errors));
        Assert.That(fixture.Sessions.Rows, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task An_earlier_sms_link_of_the_cart_is_voided_before_the_qr_code_is_made()
    {
        var fixture = QrStore();
        fixture.TamaraCreates("tamara-sms-1", "checkout-sms-1");
        var service = fixture.Create();
        var sms = await service.ProcessPaymentAsync(CheckoutFixture.PaymentRequest(26.666667m));
        Assert.That(sms.Success, Is.True);
        fixture.TamaraSays("tamara-sms-1", TamaraOrderStatus.New);
        fixture.TamaraVoids("checkout-sms-1");
        TamaraCreatesQr(fixture);

        var (_, qr) = await PlaceQrAsync(service);

        Assert.That(qr.Success, Is.True, string.Join(", ", qr.Errors));
        fixture.Client.Verify(c => c.VoidCheckoutSessionAsync(It.IsAny<TamaraInStoreSettings>(), "checkout-sms-1", "tamara-sms-1", It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.That(fixture.Sessions.Rows.Select(session => (session.Channel, session.State)), Is.EqualTo(new[]
        {
            (TamaraSessionChannel.Sms, TamaraSessionState.Canceled),
            (TamaraSessionChannel.Qr, TamaraSessionState.Pending)
        }));
    }

    [Test]
    public async Task A_retried_confirm_reuses_the_live_qr_code_of_the_same_device()
    {
        var fixture = QrStore();
        TamaraCreatesQr(fixture);
        var service = fixture.Create();
        var (request, first) = await PlaceQrAsync(service);

        var again = await service.ProcessPaymentAsync(request);

        Assert.That(again.AuthorizationTransactionId, Is.EqualTo(first.AuthorizationTransactionId));
        fixture.Client.Verify(c => c.CreateInStoreQrSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<CreateInStoreQrSessionRequest>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task A_retried_confirm_for_another_device_voids_the_first_code_and_makes_its_own()
    {
        var fixture = QrStore();
        TamaraCreatesQr(fixture, "tamara-qr-1", "checkout-qr-1");
        var service = fixture.Create();
        var (first, _) = await PlaceQrAsync(service, "TILL-2");
        fixture.TamaraSays("tamara-qr-1", TamaraOrderStatus.New);
        fixture.TamaraVoids("checkout-qr-1");
        TamaraCreatesQr(fixture, "tamara-qr-2", "checkout-qr-2");

        // the clerk went back to the payment step and typed this till's own id; nopCommerce kept the order GUID
        var retry = await service.GetPaymentInfoAsync(QrForm("TILL-3"));
        (retry.StoreId, retry.CustomerId, retry.OrderTotal, retry.OrderGuid) = (1, 7, first.OrderTotal, first.OrderGuid);
        var result = await service.ProcessPaymentAsync(retry);

        Assert.That(result.AuthorizationTransactionId, Is.EqualTo("tamara-qr-2"), string.Join(", ", result.Errors));
        Assert.That(fixture.Sessions.Rows.Select(session => (session.DeviceId, session.State)), Is.EqualTo(new[]
        {
            ("TILL-2", TamaraSessionState.Canceled),
            ("TILL-3", TamaraSessionState.Pending)
        }));
    }

    [Test]
    public async Task A_lost_answer_without_a_link_shows_no_code_and_stores_nothing()
    {
        var fixture = QrStore();
        fixture.Client.Setup(c => c.CreateInStoreQrSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<CreateInStoreQrSessionRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TamaraApiException("timed out", null, "POST /checkout/in-store", isTransient: true, kind: TamaraErrorKind.Timeout));
        fixture.Client.Setup(c => c.GetOrderByReferenceIdAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new TamaraOrder { OrderId = "tamara-qr-1", Status = "new" });

        var (_, result) = await PlaceQrAsync(fixture.Create());

        Assert.That(result.Errors, Is.EqualTo(new[] { Text("Plugins.Payments.TamaraInStore.Checkout.Errors.QrNoLink") }));
        Assert.That(fixture.Sessions.Rows, Is.Empty);
    }

    [Test]
    public async Task The_order_note_names_the_device_not_a_phone_number()
    {
        var fixture = QrStore();
        TamaraCreatesQr(fixture);
        var service = fixture.Create();
        var (request, _) = await PlaceQrAsync(service);
        var order = new Order { Id = 55, OrderGuid = request.OrderGuid, StoreId = 1, CustomerId = 7 };

        await service.PostProcessPaymentAsync(new PostProcessPaymentRequest { Order = order });

        Assert.That(fixture.Notes.First().Note, Does.StartWith("Tamara session created; payment link shown as a QR code at device TILL-2"));
    }

    [Test]
    public async Task Send_new_link_on_a_qr_order_makes_a_new_qr_code_for_the_same_device()
    {
        var fixture = QrStore();
        fixture.Settings.MaxLinksPerPhone = 1;
        TamaraCreatesQr(fixture, "tamara-qr-1", "checkout-qr-1");
        var service = fixture.Create();
        var (request, _) = await PlaceQrAsync(service);
        var order = new Order { Id = 55, OrderGuid = request.OrderGuid, StoreId = 1, CustomerId = 7, CustomOrderNumber = "A-1001",
            OrderTotal = 26.666667m, CurrencyRate = 3.75m, CustomerCurrencyCode = "SAR", AuthorizationTransactionId = "tamara-qr-1" };
        fixture.LineReader.Setup(r => r.FromOrderAsync(It.IsAny<Order>())).ReturnsAsync(fixture.CartAmounts);
        TamaraCreatesQr(fixture, "tamara-qr-2", "checkout-qr-2");
        var previous = fixture.Sessions.Rows.Single();

        var refusal = await service.NewLinkRefusalAsync(order, previous);
        var replacement = await service.CreateReplacementSessionAsync(order, previous);

        Assert.Multiple(() =>
        {
            Assert.That(refusal, Is.Null, "no phone number, no link limit");
            Assert.That(replacement.Channel, Is.EqualTo(TamaraSessionChannel.Qr));
            Assert.That(replacement.DeviceId, Is.EqualTo("TILL-2"));
            Assert.That(replacement.TamaraOrderId, Is.EqualTo("tamara-qr-2"));
        });
        fixture.Client.Verify(c => c.CreateInStoreQrSessionAsync(It.IsAny<TamaraInStoreSettings>(), "TILL-2",
            It.Is<CreateInStoreQrSessionRequest>(body => body.OrderReferenceId == $"{request.OrderGuid}-1" && body.OrderNumber == "A-1001"), It.IsAny<CancellationToken>()), Times.Once);
        VerifyNoSms(fixture);
    }
}
