using System.Net;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Api;

/// <summary>
/// Answers no API should give, as a CDN, a proxy or a broken connection produce them: each ends in a clear exception that
/// says whether the call may have taken effect, never in HTML text, and a call that may not be repeated is sent once
/// </summary>
[TestFixture]
public class TamaraClientHostileAnswerTests : TamaraApiTestBase
{
    private const string BlockedPage =
        "<!DOCTYPE html><html><head><title>403 Forbidden</title></head><body><h1>Access denied</h1><p>Reference #18.5f2c</p></body></html>";

    private static readonly Dictionary<string, string> _html = new() { ["Content-Type"] = "text/html; charset=utf-8" };

    private static readonly CreateInStoreSessionRequest _session = new()
    {
        TotalAmount = new TamaraMoney(300, "SAR"), PhoneNumber = "534274516", OrderReferenceId = "ref-1"
    };

    private static readonly SimplifiedRefundRequest _refund = new() { TotalAmount = new TamaraMoney(100, "SAR"), Comment = "c" };

    [Test]
    public void A_cdns_html_403_says_the_api_was_blocked_without_its_html_and_is_not_retried()
    {
        Server.Enqueue(403, BlockedPage, _html).Enqueue(403, BlockedPage, _html).Enqueue(403, BlockedPage, _html);

        var exception = Assert.ThrowsAsync<TamaraApiException>(() => CreateClient().GetOrderAsync(Settings(), "o-1"));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.Kind, Is.EqualTo(TamaraErrorKind.Blocked));
            Assert.That(exception.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(exception.Message, Does.Contain("Tamara's API was blocked"));
            Assert.That(exception.Message, Does.Not.Contain("<").And.Not.Contain("Access denied"));
            Assert.That(exception.OutcomeUnknown, Is.False, "the call never reached Tamara");
            Assert.That(exception.IsTransient, Is.False);
            Assert.That(Server.Requests, Has.Count.EqualTo(1), "a blocked call is not hammered");
            Assert.That(AllLogText, Does.Not.Contain("Access denied"));
        });
    }

    [Test]
    public void An_html_403_without_a_content_type_is_recognised_by_its_text()
    {
        Server.Enqueue(403, "  <html><body>Request blocked</body></html>", new Dictionary<string, string> { ["Content-Type"] = "application/octet-stream" });

        var exception = Assert.ThrowsAsync<TamaraApiException>(() => CreateClient().CreateInStoreSessionAsync(Settings(), _session));

        Assert.That(exception!.Kind, Is.EqualTo(TamaraErrorKind.Blocked));
    }

    [Test]
    public void Tamaras_own_json_403_stays_tamaras_refusal()
    {
        Server.Enqueue(403, """{"message":"Forbidden: merchant is not allowed"}""");

        var exception = Assert.ThrowsAsync<TamaraApiException>(() => CreateClient().CreateInStoreSessionAsync(Settings(), _session));

        Assert.That((exception!.Kind, exception.Message), Is.EqualTo((TamaraErrorKind.Api, "Forbidden: merchant is not allowed")));
    }

    [Test]
    public void An_html_404_is_not_read_as_no_such_order()
    {
        Server.Enqueue(404, "<html><body>Not Found</body></html>", _html);

        var exception = Assert.ThrowsAsync<TamaraApiException>(() => CreateClient().GetOrderByReferenceIdAsync(Settings(), "ref-1"));

        Assert.That(exception!.Kind, Is.EqualTo(TamaraErrorKind.Blocked));
    }

    [Test]
    public void An_html_502_from_a_gateway_leaves_the_outcome_unknown_and_a_refund_is_sent_once()
    {
        Server.Enqueue(502, "<html><body><h1>502 Bad Gateway</h1></body></html>", _html).Enqueue(200, GuideSamples.RefundFull);

        var exception = Assert.ThrowsAsync<TamaraApiException>(() => CreateClient().SimplifiedRefundAsync(Settings(), "o-1", _refund));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.OutcomeUnknown, Is.True, "the gateway may have passed the refund on");
            Assert.That(exception.Message, Does.Not.Contain("<h1>"));
            Assert.That(AllLogText, Does.Not.Contain("<h1>"), "a web page is not written to the log, debug logging or not");
            Assert.That(Server.Requests, Has.Count.EqualTo(1));
        });
    }

    [TestCase("")]
    [TestCase("<!DOCTYPE html><html><body>Checking your browser</body></html>")]
    [TestCase("OK")]
    public void A_200_without_json_to_a_session_create_is_an_unknown_outcome_sent_once(string body)
    {
        Server.Enqueue(200, body, body.StartsWith('<') ? _html : null).Enqueue(200, GuideSamples.CreateSessionResponse);

        var exception = Assert.ThrowsAsync<TamaraApiException>(() => CreateClient().CreateInStoreSessionAsync(Settings(), _session));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.Kind, Is.EqualTo(TamaraErrorKind.InvalidResponse));
            Assert.That(exception.OutcomeUnknown, Is.True, "Tamara may have created the session: look it up by reference");
            Assert.That(exception.Message, Does.Not.Contain("Checking your browser"));
            Assert.That(Server.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void A_connection_reset_in_the_middle_of_a_refund_answer_is_an_unknown_outcome_sent_once()
    {
        Server.EnqueueResetMidBody(GuideSamples.RefundFull).Enqueue(200, GuideSamples.RefundFull);

        var exception = Assert.ThrowsAsync<TamaraApiException>(() => CreateClient().SimplifiedRefundAsync(Settings(), "o-1", _refund));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.Kind, Is.EqualTo(TamaraErrorKind.Network));
            Assert.That(exception.OutcomeUnknown, Is.True);
            Assert.That(Server.Requests, Has.Count.EqualTo(1), "a refund is never sent twice");
        });
    }

    [Test]
    public async Task A_connection_reset_in_the_middle_of_a_read_is_tried_again()
    {
        Server.EnqueueResetMidBody(GuideSamples.OrderNew).Enqueue(200, GuideSamples.OrderNew);

        var order = await CreateClient().GetOrderAsync(Settings(), "o-1");

        Assert.That(order.OrderId, Is.Not.Empty);
        Assert.That(Server.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public void A_body_that_trickles_slower_than_the_timeout_ends_at_the_timeout_and_a_create_is_sent_once()
    {
        Server.EnqueueTrickle(GuideSamples.CreateSessionResponse, TimeSpan.FromMilliseconds(100)).Enqueue(200, GuideSamples.CreateSessionResponse);

        var exception = Assert.ThrowsAsync<TamaraApiException>(() => CreateClient().CreateInStoreSessionAsync(Settings(timeoutSeconds: 1), _session));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.Kind, Is.EqualTo(TamaraErrorKind.Timeout), "the timeout covers the body, not only the headers");
            Assert.That(exception.OutcomeUnknown, Is.True);
            Assert.That(Server.Requests, Has.Count.EqualTo(1));
        });
    }
}
