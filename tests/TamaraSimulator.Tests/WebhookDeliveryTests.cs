using System.Net;
using TamaraSimulator.Tests.Support;

namespace TamaraSimulator.Tests;

public class WebhookDeliveryTests : SimulatorTestBase
{
    private WebhookReceiver _receiver = null!;

    [SetUp]
    public async Task StartReceiver() => _receiver = await WebhookReceiver.StartAsync();

    [TearDown]
    public async Task StopReceiver() => await _receiver.DisposeAsync();

    private async Task<string> RegisterAsync(params string[] events)
    {
        var eventList = events.Length > 0 ? events : [.. EventTypes.All];
        var answer = await Api.PostAsync("webhooks", new JsonObject
        {
            ["type"] = "order",
            ["events"] = new JsonArray(eventList.Select(e => (JsonNode)JsonValue.Create(e)).ToArray()),
            ["url"] = _receiver.Url,
            ["headers"] = new JsonObject { ["X-Merchant-Secret"] = "abc" },
        });
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Text);
        return answer.Body.Str("webhook_id");
    }

    [Test]
    public async Task Webhooks_can_be_registered_listed_read_and_deleted()
    {
        var id = await RegisterAsync("order_captured");

        Assert.That((await Api.GetJsonAsync("webhooks")).Body!.AsArray().Single()!.Str("webhook_id"), Is.EqualTo(id));
        var one = await Api.GetJsonAsync($"webhooks/{id}");
        Assert.That(one.Body.Str("url"), Is.EqualTo(_receiver.Url));
        Assert.That(one.Body!["headers"]!.Str("X-Merchant-Secret"), Is.EqualTo("abc"));

        Assert.That((await Api.SendAsync(HttpMethod.Delete, $"webhooks/{id}")).Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await Api.GetJsonAsync($"webhooks/{id}")).Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("https://example.com/hook", "order_captured")]
    [TestCase("not a url", "order_captured")]
    [TestCase("http://127.0.0.1:1/hook", "order_teleported")]
    public async Task Invalid_registration_is_400(string url, string eventType)
    {
        var answer = await Api.PostAsync("webhooks", new JsonObject
        {
            ["type"] = "order",
            ["events"] = new JsonArray(eventType),
            ["url"] = url,
        });

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Deliveries_are_signed_hs256_with_the_notification_token_in_query_and_header()
    {
        await RegisterAsync();
        var orderId = await CreatePaidOrderAsync();

        var received = await _receiver.WaitForAsync(r => r.Count >= 3);

        Assert.That(received.Select(r => r.EventType), Is.EqualTo(new[] { "order_approved", "order_authorised", "order_captured" }));
        foreach (var notification in received)
        {
            Assert.That(notification.Authorization, Is.EqualTo("Bearer " + notification.QueryToken));
            Assert.That(notification.Headers["X-Merchant-Secret"], Is.EqualTo("abc"));
            var (header, claims) = Hs256.VerifyAndRead(notification.QueryToken!, "sim-notification-token");
            Assert.That(header.Str("alg"), Is.EqualTo("HS256"));
            Assert.That(header.Str("typ"), Is.EqualTo("JWT"));
            Assert.That(claims.Str("iss"), Is.EqualTo("Tamara"));
            var iat = claims["iat"]!.GetValue<long>();
            Assert.That(claims["exp"]!.GetValue<long>(), Is.EqualTo(iat + 300));
            Assert.That(iat, Is.EqualTo(Clock.GetUtcNow().ToUnixTimeSeconds()).Within(2));
            Assert.That(Hs256.SignatureValid(notification.QueryToken!, "some-other-secret"), Is.False);

            var body = notification.Json;
            Assert.That(body.Str("order_id"), Is.EqualTo(orderId));
            Assert.That(body.Str("order_number"), Is.EqualTo("A1231234123"));
            Assert.That(body["order_reference_id"], Is.Not.Null);
        }

        Assert.That(received[0].Json["data"], Is.InstanceOf<JsonArray>(), "events without data carry []");
        var captured = received[2].Json["data"]!;
        Assert.That(captured.Str("capture_id"), Is.EqualTo(Sim.State.FindOrder(orderId)!.Captures.Single().CaptureId));
        Assert.That(captured.Amount("captured_amount"), Is.EqualTo(300m));
    }

    [Test]
    public async Task Only_subscribed_events_are_delivered()
    {
        await RegisterAsync("order_captured");
        await CreatePaidOrderAsync();

        var received = await _receiver.WaitForAsync(r => r.Count >= 1);
        await Task.Delay(200);

        Assert.That(_receiver.Received.Select(r => r.EventType), Is.EqualTo(new[] { "order_captured" }));
        Assert.That(received, Is.Not.Empty);
    }

    [Test]
    public async Task Receiver_answering_500_gets_the_notification_again_with_backoff()
    {
        await RegisterAsync("order_captured");
        _receiver.FailNext(2);

        await CreatePaidOrderAsync();

        var received = await _receiver.WaitForAsync(r => r.Any(x => x.AnsweredStatus == 200));
        Assert.That(received.Select(r => r.AnsweredStatus), Is.EqualTo(new[] { 500, 500, 200 }));
        Assert.That(received.Select(r => r.Body).Distinct().Count(), Is.EqualTo(1), "the same notification is retried");
        Assert.That(await Sim.WaitUntilAsync(s => s.DeliveryAttempts.Count == 3, TimeSpan.FromSeconds(2)), Is.True);
        var attempts = Sim.State.DeliveryAttempts;
        Assert.That(attempts.Select(a => a.Outcome), Is.EqualTo(new[] { "failed", "failed", "delivered" }));
        Assert.That(attempts.Select(a => a.Attempt), Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(attempts[0].StatusCode, Is.EqualTo(500));
        Assert.That(attempts[2].At - attempts[0].At, Is.EqualTo(TimeSpan.Zero), "the simulated clock does not move by itself");
    }

    [Test]
    public async Task Unreachable_receiver_is_retried_then_given_up()
    {
        await RestartAsync(o => { o.NotificationMaxAttempts = 3; o.NotificationRetryInitialDelayMs = 20; });
        var port = new Uri(_receiver.Url).Port;
        await _receiver.DisposeAsync();
        Sim.State.RegisterWebhook("order", ["order_captured"], $"http://127.0.0.1:{port}/tamara/notifications");
        _receiver = await WebhookReceiver.StartAsync();

        await CreatePaidOrderAsync();

        Assert.That(await Sim.WaitUntilAsync(s => s.DeliveryAttempts.Any(a => a.Outcome == "gave_up"), TimeSpan.FromSeconds(5)), Is.True);
        Assert.That(Sim.State.DeliveryAttempts.Count(a => a.Outcome == "failed"), Is.EqualTo(3));
    }

    [Test]
    public async Task Duplicate_fault_delivers_every_notification_twice()
    {
        await RegisterAsync("order_approved", "order_captured");
        Sim.Faults.Update(f => f.DuplicateNotifications = true);

        await CreatePaidOrderAsync();

        var received = await _receiver.WaitForAsync(r => r.Count >= 4);
        Assert.That(received.Select(r => r.EventType), Is.EqualTo(new[] { "order_approved", "order_approved", "order_captured", "order_captured" }));
    }

    [Test]
    public async Task Out_of_order_fault_delivers_captured_before_approved()
    {
        await RegisterAsync();
        Sim.Faults.Update(f => f.OutOfOrderNotifications = true);

        await CreatePaidOrderAsync();

        var received = await _receiver.WaitForAsync(r => r.Count >= 3);
        Assert.That(received.Select(r => r.EventType), Is.EqualTo(new[] { "order_captured", "order_authorised", "order_approved" }));
        Assert.That(Sim.State.Notifications.Select(n => n.EventType), Is.EqualTo(new[] { "order_approved", "order_authorised", "order_captured" }),
            "the raised order stays right; only delivery is shuffled");
    }

    [Test]
    public async Task Drop_fault_loses_the_first_attempt_and_the_retry_arrives()
    {
        await RegisterAsync("order_captured");
        Sim.Faults.Update(f => f.DropNotificationAttempts = 1);

        await CreatePaidOrderAsync();

        var received = await _receiver.WaitForAsync(r => r.Count >= 1);
        Assert.That(received, Has.Count.EqualTo(1));
        Assert.That(await Sim.WaitUntilAsync(s => s.DeliveryAttempts.Count == 2, TimeSpan.FromSeconds(2)), Is.True);
        Assert.That(Sim.State.DeliveryAttempts.Select(a => a.Outcome), Is.EqualTo(new[] { "dropped", "delivered" }));
    }

    [Test]
    public async Task Refund_expiry_and_void_events_are_delivered()
    {
        await RegisterAsync();
        var paid = await CreatePaidOrderAsync();
        await Api.PostAsync($"payments/simplified-refund/{paid}", Requests.Refund(300m));
        var (toExpire, _) = await CreateSessionAsync();
        Sim.State.ExpireNow(toExpire);
        var (toVoid, checkoutId) = await CreateSessionAsync();
        await Api.PostAsync($"checkout/{checkoutId}/void?order_id={toVoid}");

        var received = await _receiver.WaitForAsync(r => r.Count >= 6);

        Assert.That(received.Skip(3).Select(r => r.EventType), Is.EqualTo(new[] { "order_refunded", "order_expired", "order_canceled" }));
    }
}
