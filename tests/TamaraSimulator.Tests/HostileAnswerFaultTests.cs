using System.Diagnostics;
using System.Net;
using TamaraSimulator.Tests.Support;

namespace TamaraSimulator.Tests;

/// <summary>Answers no JSON client expects: a CDN's HTML page, an HTML 200, a connection reset mid-body, a body that trickles</summary>
public class HostileAnswerFaultTests : SimulatorTestBase
{
    [Test]
    public async Task A_blocked_call_gets_a_403_html_page_and_is_not_processed()
    {
        Sim.Faults.FailNext(FaultKind.BlockedHtml);

        var answer = await Api.PostAsync("checkout/in-store-session", Requests.Session("r-blocked"));

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(answer.Response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
        Assert.That(answer.Text, Does.StartWith("<!DOCTYPE html>"));
        Assert.That(Sim.State.Orders, Is.Empty, "the call never reached Tamara");
        Assert.That(Sim.Faults.History.Single().Kind, Is.EqualTo(FaultKind.BlockedHtml));
    }

    [Test]
    public async Task A_non_json_body_answers_200_with_an_html_page_after_processing_the_call()
    {
        Sim.Faults.FailNext(FaultKind.NonJsonBody);

        var answer = await Api.PostAsync("checkout/in-store-session", Requests.Session("r-html"));

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(answer.Response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
        Assert.That(answer.Body, Is.Null, "not JSON");
        Assert.That(Sim.State.FindOrderByReference("r-html"), Is.Not.Null, "the session was created");
    }

    [Test]
    public async Task A_reset_in_the_middle_of_the_body_breaks_the_read_after_processing_the_call()
    {
        Sim.Faults.FailNext(FaultKind.ResetMidBody);

        Assert.CatchAsync<HttpRequestException>(() => Api.PostAsync("checkout/in-store-session", Requests.Session("r-reset")));

        Assert.That(Sim.State.FindOrderByReference("r-reset"), Is.Not.Null, "the session was created");
        Assert.That((await Api.PostAsync("checkout/in-store-session", Requests.Session("r-after"))).Status, Is.EqualTo(HttpStatusCode.OK),
            "the next call is answered normally");
    }

    [Test]
    public async Task A_trickling_body_outlasts_a_client_timeout_after_processing_the_call()
    {
        var (orderId, _) = await CreateSessionAsync();
        Sim.Faults.Update(f => f.TrickleByteDelayMs = 200);
        Sim.Faults.FailNext(FaultKind.Trickle);
        using var impatient = Sim.CreateApiClient(TimeSpan.FromSeconds(2));

        var watch = Stopwatch.StartNew();
        Assert.CatchAsync<OperationCanceledException>(() => impatient.GetJsonAsync($"merchants/orders/{orderId}"));

        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "the client gave up at its timeout");
        Assert.That((await Api.GetJsonAsync($"merchants/orders/{orderId}")).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_trickling_body_arrives_whole_when_the_client_waits()
    {
        Sim.Faults.Update(f => f.TrickleByteDelayMs = 1);
        Sim.Faults.FailNext(FaultKind.Trickle);

        var answer = await Api.GetJsonAsync("webhooks");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(answer.Text, Is.EqualTo("[]"));
    }

    [Test]
    public async Task The_hostile_answers_can_be_set_over_http()
    {
        using var control = new HttpClient { BaseAddress = Sim.BaseAddress };

        var put = await control.SendAsync(HttpMethod.Put, "_sim/faults", new JsonObject
        {
            ["blocked_html_next_calls"] = 1,
            ["non_json_body_next_calls"] = 2,
            ["reset_mid_body_next_calls"] = 3,
            ["trickle_next_calls"] = 4,
            ["trickle_byte_delay_ms"] = 50,
        });

        Assert.That(put.Status, Is.EqualTo(HttpStatusCode.OK), put.Text);
        var current = Sim.Faults.Current;
        Assert.That((current.BlockedHtmlNextCalls, current.NonJsonBodyNextCalls, current.ResetMidBodyNextCalls, current.TrickleNextCalls,
            current.TrickleByteDelayMs), Is.EqualTo((1, 2, 3, 4, 50)));
    }
}
