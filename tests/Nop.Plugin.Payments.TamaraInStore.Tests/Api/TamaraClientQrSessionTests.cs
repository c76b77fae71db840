using System.Net;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Api;

/// <summary>POST /checkout/in-store (a QR code at a POS device): the request as the notes give it, and every error shape</summary>
[TestFixture]
public class TamaraClientQrSessionTests : TamaraApiTestBase
{
    private static CreateInStoreQrSessionRequest Body() => new()
    {
        Amount = new TamaraMoney(300, "SAR"),
        Platform = "NOPCOMMERCE_POS_QR",
        OrderReferenceId = "ref-1",
        OrderNumber = "A-1001",
        Locale = "ar_SA",
        AdditionalData = new TamaraAdditionalData { StoreCode = "Branch A" }
    };

    private TamaraApiException CreateFails() =>
        Assert.ThrowsAsync<TamaraApiException>(() => CreateClient().CreateInStoreQrSessionAsync(Settings(), "POS-7", Body()));

    [Test]
    public async Task Sends_every_field_of_the_notes_and_nothing_of_the_sms_body()
    {
        Server.EnqueueJson(new { checkout_id = "c1", order_id = "o1", checkout_deeplink = "https://checkout.tamara.co/c1" });

        var response = await CreateClient().CreateInStoreQrSessionAsync(Settings(), "POS-7", Body());

        var request = Server.LastRequest;
        Assert.Multiple(() =>
        {
            Assert.That(request.Header("X-Device-Id"), Is.EqualTo("POS-7"));
            Assert.That(request.Header("Authorization"), Is.EqualTo($"Bearer {ApiToken}"));
            JsonAssert.AreEquivalent("""
                { "amount": { "amount": 300, "currency": "SAR" }, "platform": "NOPCOMMERCE_POS_QR", "order_reference_id": "ref-1", "order_number": "A-1001",
                  "locale": "ar_SA", "additional_data": { "store_code": "Branch A" } }
                """, request.Body);
            Assert.That((response.CheckoutId, response.OrderId, response.CheckoutDeeplink), Is.EqualTo(("c1", "o1", "https://checkout.tamara.co/c1")));
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    public void A_missing_device_id_never_reaches_tamara(string deviceId)
    {
        Assert.CatchAsync<ArgumentException>(() => CreateClient().CreateInStoreQrSessionAsync(Settings(), deviceId, Body()));
        Assert.That(Server.Requests, Is.Empty);
    }

    [Test]
    public void Tamaras_refusal_of_the_device_carries_its_message_code_and_endpoint()
    {
        Server.Enqueue(400, """{ "message": "Invalid request", "errors": [ { "error_code": "device_id_required", "message": "The X-Device-Id header is required" } ] }""");

        var exception = CreateFails();

        Assert.Multiple(() =>
        {
            Assert.That(exception.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(exception.Message, Does.StartWith("Invalid request").And.Contain("The X-Device-Id header is required"));
            Assert.That(exception.ErrorCodes, Is.EqualTo(new[] { "device_id_required" }));
            Assert.That(exception.Endpoint, Is.EqualTo("POST /checkout/in-store"));
            Assert.That(exception.OutcomeUnknown, Is.False);
        });
    }

    [TestCase(401, """{"message":"Unauthorized"}""", "Unauthorized")]
    [TestCase(403, """{"message":"Device not allowed"}""", "Device not allowed")]
    [TestCase(409, """{"message":"Duplicate order reference","errors":[{"error_code":"duplicate_order_reference_id"}]}""", "Duplicate order reference")]
    [TestCase(422, """{"message":"Unprocessable","errors":{"amount":["must be positive"]}}""", "Unprocessable: amount: must be positive")]
    public void Client_errors_are_final_and_sent_once(int status, string body, string message)
    {
        Server.Enqueue(status, body).Enqueue(200, GuideSamples.CreateSessionResponse);

        var exception = CreateFails();

        Assert.That((int)exception.StatusCode!, Is.EqualTo(status));
        Assert.That(exception.Message, Is.EqualTo(message));
        Assert.That(exception.IsTransient, Is.False);
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_rate_limit_is_transient_with_retry_after_and_not_repeated()
    {
        Server.Enqueue(429, """{"message":"Too many requests"}""", new Dictionary<string, string> { ["Retry-After"] = "7" });

        var exception = CreateFails();

        Assert.That((exception.IsTransient, exception.RetryAfter, exception.OutcomeUnknown), Is.EqualTo((true, (TimeSpan?)TimeSpan.FromSeconds(7), false)));
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_server_error_page_leaves_the_outcome_unknown_without_the_html()
    {
        Server.Enqueue(502, "<html><body><h1>Bad gateway</h1></body></html>", new Dictionary<string, string> { ["Content-Type"] = "text/html" });

        var exception = CreateFails();

        Assert.That(exception.OutcomeUnknown, Is.True, "the session may exist: look it up by reference id");
        Assert.That(exception.Message, Does.StartWith("Tamara answered HTTP 502").And.Not.Contain("<html>"));
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }

    [TestCase("""{ "checkout_id": "c" }""")]
    [TestCase("""{ "order_id": "o" }""")]
    [TestCase("""{ "checkout_id": "c", "order_id": """)]
    [TestCase("")]
    public void An_answer_without_both_ids_is_an_invalid_response_with_unknown_outcome(string body)
    {
        Server.Enqueue(200, body);

        var exception = CreateFails();

        Assert.That(exception.Kind, Is.EqualTo(TamaraErrorKind.InvalidResponse));
    }

    [TestCase("not json at all")]
    [TestCase("""{ "errors": "something broke" }""")]
    [TestCase("")]
    public void Error_bodies_of_any_shape_still_give_an_exception(string body)
    {
        Server.Enqueue(400, body);

        var exception = CreateFails();

        Assert.That(exception.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(exception.Message, Is.Not.Empty);
    }
}
