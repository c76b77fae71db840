using System.Net;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Api;

[TestFixture]
public class TamaraClientErrorTests : TamaraApiTestBase
{
    private static readonly CreateInStoreSessionRequest _session = new()
    {
        TotalAmount = new TamaraMoney(300, "SAR"), PhoneNumber = "534274516", OrderReferenceId = "ref-1"
    };

    private static readonly SimplifiedRefundRequest _refund = new() { TotalAmount = new TamaraMoney(100, "SAR"), Comment = "c" };

    private TamaraApiException CreateSessionFails() =>
        Assert.ThrowsAsync<TamaraApiException>(() => CreateClient().CreateInStoreSessionAsync(Settings(), _session));

    [Test]
    public void Validation_error_carries_message_codes_and_endpoint()
    {
        Server.Enqueue(400, """
            { "message": "Invalid request", "errors": [ { "error_code": "invalid_phone_number", "error_message": "The phone number is invalid" },
                                                      { "error_code": "total_amount_invalid_limit", "message": "Amount above limit" } ] }
            """);

        var exception = CreateSessionFails();

        Assert.Multiple(() =>
        {
            Assert.That(exception.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(exception.Kind, Is.EqualTo(TamaraErrorKind.Api));
            Assert.That(exception.Message, Does.StartWith("Invalid request"));
            Assert.That(exception.Message, Does.Contain("The phone number is invalid"));
            Assert.That(exception.ErrorCodes, Is.EqualTo(new[] { "invalid_phone_number", "total_amount_invalid_limit" }));
            Assert.That(exception.Endpoint, Is.EqualTo("POST /checkout/in-store-session"));
            Assert.That(exception.IsTransient, Is.False);
            Assert.That(exception.OutcomeUnknown, Is.False);
        });
    }

    [TestCase(401, HttpStatusCode.Unauthorized, """{"message":"Unauthorized"}""", "Unauthorized")]
    [TestCase(403, HttpStatusCode.Forbidden, """{"message":"Forbidden: merchant is not allowed"}""", "Forbidden: merchant is not allowed")]
    [TestCase(404, HttpStatusCode.NotFound, """{"message":"Order not found"}""", "Order not found")]
    [TestCase(409, HttpStatusCode.Conflict, """{"message":"Order can not be voided","errors":[{"error_code":"order_not_new"}]}""", "Order can not be voided")]
    [TestCase(422, HttpStatusCode.UnprocessableEntity, """{"message":"Unprocessable","errors":{"total_amount":["must be positive"]}}""", "Unprocessable: total_amount: must be positive")]
    public void Client_errors_are_not_transient_and_not_retried(int status, HttpStatusCode expected, string body, string message)
    {
        Server.Enqueue(status, body).Enqueue(200, GuideSamples.OrderNew);

        var exception = Assert.ThrowsAsync<TamaraApiException>(() => CreateClient().GetOrderAsync(Settings(), "o-1"));

        Assert.That(exception!.StatusCode, Is.EqualTo(expected));
        Assert.That(exception.Message, Is.EqualTo(message));
        Assert.That(exception.IsTransient, Is.False);
        Assert.That(exception.Endpoint, Is.EqualTo("GET /merchants/orders/o-1"));
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void Rate_limit_is_transient_with_retry_after()
    {
        Server.Enqueue(429, """{"message":"Too many requests"}""", new Dictionary<string, string> { ["Retry-After"] = "7" });

        var exception = CreateSessionFails();

        Assert.That(exception.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(exception.IsTransient, Is.True);
        Assert.That(exception.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(7)));
        Assert.That(exception.OutcomeUnknown, Is.False);
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }

    [TestCase(500)]
    [TestCase(502)]
    [TestCase(503)]
    public void Server_errors_are_transient_with_unknown_outcome(int status)
    {
        Server.Enqueue(status, "<html><body><h1>Bad gateway</h1></body></html>", new Dictionary<string, string> { ["Content-Type"] = "text/html" });

        var exception = CreateSessionFails();

        Assert.That((int)exception.StatusCode!, Is.EqualTo(status));
        Assert.That(exception.IsTransient, Is.True);
        Assert.That(exception.OutcomeUnknown, Is.True);
        Assert.That(exception.Message, Does.StartWith($"Tamara answered HTTP {status}"));
        Assert.That(exception.Message, Does.Not.Contain("<html>"));
    }

    [Test]
    public void Malformed_json_in_a_success_is_an_invalid_response()
    {
        Server.Enqueue(200, """{ "checkout_id": "c", "order_id": """);

        var exception = CreateSessionFails();

        Assert.That(exception.Kind, Is.EqualTo(TamaraErrorKind.InvalidResponse));
        Assert.That(exception.IsTransient, Is.False);
        Assert.That(exception.OutcomeUnknown, Is.True, "the session may exist: look it up by reference id");
    }

    [Test]
    public void Html_in_a_success_is_an_invalid_response()
    {
        Server.Enqueue(200, "<html>maintenance</html>", new Dictionary<string, string> { ["Content-Type"] = "text/html" });

        var exception = Assert.ThrowsAsync<TamaraApiException>(() => CreateClient().GetOrderAsync(Settings(), "o-1"));

        Assert.That(exception!.Kind, Is.EqualTo(TamaraErrorKind.InvalidResponse));
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }

    [TestCase(200, "")]
    [TestCase(204, null)]
    [TestCase(200, "null")]
    public void Empty_success_where_a_body_is_required_is_an_invalid_response(int status, string body)
    {
        Server.Enqueue(status, body);

        var exception = Assert.ThrowsAsync<TamaraApiException>(() => CreateClient().GetOrderAsync(Settings(), "o-1"));

        Assert.That(exception!.Kind, Is.EqualTo(TamaraErrorKind.InvalidResponse));
    }

    [Test]
    public void Session_answer_without_ids_is_an_invalid_response()
    {
        Server.Enqueue(200, """{ "checkout_id": "c" }""");

        Assert.That(CreateSessionFails().Kind, Is.EqualTo(TamaraErrorKind.InvalidResponse));
    }

    [TestCase("")]
    [TestCase("not json at all")]
    [TestCase("""{ "errors": "something broke" }""")]
    public void Error_bodies_of_any_shape_still_give_an_exception(string body)
    {
        Server.Enqueue(400, body);

        var exception = CreateSessionFails();

        Assert.That(exception.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(exception.Message, Is.Not.Empty);
    }

    [Test]
    public void Timeout_is_transient_with_unknown_outcome_and_create_is_not_retried()
    {
        Server.Enqueue(200, GuideSamples.CreateSessionResponse, delay: TimeSpan.FromSeconds(5));

        var exception = Assert.ThrowsAsync<TamaraApiException>(() => CreateClient().CreateInStoreSessionAsync(Settings(timeoutSeconds: 1), _session));

        Assert.That(exception!.Kind, Is.EqualTo(TamaraErrorKind.Timeout));
        Assert.That(exception.StatusCode, Is.Null);
        Assert.That(exception.IsTransient, Is.True);
        Assert.That(exception.OutcomeUnknown, Is.True);
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void Refund_after_timeout_is_not_retried()
    {
        Server.Enqueue(200, GuideSamples.RefundFull, delay: TimeSpan.FromSeconds(5)).Enqueue(200, GuideSamples.RefundFull);

        var exception = Assert.ThrowsAsync<TamaraApiException>(() => CreateClient().SimplifiedRefundAsync(Settings(timeoutSeconds: 1), "o-1", _refund));

        Assert.That(exception!.Kind, Is.EqualTo(TamaraErrorKind.Timeout));
        Assert.That(exception.OutcomeUnknown, Is.True);
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void Caller_cancellation_passes_through()
    {
        Server.Enqueue(200, GuideSamples.OrderNew, delay: TimeSpan.FromSeconds(5));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        Assert.CatchAsync<OperationCanceledException>(() => CreateClient().GetOrderAsync(Settings(timeoutSeconds: 3), "o-1", cancellation.Token));
        Assert.That(Server.Requests, Has.Count.EqualTo(1), "cancellation is not retried");
        Assert.That(Logs.Where(log => log.Level == Core.Domain.Logging.LogLevel.Error), Is.Empty);
    }

    [Test]
    public void Already_cancelled_token_makes_no_call()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.CatchAsync<OperationCanceledException>(() => CreateClient().CreateInStoreSessionAsync(Settings(), _session, cancellation.Token));
        Assert.That(Server.Requests, Is.Empty);
    }

    [Test]
    public void Connection_failure_is_a_network_error()
    {
        var settings = Settings();
        settings.ApiBaseUrlOverride = "http://127.0.0.1:1";

        var exception = Assert.ThrowsAsync<TamaraApiException>(() => CreateClient().CreateInStoreSessionAsync(settings, _session));

        Assert.That(exception!.Kind, Is.EqualTo(TamaraErrorKind.Network));
        Assert.That(exception.IsTransient, Is.True);
        Assert.That(exception.OutcomeUnknown, Is.True);
    }

    [TestCase(null, null)]
    [TestCase("", null)]
    [TestCase("   ", null)]
    [TestCase("token", "not a url")]
    [TestCase("token", "ftp://example.com")]
    public void Missing_configuration_makes_no_call(string token, string baseUrl)
    {
        var settings = Settings();
        settings.ApiToken = token;
        settings.ApiBaseUrlOverride = baseUrl ?? Server.BaseUrl;

        var exception = Assert.ThrowsAsync<TamaraApiException>(() => CreateClient().GetOrderAsync(settings, "o-1"));

        Assert.That(exception!.Kind, Is.EqualTo(TamaraErrorKind.Configuration));
        Assert.That(exception.OutcomeUnknown, Is.False);
        Assert.That(Server.Requests, Is.Empty);
    }

    [Test]
    public void Sandbox_and_live_urls_come_from_the_defaults()
    {
        Assert.That(TamaraInStoreDefaults.SandboxBaseUrl, Is.EqualTo("https://api-sandbox.tamara.co"));
        Assert.That(TamaraInStoreDefaults.LiveBaseUrl, Is.EqualTo("https://api.tamara.co"));
    }
}
