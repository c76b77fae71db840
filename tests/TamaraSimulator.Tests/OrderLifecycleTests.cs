using System.Net;
using TamaraSimulator.Tests.Support;

namespace TamaraSimulator.Tests;

public class OrderLifecycleTests : SimulatorTestBase
{
    [Test]
    public async Task Paying_captures_the_whole_order_and_records_the_first_instalment()
    {
        var (orderId, _) = await CreateSessionAsync();

        var paid = await Api.PostAsync($"_sim/orders/{orderId}/pay");
        Assert.That(paid.Status, Is.EqualTo(HttpStatusCode.OK), paid.Text);

        var order = (await Api.GetJsonAsync($"merchants/orders/{orderId}")).Body;
        Assert.That(order.Str("status"), Is.EqualTo("fully_captured"));
        Assert.That(order.Amount("captured_amount"), Is.EqualTo(300m));
        Assert.That(order.Amount("paid_amount"), Is.EqualTo(100m));
        Assert.That(order.Amount("refunded_amount"), Is.EqualTo(0m));
        var capture = order!["transactions"]!["captures"]![0]!;
        Assert.That(capture.Amount("total_amount"), Is.EqualTo(300m));
        Assert.That(capture.Str("order_id"), Is.EqualTo(orderId));
        Assert.That(order["instalments"]!.GetValue<int>(), Is.EqualTo(3));

        Assert.That(Sim.State.Notifications.Select(n => n.EventType),
            Is.EqualTo(new[] { "order_approved", "order_authorised", "order_captured" }));
    }

    [Test]
    public async Task Order_json_carries_every_field_of_the_guides_samples()
    {
        var (orderId, _) = await CreateSessionAsync();

        var order = (await Api.GetJsonAsync($"merchants/orders/{orderId}")).Body!.AsObject();

        string[] fields =
        [
            "order_id", "order_reference_id", "order_number", "description", "consumer", "status", "shipping_address",
            "billing_address", "items", "payment_type", "instalments", "total_amount", "shipping_amount", "tax_amount",
            "discount_amount", "captured_amount", "refunded_amount", "canceled_amount", "paid_amount", "settlement_status",
            "settlement_date", "created_at", "wallet_prepaid_amount", "transactions", "processing", "store_code", "additional_data",
        ];
        Assert.That(order.Select(p => p.Key), Is.SupersetOf(fields));
        Assert.That(order["transactions"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "cancels", "captures", "refunds" }));
        Assert.That(order["consumer"]!.Str("phone_number"), Is.EqualTo("966534274516"));
        Assert.That(order["discount_amount"]!.Amount("amount"), Is.EqualTo(0m));
    }

    [TestCase(100, "SAR", "534274516", 33.33)]
    [TestCase(100, "KWD", "51234567", 33.333)]
    public async Task Paid_amount_is_total_over_instalments_rounded_to_currency_decimals(decimal total, string currency, string phone, decimal firstInstalment)
    {
        var (orderId, _) = await CreateSessionAsync(Requests.Session(amount: total, currency: currency, phone: phone));

        var order = Sim.State.Pay(orderId).Value!;

        Assert.That(order.PaidAmount, Is.EqualTo(firstInstalment));
        Assert.That(order.CapturedAmount, Is.EqualTo(total));
    }

    [Test]
    public async Task Both_order_paths_and_the_reference_lookup_answer_the_same_order()
    {
        var (orderId, _) = await CreateSessionAsync(Requests.Session("lookup-1"));

        var a = await Api.GetJsonAsync($"merchants/orders/{orderId}");
        var b = await Api.GetJsonAsync($"orders/{orderId}");
        var c = await Api.GetJsonAsync("merchants/orders/reference-id/lookup-1");

        Assert.That(b.Text, Is.EqualTo(a.Text));
        Assert.That(c.Text, Is.EqualTo(a.Text));
    }

    [TestCase("merchants/orders/unknown")]
    [TestCase("orders/unknown")]
    [TestCase("merchants/orders/reference-id/unknown")]
    public async Task Unknown_order_is_404(string path)
    {
        var answer = await Api.GetJsonAsync(path);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(answer.FirstErrorCode(), Is.EqualTo("order_not_found"));
    }

    [Test]
    public async Task Decline_sets_declined_and_raises_order_declined_with_reasons()
    {
        var (orderId, _) = await CreateSessionAsync();

        var answer = await Api.PostAsync($"_sim/orders/{orderId}/decline",
            new JsonObject { ["declined_reason"] = "limit", ["declined_code"] = "credit_limit", ["decline_type"] = "soft" });

        Assert.That(answer.Body.Str("status"), Is.EqualTo("declined"));
        var notification = JsonNode.Parse(Sim.State.Notifications.Single().PayloadJson)!;
        Assert.That(notification.Str("event_type"), Is.EqualTo("order_declined"));
        Assert.That(notification["data"]!.Str("declined_reason"), Is.EqualTo("limit"));
        Assert.That(notification["data"]!.Str("declined_code"), Is.EqualTo("credit_limit"));
        Assert.That(notification["data"]!.Str("decline_type"), Is.EqualTo("soft"));
        Assert.That((await Api.PostAsync($"_sim/orders/{orderId}/pay")).Status, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task Session_expires_after_its_lifetime_on_the_simulated_clock()
    {
        var (orderId, _) = await CreateSessionAsync();

        Clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        Assert.That((await Api.GetJsonAsync($"merchants/orders/{orderId}")).Body.Str("status"), Is.EqualTo("new"));

        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That((await Api.GetJsonAsync($"merchants/orders/{orderId}")).Body.Str("status"), Is.EqualTo("expired"));
        Assert.That(Sim.State.Notifications.Single().EventType, Is.EqualTo("order_expired"));
        Assert.That(Sim.State.Pay(orderId).Error!.ErrorCode, Is.EqualTo("invalid_order_status"));
    }

    [Test]
    public async Task Background_sweep_expires_sessions_nobody_reads()
    {
        await CreateSessionAsync();

        Clock.Advance(TimeSpan.FromMinutes(16));

        // Notifications does not evaluate expiry itself: only the sweep can have raised it.
        Assert.That(await Sim.WaitUntilAsync(s => s.Notifications.Any(n => n.EventType == "order_expired"), TimeSpan.FromSeconds(3)), Is.True);
    }

    [Test]
    public async Task Expire_now_control_endpoint_expires_at_once()
    {
        var (orderId, _) = await CreateSessionAsync();

        var answer = await Api.PostAsync($"_sim/orders/{orderId}/expire");

        Assert.That(answer.Body.Str("status"), Is.EqualTo("expired"));
    }

    [Test]
    public async Task Void_while_new_cancels_the_order()
    {
        var (orderId, checkoutId) = await CreateSessionAsync();

        var answer = await Api.PostAsync($"checkout/{checkoutId}/void?order_id={orderId}&store_code=Branch%20B");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Text);
        Assert.That(answer.Body!["order_was_voided"]!.GetValue<bool>(), Is.True);
        var order = (await Api.GetJsonAsync($"merchants/orders/{orderId}")).Body;
        Assert.That(order.Str("status"), Is.EqualTo("canceled"));
        Assert.That(order.Str("store_code"), Is.EqualTo("Branch B"));
        Assert.That(order!["transactions"]!["cancels"]!.AsArray(), Has.Count.EqualTo(1));
        var notification = JsonNode.Parse(Sim.State.Notifications.Single().PayloadJson)!;
        Assert.That(notification.Str("event_type"), Is.EqualTo("order_canceled"));
        Assert.That(notification["data"]!.Amount("canceled_amount"), Is.EqualTo(300m));

        var again = await Api.PostAsync($"checkout/{checkoutId}/void?order_id={orderId}");
        Assert.That(again.Status, Is.EqualTo(HttpStatusCode.OK), "voiding twice answers the same");
        Assert.That(Sim.State.Notifications, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Void_after_payment_is_409()
    {
        var orderId = await CreatePaidOrderAsync();
        var checkoutId = Sim.State.FindOrder(orderId)!.CheckoutId;

        var answer = await Api.PostAsync($"checkout/{checkoutId}/void?order_id={orderId}");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(answer.FirstErrorCode(), Is.EqualTo("checkout_session_cannot_be_voided"));
        Assert.That(Sim.State.FindOrder(orderId)!.Status, Is.EqualTo("fully_captured"));
    }

    [Test]
    public async Task A_customer_paying_at_the_moment_of_the_void_makes_it_409_with_the_order_paid()
    {
        var (orderId, checkoutId) = await CreateSessionAsync();
        var armed = await Api.PostAsync($"_sim/orders/{orderId}/pay-at-next-void");
        Assert.That(armed.Status, Is.EqualTo(HttpStatusCode.OK), armed.Text);
        Assert.That((await Api.GetJsonAsync($"merchants/orders/{orderId}")).Body.Str("status"), Is.EqualTo("new"), "still new until the void");

        var answer = await Api.PostAsync($"checkout/{checkoutId}/void?order_id={orderId}");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(answer.FirstErrorCode(), Is.EqualTo("checkout_session_cannot_be_voided"));
        Assert.That(Sim.State.FindOrder(orderId)!.Status, Is.EqualTo("fully_captured"));
        Assert.That(Sim.State.Notifications.Select(n => n.EventType), Does.Contain("order_captured"));
    }

    [Test]
    public async Task Pay_at_next_void_is_refused_for_an_order_that_is_not_new()
    {
        var paidId = await CreatePaidOrderAsync();

        var answer = await Api.PostAsync($"_sim/orders/{paidId}/pay-at-next-void");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task Void_needs_the_matching_order_id()
    {
        var (_, checkoutId) = await CreateSessionAsync();

        Assert.That((await Api.PostAsync($"checkout/{checkoutId}/void")).Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await Api.PostAsync($"checkout/{checkoutId}/void?order_id=other")).Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Order_reference_id_can_be_updated()
    {
        var (orderId, _) = await CreateSessionAsync(Requests.Session("old-ref"));

        var answer = await Api.SendAsync(HttpMethod.Put, $"orders/{orderId}/reference-id", new JsonObject { ["order_reference_id"] = "new-ref" });

        Assert.That(answer.Body.Str("message"), Is.EqualTo("Order reference id was updated successfully"));
        Assert.That((await Api.GetJsonAsync("merchants/orders/reference-id/new-ref")).Body.Str("order_id"), Is.EqualTo(orderId));
        Assert.That((await Api.SendAsync(HttpMethod.Put, "orders/unknown/reference-id", new JsonObject { ["order_reference_id"] = "x" })).Status,
            Is.EqualTo(HttpStatusCode.NotFound));
    }
}
