using System.Net;
using TamaraSimulator.Tests.Support;

namespace TamaraSimulator.Tests;

public class DisputeTests : SimulatorTestBase
{
    private WebhookReceiver _receiver = null!;

    [SetUp]
    public async Task StartReceiver() => _receiver = await WebhookReceiver.StartAsync();

    [TearDown]
    public async Task StopReceiver() => await _receiver.DisposeAsync();

    private async Task RegisterDisputeWebhookAsync()
    {
        var answer = await Api.PostAsync("webhooks", new JsonObject
        {
            ["type"] = "dispute",
            ["events"] = new JsonArray(EventTypes.DisputeEvents.Select(e => (JsonNode)JsonValue.Create(e)).ToArray()),
            ["url"] = _receiver.Url,
        });
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Text);
    }

    private async Task<JsonNode> OpenAsync(string orderId, JsonObject? body = null)
    {
        var answer = await Api.PostAsync($"_sim/orders/{orderId}/disputes", body ?? new JsonObject());
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Text);
        return answer.Body!;
    }

    [Test]
    public async Task A_dispute_webhook_registration_takes_dispute_events_only()
    {
        var orderEvent = await Api.PostAsync("webhooks", new JsonObject
        {
            ["type"] = "dispute",
            ["events"] = new JsonArray("order_captured"),
            ["url"] = _receiver.Url,
        });
        var unknownType = await Api.PostAsync("webhooks", new JsonObject
        {
            ["type"] = "refund",
            ["events"] = new JsonArray("order_captured"),
            ["url"] = _receiver.Url,
        });

        Assert.That(orderEvent.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(orderEvent.FirstErrorCode(), Is.EqualTo("invalid_event"));
        Assert.That(unknownType.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(unknownType.ErrorCodes(), Does.Contain("invalid_type"));
    }

    [Test]
    public async Task An_opened_dispute_is_listed_by_order_with_its_deadline_and_delivered_to_the_dispute_webhook()
    {
        await RegisterDisputeWebhookAsync();
        var orderId = await CreatePaidOrderAsync();
        var respondBy = DateTimeOffset.UtcNow.AddDays(3);

        var opened = await OpenAsync(orderId, new JsonObject { ["amount"] = 100m, ["respond_by"] = respondBy.ToString("O") });

        var list = await Api.GetJsonAsync($"external/merchants/orders/disputes/?order_id={orderId}");
        Assert.That(list.Status, Is.EqualTo(HttpStatusCode.OK), list.Text);
        var dispute = list.Body!["disputes"]!.AsArray().Single()!;
        Assert.That(dispute.Str("dispute_id"), Is.EqualTo(opened.Str("dispute_id")));
        Assert.That(dispute.Str("dispute_status"), Is.EqualTo("awaiting_merchant_response"));
        Assert.That(dispute.Amount("disputed_amount"), Is.EqualTo(100m));
        Assert.That(DateTimeOffset.Parse(dispute.Str("merchant_response_deadline")), Is.EqualTo(respondBy).Within(TimeSpan.FromSeconds(1)));
        var other = await Api.GetJsonAsync("external/merchants/orders/disputes/?order_id=unknown");
        Assert.That(other.Body!["disputes"]!.AsArray(), Is.Empty);

        var received = await _receiver.WaitForAsync(r => r.Count >= 1);
        Assert.That(received.Single().EventType, Is.EqualTo("OrderDisputeAwaitingMerchantResponse"));
        Assert.That(received.Single().Json.Str("order_id"), Is.EqualTo(orderId));
        Assert.That(received.Single().Json.Str("dispute_id"), Is.EqualTo(opened.Str("dispute_id")));
    }

    [Test]
    public async Task A_dispute_list_with_an_unknown_status_is_refused_in_tamaras_error_shape()
    {
        var answer = await Api.GetJsonAsync("external/merchants/orders/disputes/?dispute_status=lost");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.FirstErrorCode(), Is.EqualTo("invalid_dispute_status"));
        Assert.That(answer.Body.Str("message"), Is.Not.Empty);
    }

    [Test]
    public async Task A_dispute_cannot_be_opened_on_an_order_that_was_not_paid()
    {
        var (orderId, _) = await CreateSessionAsync();

        var answer = await Api.PostAsync($"_sim/orders/{orderId}/disputes", new JsonObject());

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(answer.FirstErrorCode(), Is.EqualTo("order_not_captured"));
    }

    [Test]
    public async Task An_update_moves_the_status_and_deadline_and_sends_OrderDisputeWasUpdated()
    {
        await RegisterDisputeWebhookAsync();
        var orderId = await CreatePaidOrderAsync();
        var opened = await OpenAsync(orderId);

        var updated = await Api.PostAsync($"_sim/disputes/{opened.Str("dispute_id")}/update", new JsonObject { ["status"] = "under_review" });
        var closedStatus = await Api.PostAsync($"_sim/disputes/{opened.Str("dispute_id")}/update", new JsonObject { ["status"] = "closed" });

        Assert.That(updated.Body.Str("dispute_status"), Is.EqualTo("under_review"));
        Assert.That(closedStatus.Status, Is.EqualTo(HttpStatusCode.BadRequest), "closing goes through /close, which says how");
        var received = await _receiver.WaitForAsync(r => r.Count >= 2);
        Assert.That(received.Select(r => r.EventType), Is.EqualTo(new[] { "OrderDisputeAwaitingMerchantResponse", "OrderDisputeWasUpdated" }));
    }

    [Test]
    public async Task A_dispute_Tamara_refunds_changes_the_orders_refunds_without_an_order_refunded_event()
    {
        await RegisterDisputeWebhookAsync();
        var orderId = await CreatePaidOrderAsync();
        var opened = await OpenAsync(orderId, new JsonObject { ["amount"] = 120m });

        var closed = await Api.PostAsync($"_sim/disputes/{opened.Str("dispute_id")}/close", new JsonObject { ["outcome"] = "tamara_refunded" });
        var again = await Api.PostAsync($"_sim/disputes/{opened.Str("dispute_id")}/close", new JsonObject { ["outcome"] = "tamara_refunded" });

        Assert.That(closed.Status, Is.EqualTo(HttpStatusCode.OK), closed.Text);
        Assert.That(closed.Body.Str("dispute_status"), Is.EqualTo("claim_accepted"));
        Assert.That(again.Status, Is.EqualTo(HttpStatusCode.Conflict));
        var order = (await Api.GetJsonAsync($"merchants/orders/{orderId}")).Body;
        Assert.That(order.Str("status"), Is.EqualTo("partially_refunded"));
        Assert.That(order.Amount("refunded_amount"), Is.EqualTo(120m));
        var refund = order!["transactions"]!["refunds"]!.AsArray().Single()!;
        Assert.That(refund.Str("refund_id"), Is.EqualTo(closed.Body.Str("refund_id")));
        Assert.That(refund.Amount("total_amount"), Is.EqualTo(120m));
        Assert.That(Sim.State.Notifications.Select(n => n.EventType), Does.Not.Contain("order_refunded"));
        var received = await _receiver.WaitForAsync(r => r.Count >= 2);
        Assert.That(received[1].EventType, Is.EqualTo("OrderDisputeClosedTamaraAcceptedClaim"));
    }

    [Test]
    public async Task A_dispute_the_merchant_wins_or_that_is_cancelled_moves_no_money()
    {
        var orderId = await CreatePaidOrderAsync();
        var first = await OpenAsync(orderId, new JsonObject { ["amount"] = 100m });
        var second = await OpenAsync(orderId, new JsonObject { ["amount"] = 100m });

        var rejected = await Api.PostAsync($"_sim/disputes/{first.Str("dispute_id")}/close", new JsonObject { ["outcome"] = "rejected" });
        var cancelled = await Api.PostAsync($"_sim/disputes/{second.Str("dispute_id")}/close", new JsonObject { ["outcome"] = "cancelled" });
        var unknown = await Api.PostAsync($"_sim/disputes/{second.Str("dispute_id")}/close", new JsonObject { ["outcome"] = "won" });

        Assert.That(rejected.Body.Str("dispute_status"), Is.EqualTo("claim_rejected"));
        Assert.That(cancelled.Body.Str("dispute_status"), Is.EqualTo("cancelled"));
        Assert.That(unknown.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Sim.State.FindOrder(orderId)!.RefundedAmount, Is.EqualTo(0m));
    }
}
