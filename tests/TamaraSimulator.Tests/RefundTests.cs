using System.Net;
using TamaraSimulator.Tests.Support;

namespace TamaraSimulator.Tests;

public class RefundTests : SimulatorTestBase
{
    [Test]
    public async Task Refund_before_capture_is_409()
    {
        var (orderId, _) = await CreateSessionAsync();

        var answer = await Api.PostAsync($"payments/simplified-refund/{orderId}", Requests.Refund(100m));

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(answer.FirstErrorCode(), Is.EqualTo("order_not_captured"));
    }

    [Test]
    public async Task Partial_then_full_refund()
    {
        var orderId = await CreatePaidOrderAsync();

        var first = await Api.PostAsync($"payments/simplified-refund/{orderId}", Requests.Refund(100m));
        Assert.That(first.Status, Is.EqualTo(HttpStatusCode.OK), first.Text);
        Assert.That(first.Body.Str("status"), Is.EqualTo("partially_refunded"));
        Assert.That(first.Body.Amount("refunded_amount"), Is.EqualTo(100m));
        Assert.That(first.Body.Str("order_id"), Is.EqualTo(orderId));
        Assert.That(first.Body.Str("comment"), Is.EqualTo("Refund for the order 123"));
        var captureId = Sim.State.FindOrder(orderId)!.Captures.Single().CaptureId;
        Assert.That(first.Body.Str("capture_id"), Is.EqualTo(captureId));

        var second = await Api.PostAsync($"payments/simplified-refund/{orderId}", Requests.Refund(200m));
        Assert.That(second.Body.Str("status"), Is.EqualTo("fully_refunded"));
        Assert.That(second.Body.Amount("refunded_amount"), Is.EqualTo(200m), "refunded_amount is the amount of this refund");
        Assert.That(second.Body.Str("refund_id"), Is.Not.EqualTo(first.Body.Str("refund_id")));

        var order = (await Api.GetJsonAsync($"merchants/orders/{orderId}")).Body;
        Assert.That(order.Str("status"), Is.EqualTo("fully_refunded"));
        Assert.That(order.Amount("refunded_amount"), Is.EqualTo(300m));
        Assert.That(order!["transactions"]!["refunds"]!.AsArray(), Has.Count.EqualTo(2));
        Assert.That(order["transactions"]!["captures"]![0]!.Amount("refunded_amount"), Is.EqualTo(300m));

        var refunded = Sim.State.Notifications.Where(n => n.EventType == "order_refunded").Select(n => JsonNode.Parse(n.PayloadJson)!).ToList();
        Assert.That(refunded, Has.Count.EqualTo(2));
        Assert.That(refunded[1]["data"]!.Str("refund_id"), Is.EqualTo(second.Body.Str("refund_id")));
        Assert.That(refunded[1]["data"]!.Str("capture_id"), Is.EqualTo(captureId));
        Assert.That(refunded[1]["data"]!.Amount("refunded_amount"), Is.EqualTo(200m));
        Assert.That(refunded[1]["data"]!.Str("comment"), Is.EqualTo("Refund for the order 123"));
    }

    [Test]
    public async Task Refund_above_the_refundable_amount_is_422()
    {
        var orderId = await CreatePaidOrderAsync();

        var tooMuch = await Api.PostAsync($"payments/simplified-refund/{orderId}", Requests.Refund(300.01m));
        Assert.That(tooMuch.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(tooMuch.FirstErrorCode(), Is.EqualTo("refund_amount_exceeds_refundable"));

        await Api.PostAsync($"payments/simplified-refund/{orderId}", Requests.Refund(100m));
        var rest = await Api.PostAsync($"payments/simplified-refund/{orderId}", Requests.Refund(250m));
        Assert.That(rest.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(Sim.State.FindOrder(orderId)!.RefundedAmount, Is.EqualTo(100m));
    }

    [Test]
    public async Task Same_merchant_refund_id_twice_returns_the_same_refund_and_refunds_once()
    {
        var orderId = await CreatePaidOrderAsync();

        var first = await Api.PostAsync($"payments/simplified-refund/{orderId}", Requests.Refund(100m, "m-1"));
        var second = await Api.PostAsync($"payments/simplified-refund/{orderId}", Requests.Refund(100m, "m-1"));

        Assert.That(second.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(second.Text, Is.EqualTo(first.Text));
        Assert.That(Sim.State.FindOrder(orderId)!.RefundedAmount, Is.EqualTo(100m));
        Assert.That(Sim.State.Notifications.Count(n => n.EventType == "order_refunded"), Is.EqualTo(1));
        Assert.That(Sim.State.FindOrder(orderId)!.Refunds.Single().MerchantRefundId, Is.EqualTo("m-1"));
    }

    [Test]
    public async Task Missing_comment_is_400()
    {
        var orderId = await CreatePaidOrderAsync();
        var body = Requests.Refund(100m);
        body.Remove("comment");

        var answer = await Api.PostAsync($"payments/simplified-refund/{orderId}", body);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.FirstErrorCode(), Is.EqualTo("comment_required"));
    }

    [Test]
    public async Task Refund_in_another_currency_is_422_and_unknown_order_404()
    {
        var orderId = await CreatePaidOrderAsync();
        var body = Requests.Refund(100m);
        body["total_amount"] = Requests.Money(100m, "AED");

        Assert.That((await Api.PostAsync($"payments/simplified-refund/{orderId}", body)).Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That((await Api.PostAsync("payments/simplified-refund/unknown", Requests.Refund(1m))).Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Portal_refund_through_the_control_api_shows_on_the_order()
    {
        var orderId = await CreatePaidOrderAsync();

        var answer = await Api.PostAsync($"_sim/orders/{orderId}/portal-refund", new JsonObject { ["amount"] = 50m });

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Text);
        var order = Sim.State.FindOrder(orderId)!;
        Assert.That(order.Status, Is.EqualTo("partially_refunded"));
        Assert.That(order.Refunds.Single().Source, Is.EqualTo("portal"));
        Assert.That(Sim.State.Notifications.Last().EventType, Is.EqualTo("order_refunded"));
    }

    [Test]
    public async Task A_held_refund_is_processing_until_released_and_then_applied_once()
    {
        var orderId = await CreatePaidOrderAsync();
        using var control = new HttpClient { BaseAddress = Sim.BaseAddress };
        var hold = await control.SendAsync(HttpMethod.Put, "_sim/refunds/hold", new JsonObject { ["hold"] = true });
        Assert.That(hold.Status, Is.EqualTo(HttpStatusCode.OK), hold.Text);

        var answer = await Api.PostAsync($"payments/simplified-refund/{orderId}", Requests.Refund(100m, "ours-1"));
        var again = await Api.PostAsync($"payments/simplified-refund/{orderId}", Requests.Refund(100m, "ours-1"));
        var tooMuch = await Api.PostAsync($"payments/simplified-refund/{orderId}", Requests.Refund(250m));
        var whileHeld = (await Api.GetJsonAsync($"merchants/orders/{orderId}")).Body;

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Text);
            Assert.That(again.Body.Str("refund_id"), Is.EqualTo(answer.Body.Str("refund_id")), "the same merchant_refund_id is the same refund");
            Assert.That(tooMuch.FirstErrorCode(), Is.EqualTo("refund_amount_exceeds_refundable"), "a held refund counts against what is refundable");
            Assert.That(whileHeld!["processing"]!.GetValue<bool>(), Is.True);
            Assert.That(whileHeld.Str("status"), Is.EqualTo("fully_captured"));
            Assert.That(whileHeld.Amount("refunded_amount"), Is.Zero);
            Assert.That(whileHeld["transactions"]!["refunds"]!.AsArray(), Is.Empty);
            Assert.That(Sim.State.Notifications.Where(n => n.EventType == "order_refunded"), Is.Empty);
        });

        var released = await control.PostAsync($"_sim/orders/{orderId}/release-refunds");
        var after = (await Api.GetJsonAsync($"merchants/orders/{orderId}")).Body;

        Assert.Multiple(() =>
        {
            Assert.That(released.Status, Is.EqualTo(HttpStatusCode.OK), released.Text);
            Assert.That(after!["processing"]!.GetValue<bool>(), Is.False);
            Assert.That(after.Str("status"), Is.EqualTo("partially_refunded"));
            Assert.That(after.Amount("refunded_amount"), Is.EqualTo(100m));
            Assert.That(after["transactions"]!["refunds"]![0]!.Str("refund_id"), Is.EqualTo(answer.Body.Str("refund_id")));
            Assert.That(after["transactions"]!["refunds"]![0]!.Str("merchant_refund_id"), Is.EqualTo("ours-1"));
            Assert.That(Sim.State.Notifications.Count(n => n.EventType == "order_refunded"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Portal_refunds_are_never_held_and_a_reset_stops_holding()
    {
        var orderId = await CreatePaidOrderAsync();
        Sim.State.HoldRefunds = true;

        Sim.State.PortalRefund(orderId, 50m);
        Assert.That(Sim.State.FindOrder(orderId)!.RefundedAmount, Is.EqualTo(50m));

        Sim.State.Reset();
        Assert.That(Sim.State.HoldRefunds, Is.False);
    }
}
