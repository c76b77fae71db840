using System.Diagnostics;
using System.Net;
using TamaraSimulator.Tests.Support;

namespace TamaraSimulator.Tests;

public class FaultInjectionTests : SimulatorTestBase
{
    [Test]
    public async Task Next_calls_get_429_with_retry_after_then_the_call_succeeds()
    {
        Sim.Faults.Update(f => f.RetryAfterSeconds = 7);
        Sim.Faults.FailNext(FaultKind.TooManyRequests, 1);

        var limited = await Api.PostAsync("checkout/in-store-session", Requests.Session("r-429"));
        Assert.That(limited.Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(limited.Response.Headers.RetryAfter!.Delta, Is.EqualTo(TimeSpan.FromSeconds(7)));
        Assert.That(limited.FirstErrorCode(), Is.EqualTo("too_many_requests"));
        Assert.That(Sim.State.Orders, Is.Empty, "a rate-limited call is not processed");

        var retried = await Api.PostAsync("checkout/in-store-session", Requests.Session("r-429"));
        Assert.That(retried.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Exactly_the_next_n_calls_get_5xx()
    {
        Sim.Faults.Update(f => f.ServerErrorStatusCode = 503);
        Sim.Faults.FailNext(FaultKind.ServerError, 2);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await Api.GetJsonAsync("merchants/orders/none")).Status);
        }

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.NotFound }));
        Assert.That(Sim.Faults.Current.ServerErrorNextCalls, Is.EqualTo(0));
        Assert.That(Sim.Faults.History.Select(h => h.Kind), Is.EqualTo(new[] { FaultKind.ServerError, FaultKind.ServerError }));
    }

    [Test]
    public async Task Api_calls_are_counted_with_or_without_a_fault_and_pages_are_not()
    {
        Sim.Faults.FailNext(FaultKind.ServerError);

        await Api.GetJsonAsync("merchants/orders/none");
        await Api.GetJsonAsync("merchants/orders/none");
        using var page = new HttpClient { BaseAddress = Sim.BaseAddress };
        await page.GetAsync("sms");

        Assert.That(Sim.Faults.ApiCalls, Is.EqualTo(2));
    }

    [Test]
    public async Task A_dropped_answer_creates_the_session_and_resets_the_connection_without_an_answer()
    {
        Sim.Faults.FailNext(FaultKind.DropAnswer);

        Assert.ThrowsAsync<HttpRequestException>(() => Api.PostAsync("checkout/in-store-session", Requests.Session("r-dropped")),
            "the client gets no answer at all");

        var recovered = await Api.GetJsonAsync("merchants/orders/reference-id/r-dropped");
        Assert.That(recovered.Status, Is.EqualTo(HttpStatusCode.OK), "the session exists at Tamara and can be found by reference");
        Assert.That(Sim.State.Orders, Has.Count.EqualTo(1));
        Assert.That(Sim.Faults.History.Select(h => h.Kind), Is.EqualTo(new[] { FaultKind.DropAnswer }));
    }

    [Test]
    public async Task A_dropped_answer_comes_before_the_other_faults_so_the_look_up_after_it_can_fail()
    {
        Sim.Faults.FailNext(FaultKind.ServerError);
        Sim.Faults.FailNext(FaultKind.DropAnswer);

        Assert.ThrowsAsync<HttpRequestException>(() => Api.PostAsync("checkout/in-store-session", Requests.Session("r-dropped-2")));
        var lookUp = await Api.GetJsonAsync("merchants/orders/reference-id/r-dropped-2");

        Assert.That(lookUp.Status, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(Sim.State.Orders, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_dropped_answer_with_its_own_path_prefix_hits_only_that_path_while_other_faults_keep_theirs()
    {
        Sim.Faults.Update(f =>
        {
            f.DropAnswerPathPrefix = "/checkout/in-store-session";
            f.DropAnswerNextCalls = 1;
            f.PathPrefix = "/merchants/orders/reference-id";
            f.ServerErrorNextCalls = 1;
        });

        var unrelated = await Api.GetJsonAsync("merchants/orders/none");
        Assert.ThrowsAsync<HttpRequestException>(() => Api.PostAsync("checkout/in-store-session", Requests.Session("r-dropped-3")));
        var lookUp = await Api.GetJsonAsync("merchants/orders/reference-id/r-dropped-3");
        var again = await Api.GetJsonAsync("merchants/orders/reference-id/r-dropped-3");

        Assert.That((unrelated.Status, lookUp.Status, again.Status),
            Is.EqualTo((HttpStatusCode.NotFound, HttpStatusCode.InternalServerError, HttpStatusCode.OK)));
    }

    [Test]
    public async Task Malformed_body_fault_processes_the_call_but_cuts_the_json()
    {
        Sim.Faults.FailNext(FaultKind.MalformedJson);

        var answer = await Api.PostAsync("checkout/in-store-session", Requests.Session("r-malformed"));

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(answer.Text, Is.Not.Empty);
        Assert.That(answer.Body, Is.Null, "the body is not valid JSON");
        var recovered = await Api.GetJsonAsync("merchants/orders/reference-id/r-malformed");
        Assert.That(recovered.Status, Is.EqualTo(HttpStatusCode.OK), "the session exists and can be found by reference");
    }

    [Test]
    public async Task Empty_body_fault_answers_with_no_body()
    {
        var (orderId, _) = await CreateSessionAsync();
        Sim.Faults.FailNext(FaultKind.EmptyBody);

        var answer = await Api.GetJsonAsync($"merchants/orders/{orderId}");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(answer.Text, Is.Empty);
    }

    [Test]
    public async Task Hang_outlasts_the_client_timeout_and_then_calls_work_again()
    {
        Sim.Faults.Update(f => f.HangMs = 5000);
        Sim.Faults.FailNext(FaultKind.Hang);
        using var impatient = Sim.CreateApiClient(TimeSpan.FromMilliseconds(500));

        Assert.ThrowsAsync<TaskCanceledException>(() => impatient.PostAsync("checkout/in-store-session", Requests.Session("r-hang")));
        Assert.That(Sim.State.Orders, Is.Empty, "by default a hanging call is not processed");

        Assert.That((await Api.PostAsync("checkout/in-store-session", Requests.Session("r-hang"))).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Hang_after_processing_creates_the_session_although_the_client_timed_out()
    {
        await CreateSessionAsync(); // warm up, so the hanging call is processed well within the client's timeout
        Sim.Faults.Update(f => { f.HangMs = 5000; f.HangAfterProcessing = true; });
        Sim.Faults.FailNext(FaultKind.Hang);
        using var impatient = Sim.CreateApiClient(TimeSpan.FromMilliseconds(1500));

        Assert.ThrowsAsync<TaskCanceledException>(() => impatient.PostAsync("checkout/in-store-session", Requests.Session("r-hang-2")));

        Assert.That(await Sim.WaitUntilAsync(s => s.FindOrderByReference("r-hang-2") is not null, TimeSpan.FromSeconds(2)), Is.True);
    }

    [Test]
    public async Task Stopping_the_simulator_ends_a_hang_at_once()
    {
        Sim.Faults.Update(f => f.HangMs = 60_000);
        Sim.Faults.FailNext(FaultKind.Hang);
        var pending = Api.GetAsync("webhooks");
        await Task.Delay(200);

        var watch = Stopwatch.StartNew();
        await Sim.DisposeAsync();

        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        Assert.CatchAsync<Exception>(async () => (await pending).EnsureSuccessStatusCode());
        await RestartAsync(_ => { });
    }

    [Test]
    public async Task Path_prefix_limits_faults_to_matching_endpoints()
    {
        var orderId = await CreatePaidOrderAsync();
        Sim.Faults.Update(f => { f.PathPrefix = "/payments"; f.ServerErrorProbability = 1.0; });

        Assert.That((await Api.GetJsonAsync($"merchants/orders/{orderId}")).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Api.PostAsync($"payments/simplified-refund/{orderId}", Requests.Refund(10m))).Status,
            Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(Sim.State.FindOrder(orderId)!.RefundedAmount, Is.EqualTo(0m));
    }

    [Test]
    public async Task Latency_delays_api_answers()
    {
        Sim.Faults.Update(f => f.LatencyMs = 250);

        var watch = Stopwatch.StartNew();
        await Api.GetJsonAsync("merchants/orders/none");

        Assert.That(watch.ElapsedMilliseconds, Is.GreaterThanOrEqualTo(240));
    }

    [Test]
    public async Task Faults_can_be_set_over_http_and_read_back()
    {
        using var control = new HttpClient { BaseAddress = Sim.BaseAddress };

        var put = await control.SendAsync(HttpMethod.Put, "_sim/faults", new JsonObject
        {
            ["server_error_next_calls"] = 1,
            ["duplicate_notifications"] = true,
        });

        Assert.That(put.Status, Is.EqualTo(HttpStatusCode.OK), put.Text);
        Assert.That(Sim.Faults.Current.ServerErrorNextCalls, Is.EqualTo(1));
        Assert.That(Sim.Faults.Current.DuplicateNotifications, Is.True);
        Assert.That((await Api.GetJsonAsync("webhooks")).Status, Is.EqualTo(HttpStatusCode.InternalServerError));
        var read = await control.GetJsonAsync("_sim/faults");
        Assert.That(read.Body!["server_error_next_calls"]!.GetValue<int>(), Is.EqualTo(0));

        await control.PostAsync("_sim/faults/reset");
        Assert.That(Sim.Faults.Current.DuplicateNotifications, Is.False);
    }

    [Test]
    public async Task Faults_never_touch_the_control_api()
    {
        Sim.Faults.Update(f => f.ServerErrorProbability = 1.0);
        using var control = new HttpClient { BaseAddress = Sim.BaseAddress };

        Assert.That((await control.GetJsonAsync("_sim/orders")).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Faults_from_options_apply_from_the_start()
    {
        await RestartAsync(o => o.Faults = new FaultSettings { EmptyBodyNextCalls = 1 });

        Assert.That((await Api.GetJsonAsync("webhooks")).Text, Is.Empty);
        Assert.That((await Api.GetJsonAsync("webhooks")).Text, Is.EqualTo("[]"));
    }
}
