using System.Net;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Api;

[TestFixture]
public class TamaraClientRetryTests : TamaraApiTestBase
{
    [Test]
    public async Task Get_after_503_then_200_succeeds_with_two_requests()
    {
        Server.Enqueue(503, """{"message":"Service unavailable"}""").Enqueue(200, GuideSamples.OrderFullyCaptured);

        var order = await CreateClient().GetOrderAsync(Settings(), "o-1");

        Assert.That(order.Status, Is.EqualTo(TamaraOrderStatus.FullyCaptured));
        Assert.That(Server.Requests, Has.Count.EqualTo(2));
        Assert.That(RetryDelays, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Retry_after_of_429_is_honoured()
    {
        Server.Enqueue(429, """{"message":"Slow down"}""", new Dictionary<string, string> { ["Retry-After"] = "3" })
            .Enqueue(200, """[]""");

        await CreateClient().GetWebhooksAsync(Settings());

        Assert.That(RetryDelays, Is.EqualTo(new[] { TimeSpan.FromSeconds(3) }));
        Assert.That(Server.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Retry_after_as_http_date_is_honoured()
    {
        var date = DateTimeOffset.UtcNow.AddSeconds(5).ToString("R");
        Server.Enqueue(503, null, new Dictionary<string, string> { ["Retry-After"] = date }).Enqueue(200, GuideSamples.OrderNew);

        await CreateClient().GetOrderAsync(Settings(), "o-1");

        Assert.That(RetryDelays.Single(), Is.InRange(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void Gives_up_after_three_attempts()
    {
        Server.Enqueue(500).Enqueue(502).Enqueue(503).Enqueue(200, GuideSamples.OrderNew);

        var exception = Assert.ThrowsAsync<TamaraApiException>(() => CreateClient().GetOrderAsync(Settings(), "o-1"));

        Assert.That(exception!.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(Server.Requests, Has.Count.EqualTo(3));
        Assert.That(RetryDelays, Has.Count.EqualTo(2));
        Assert.That(RetryDelays[1], Is.GreaterThan(RetryDelays[0]), "exponential backoff");
    }

    [Test]
    public async Task Get_is_retried_after_a_timeout()
    {
        Server.Enqueue(200, GuideSamples.OrderNew, delay: TimeSpan.FromSeconds(5)).Enqueue(200, GuideSamples.OrderFullyCaptured);

        var order = await CreateClient().GetOrderAsync(Settings(timeoutSeconds: 1), "o-1");

        Assert.That(order.Status, Is.EqualTo(TamaraOrderStatus.FullyCaptured));
        Assert.That(Server.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public void Create_session_after_500_is_not_retried()
    {
        Server.Enqueue(500).Enqueue(200, GuideSamples.CreateSessionResponse);

        var exception = Assert.ThrowsAsync<TamaraApiException>(() => CreateClient().CreateInStoreSessionAsync(Settings(),
            new CreateInStoreSessionRequest { TotalAmount = new TamaraMoney(1, "SAR"), PhoneNumber = "534274516", OrderReferenceId = "r" }));

        Assert.That(exception!.OutcomeUnknown, Is.True);
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
        Assert.That(RetryDelays, Is.Empty);
    }

    [Test]
    public void Qr_session_after_503_is_not_retried()
    {
        Server.Enqueue(503).Enqueue(200, GuideSamples.CreateSessionResponse);

        var exception = Assert.ThrowsAsync<TamaraApiException>(() => CreateClient().CreateInStoreQrSessionAsync(Settings(), "POS-1",
            new CreateInStoreQrSessionRequest { Amount = new TamaraMoney(1, "SAR") }));

        Assert.That(exception!.OutcomeUnknown, Is.True);
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void Refund_after_500_is_not_retried()
    {
        Server.Enqueue(500).Enqueue(200, GuideSamples.RefundFull);

        var exception = Assert.ThrowsAsync<TamaraApiException>(() => CreateClient().SimplifiedRefundAsync(Settings(), "o-1",
            new SimplifiedRefundRequest { TotalAmount = new TamaraMoney(1, "SAR"), Comment = "c" }));

        Assert.That(exception!.OutcomeUnknown, Is.True);
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void Rate_limited_refund_is_not_retried_either()
    {
        Server.Enqueue(429, null, new Dictionary<string, string> { ["Retry-After"] = "1" }).Enqueue(200, GuideSamples.RefundFull);

        Assert.ThrowsAsync<TamaraApiException>(() => CreateClient().SimplifiedRefundAsync(Settings(), "o-1",
            new SimplifiedRefundRequest { TotalAmount = new TamaraMoney(1, "SAR"), Comment = "c" }));
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Void_is_retried_because_voiding_twice_changes_nothing()
    {
        Server.Enqueue(502).Enqueue(200, """{ "order_was_voided": true }""");

        var response = await CreateClient().VoidCheckoutSessionAsync(Settings(), "c-1", "o-1");

        Assert.That(response.OrderWasVoided, Is.True);
        Assert.That(Server.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Idempotent_calls_are_retried()
    {
        Server.Enqueue(503).Enqueue(204);
        await CreateClient().DeleteWebhookAsync(Settings(), "wh-1");

        Server.Enqueue(503).Enqueue(200, """{ "message": "ok" }""");
        await CreateClient().UpdateOrderReferenceIdAsync(Settings(), "o-1", "r-1");

        Server.Enqueue(503).Enqueue(200, """{ "is_id_verified": true }""");
        await CreateClient().IsCustomerIdVerifiedAsync(Settings(), "534274516", "SA");

        Server.Enqueue(503).Enqueue(200, "[]");
        await CreateClient().GetPaymentTypesAsync(Settings(), "SA", "SAR");

        Server.Enqueue(503).Enqueue(404);
        await CreateClient().GetOrderByReferenceIdAsync(Settings(), "r-1");

        Assert.That(Server.Requests, Has.Count.EqualTo(10));
    }

    [Test]
    public void Get_is_not_retried_after_400()
    {
        Server.Enqueue(400, """{"message":"bad"}""").Enqueue(200, GuideSamples.OrderNew);

        Assert.ThrowsAsync<TamaraApiException>(() => CreateClient().GetOrderAsync(Settings(), "o-1"));
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void Webhook_registration_is_not_retried()
    {
        Server.Enqueue(500).Enqueue(200, """{ "webhook_id": "wh" }""");

        Assert.ThrowsAsync<TamaraApiException>(() => CreateClient().RegisterWebhookAsync(Settings(), new TamaraWebhook { Url = "https://x.example/w" }));
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }
}
