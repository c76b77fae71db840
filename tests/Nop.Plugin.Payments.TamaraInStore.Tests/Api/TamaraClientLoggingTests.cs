using Nop.Core.Domain.Logging;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Api;

[TestFixture]
public class TamaraClientLoggingTests : TamaraApiTestBase
{
    private const string Phone = "966534274516";
    private const string Email = "customer@emailhere.com";

    private static CreateInStoreSessionRequest Session() => new()
    {
        TotalAmount = new TamaraMoney(300, "SAR"), PhoneNumber = Phone, Email = Email, OrderReferenceId = "ref-1",
        Items = [new TamaraItem { Name = "Lego", Sku = "SA-1", Quantity = 1, Type = "Physical", ReferenceId = "1", TotalAmount = new TamaraMoney(300, "SAR") }]
    };

    private void AssertNothingSensitiveLogged()
    {
        var logged = AllLogText;
        Assert.That(logged, Does.Not.Contain(ApiToken));
        Assert.That(logged, Does.Not.Contain(Phone));
        Assert.That(logged, Does.Not.Contain("534274516"));
        Assert.That(logged, Does.Not.Contain(Email));
        Assert.That(logged, Does.Not.Contain("customer@email.com"));
        Assert.That(logged, Does.Not.Contain("966532298658"));
        Assert.That(logged, Does.Not.Contain("Mona"));
    }

    [Test]
    public async Task Debug_logging_writes_masked_request_and_response()
    {
        Server.Enqueue(200, GuideSamples.CreateSessionResponse).Enqueue(200, GuideSamples.OrderFullyCaptured);
        var client = CreateClient();

        await client.CreateInStoreSessionAsync(Settings(debugLogging: true), Session());
        await client.GetOrderAsync(Settings(debugLogging: true), "0ac038ef-de4a-491c-828e-b02ec0d4582d");

        Assert.That(Logs.Count(log => log.Level == LogLevel.Information), Is.EqualTo(4));
        Assert.That(AllLogText, Does.Contain("POST /checkout/in-store-session"));
        Assert.That(AllLogText, Does.Contain("*********516"));
        Assert.That(AllLogText, Does.Contain("c***@emailhere.com"));
        Assert.That(AllLogText, Does.Contain("fully_captured"));
        AssertNothingSensitiveLogged();
    }

    [Test]
    public async Task Without_debug_logging_a_success_logs_nothing()
    {
        Server.Enqueue(200, GuideSamples.CreateSessionResponse);

        await CreateClient().CreateInStoreSessionAsync(Settings(debugLogging: false), Session());

        Assert.That(Logs, Is.Empty);
    }

    [Test]
    public async Task Phone_in_the_query_is_masked()
    {
        Server.Enqueue(200, """{ "is_id_verified": true }""");

        await CreateClient().IsCustomerIdVerifiedAsync(Settings(debugLogging: true), Phone, "SA");

        Assert.That(AllLogText, Does.Contain("id-verification-status?phone_number="));
        AssertNothingSensitiveLogged();
    }

    [Test]
    public void Failure_is_logged_as_error_with_endpoint_status_message_and_codes()
    {
        Server.Enqueue(400, $$"""{ "message": "Invalid phone number {{Phone}}", "errors": [ { "error_code": "invalid_phone_number", "error_message": "{{Email}} rejected" } ] }""");

        var exception = Assert.ThrowsAsync<TamaraApiException>(() => CreateClient().CreateInStoreSessionAsync(Settings(debugLogging: false), Session()));

        var error = Logs.Single(log => log.Level == LogLevel.Error).Message;
        Assert.That(error, Does.Contain("POST /checkout/in-store-session"));
        Assert.That(error, Does.Contain("400"));
        Assert.That(error, Does.Contain("Invalid phone number"));
        Assert.That(error, Does.Contain("invalid_phone_number"));
        AssertNothingSensitiveLogged();
        Assert.That(exception!.Message, Does.Contain("Invalid phone number"), "staff see Tamara's message");
    }

    [Test]
    public void Failed_id_verification_does_not_log_the_phone()
    {
        Server.Enqueue(500).Enqueue(500).Enqueue(500);

        var exception = Assert.ThrowsAsync<TamaraApiException>(() => CreateClient().IsCustomerIdVerifiedAsync(Settings(), Phone, "SA"));

        Assert.That(exception!.Endpoint, Is.EqualTo("GET /merchants/customer/id-verification-status"));
        Assert.That(Logs.Count(log => log.Level == LogLevel.Warning), Is.EqualTo(2), "one per retry");
        Assert.That(Logs.Count(log => log.Level == LogLevel.Error), Is.EqualTo(1));
        AssertNothingSensitiveLogged();
    }

    [Test]
    public void Configuration_error_is_logged_without_the_token()
    {
        var settings = Settings();
        settings.ApiBaseUrlOverride = "not a url";

        Assert.ThrowsAsync<TamaraApiException>(() => CreateClient().GetOrderAsync(settings, "o-1"));

        Assert.That(Logs.Single().Level, Is.EqualTo(LogLevel.Error));
        AssertNothingSensitiveLogged();
    }
}
