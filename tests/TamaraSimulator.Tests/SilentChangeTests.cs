using System.Net;
using TamaraSimulator.Tests.Support;

namespace TamaraSimulator.Tests;

/// <summary>Tamara changing an order on its side without telling the store, so the store and Tamara disagree</summary>
public class SilentChangeTests : SimulatorTestBase
{
    [Test]
    public async Task A_capture_whose_webhook_was_lost_shows_on_the_order_and_raises_nothing()
    {
        var (orderId, _) = await CreateSessionAsync();

        var changed = Sim.ChangeOrderSilently(orderId, new SilentChange(CapturedAmount: 300m));

        Assert.That(changed.IsSuccess, Is.True);
        var order = (await Api.GetJsonAsync($"merchants/orders/{orderId}")).Body;
        Assert.That(order.Str("status"), Is.EqualTo("fully_captured"));
        Assert.That(order.Amount("captured_amount"), Is.EqualTo(300m));
        Assert.That(order!["transactions"]!["captures"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(Sim.State.Notifications, Is.Empty);
    }

    [Test]
    public async Task A_portal_refund_whose_webhook_was_lost_is_listed_with_an_id_and_raises_nothing()
    {
        var orderId = await CreatePaidOrderAsync();
        var raisedBefore = Sim.State.Notifications.Count;

        var answer = await Api.PostAsync($"_sim/orders/{orderId}/silent-change", new JsonObject { ["refunded_amount"] = 100m });

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Text);
        Assert.That(answer.Body.Str("status"), Is.EqualTo("partially_refunded"));
        var order = (await Api.GetJsonAsync($"merchants/orders/{orderId}")).Body;
        Assert.That(order.Amount("refunded_amount"), Is.EqualTo(100m));
        var refund = order!["transactions"]!["refunds"]!.AsArray().Single();
        Assert.That(refund.Str("refund_id"), Is.Not.Empty);
        Assert.That(refund.Amount("total_amount"), Is.EqualTo(100m));
        Assert.That(Sim.State.Notifications, Has.Count.EqualTo(raisedBefore));
    }

    [Test]
    public async Task A_status_changed_at_Tamara_is_what_the_order_reports()
    {
        var orderId = await CreatePaidOrderAsync();

        var answer = await Api.PostAsync($"_sim/orders/{orderId}/silent-change", new JsonObject { ["status"] = "canceled" });

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Text);
        var order = (await Api.GetJsonAsync($"merchants/orders/{orderId}")).Body;
        Assert.That(order.Str("status"), Is.EqualTo("canceled"));
        Assert.That(order.Amount("captured_amount"), Is.EqualTo(300m));
    }

    [Test]
    public async Task A_refund_above_the_capture_is_refused_and_changes_nothing()
    {
        var orderId = await CreatePaidOrderAsync();

        var answer = await Api.PostAsync($"_sim/orders/{orderId}/silent-change", new JsonObject { ["refunded_amount"] = 300.01m });

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(Sim.State.FindOrder(orderId)!.RefundedAmount, Is.EqualTo(0m));
        Assert.That(Sim.State.FindOrder(orderId)!.Status, Is.EqualTo("fully_captured"));
    }

    [Test]
    public async Task An_unknown_order_or_an_empty_body_is_refused()
    {
        var unknown = await Api.PostAsync("_sim/orders/no-such-order/silent-change", new JsonObject { ["status"] = "canceled" });
        var (orderId, _) = await CreateSessionAsync();
        var empty = await Api.PostAsync($"_sim/orders/{orderId}/silent-change", new JsonObject { ["captured_amount"] = "lots" });

        Assert.That(unknown.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(empty.Status, Is.EqualTo(HttpStatusCode.BadRequest));
    }
}
