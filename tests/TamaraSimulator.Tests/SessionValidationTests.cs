using System.Net;
using TamaraSimulator.Tests.Support;

namespace TamaraSimulator.Tests;

public class SessionValidationTests : SimulatorTestBase
{
    [Test]
    public async Task Valid_session_answers_ids_and_deeplink_and_sends_an_sms()
    {
        var answer = await Api.PostAsync("checkout/in-store-session", Requests.Session("ref-1"));

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Text);
        var checkoutId = answer.Body.Str("checkout_id");
        var orderId = answer.Body.Str("order_id");
        Assert.That(answer.Body.Str("checkout_deeplink"), Is.EqualTo($"{Sim.BaseAddress}pay/{checkoutId}"));

        var sms = Sim.State.SmsOutbox.Single();
        Assert.That(sms.PhoneNumber, Is.EqualTo("966534274516"));
        Assert.That(sms.Link, Is.EqualTo(answer.Body.Str("checkout_deeplink")));
        Assert.That(sms.Amount, Is.EqualTo(300m));

        var order = Sim.State.FindOrder(orderId)!;
        Assert.That(order.Status, Is.EqualTo(OrderStatuses.New));
        Assert.That(order.OrderReferenceId, Is.EqualTo("ref-1"));
        Assert.That(order.StoreCode, Is.EqualTo("Branch A"));
        Assert.That(order.ExpiresAt - order.CreatedAt, Is.EqualTo(TimeSpan.FromMinutes(15)));
    }

    // Which phone forms the real API accepts is unsure: the simulator accepts all of these.
    [TestCase("534274516", "SAR", "966534274516")]
    [TestCase("0534274516", "SAR", "966534274516")]
    [TestCase("966534274516", "SAR", "966534274516")]
    [TestCase("+966534274516", "SAR", "966534274516")]
    [TestCase("501234567", "AED", "971501234567")]
    [TestCase("971501234567", "AED", "971501234567")]
    public async Task Accepted_phone_forms_are_normalised(string phone, string currency, string normalised)
    {
        var (orderId, _) = await CreateSessionAsync(Requests.Session(phone: phone, currency: currency));

        Assert.That(Sim.State.FindOrder(orderId)!.PhoneNumber, Is.EqualTo(normalised));
    }

    [TestCase("12345")]
    [TestCase("434274516")]
    [TestCase("97150123456")]
    [TestCase("971501234567")]
    [TestCase("53427451x")]
    public async Task Implausible_phone_is_rejected(string phone)
    {
        var answer = await Api.PostAsync("checkout/in-store-session", Requests.Session(phone: phone));

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.ErrorCodes(), Does.Contain("invalid_phone_number"));
    }

    [TestCase("total_amount", "total_amount_required")]
    [TestCase("phone_number", "phone_number_required")]
    [TestCase("order_reference_id", "order_reference_id_required")]
    [TestCase("items", "items_required")]
    public async Task Missing_required_field_is_400(string field, string code)
    {
        var body = Requests.Session();
        body.Remove(field);

        var answer = await Api.PostAsync("checkout/in-store-session", body);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.ErrorCodes(), Does.Contain(code));
        Assert.That(answer.Body!["message"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That(Sim.State.SmsOutbox, Is.Empty);
    }

    [TestCase("name", "item_name_required")]
    [TestCase("type", "item_type_required")]
    [TestCase("reference_id", "item_reference_id_required")]
    [TestCase("sku", "item_sku_required")]
    [TestCase("quantity", "invalid_item_quantity")]
    [TestCase("total_amount", "item_total_amount_required")]
    public async Task Item_missing_required_field_is_400(string field, string code)
    {
        var body = Requests.Session();
        body["items"]![0]!.AsObject().Remove(field);

        var answer = await Api.PostAsync("checkout/in-store-session", body);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.ErrorCodes(), Does.Contain(code));
    }

    [Test]
    public async Task Empty_items_list_is_400()
    {
        var body = Requests.Session();
        body["items"] = new JsonArray();

        var answer = await Api.PostAsync("checkout/in-store-session", body);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.FirstErrorCode(), Is.EqualTo("items_required"));
    }

    [TestCase(0)]
    [TestCase(-10)]
    public async Task Non_positive_total_is_400(decimal amount)
    {
        var body = Requests.Session();
        body["total_amount"] = Requests.Money(amount);

        var answer = await Api.PostAsync("checkout/in-store-session", body);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.ErrorCodes(), Does.Contain("invalid_total_amount"));
    }

    [Test]
    public async Task Amount_given_as_string_is_400()
    {
        var body = Requests.Session();
        body["total_amount"] = new JsonObject { ["amount"] = "300", ["currency"] = "SAR" };

        var answer = await Api.PostAsync("checkout/in-store-session", body);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task A_currency_of_the_schema_the_merchant_does_not_take_is_422()
    {
        await RestartAsync(o => o.SupportedCurrencies = ["SAR"]);

        var answer = await Api.PostAsync("checkout/in-store-session", Requests.Session(phone: "501234567", currency: "AED"));

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(answer.FirstErrorCode(), Is.EqualTo("currency_not_supported"));
    }

    [Test]
    public async Task Item_in_other_currency_is_422()
    {
        var body = Requests.Session();
        body["items"] = new JsonArray(Requests.Item(300m, "AED"));

        var answer = await Api.PostAsync("checkout/in-store-session", body);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(answer.FirstErrorCode(), Is.EqualTo("currency_mismatch"));
    }

    [Test]
    public async Task Amounts_not_adding_up_is_422()
    {
        var body = Requests.Session();
        body["items"] = new JsonArray(Requests.Item(250m));

        var answer = await Api.PostAsync("checkout/in-store-session", body);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(answer.FirstErrorCode(), Is.EqualTo("total_amount_mismatch"));
    }

    [TestCase(300.00, 0, 0)]
    [TestCase(300.01, 0, 0)]
    [TestCase(280, 30, 10)]
    public async Task Items_plus_shipping_minus_discount_equal_to_total_within_a_cent_is_accepted(decimal itemTotal, decimal shipping, decimal discount)
    {
        var body = Requests.Session();
        body["items"] = new JsonArray(Requests.Item(itemTotal));
        body["shipping_amount"] = Requests.Money(shipping);
        body["discount_amount"] = new JsonObject { ["name"] = "promo", ["amount"] = Requests.Money(discount) };

        var (orderId, _) = await CreateSessionAsync(body);

        var order = Sim.State.FindOrder(orderId)!;
        Assert.That(order.ShippingAmount, Is.EqualTo(shipping));
        Assert.That(order.DiscountAmount, Is.EqualTo(discount));
        Assert.That(order.DiscountName, Is.EqualTo("promo"));
    }

    [Test]
    public async Task The_guides_own_sample_does_not_add_up_and_passes_only_when_the_sum_rule_is_off()
    {
        var body = Requests.Session();
        body["items"] = new JsonArray(Requests.Item(100m));

        Assert.That((await Api.PostAsync("checkout/in-store-session", body)).Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));

        await RestartAsync(o => o.EnforceAmountSum = false);
        Assert.That((await Api.PostAsync("checkout/in-store-session", body)).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase(99.99, "amount_below_minimum")]
    [TestCase(20000.01, "amount_above_maximum")]
    public async Task Amount_outside_limits_is_422(decimal amount, string code)
    {
        var answer = await Api.PostAsync("checkout/in-store-session", Requests.Session(amount: amount));

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(answer.FirstErrorCode(), Is.EqualTo(code));
    }

    [Test]
    public async Task Body_that_is_not_json_is_400()
    {
        using var content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");
        var response = await Api.PostAsync("checkout/in-store-session", content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("invalid_json"));
    }

    [Test]
    public async Task Duplicate_reference_while_the_first_session_is_new_is_409()
    {
        await CreateSessionAsync(Requests.Session("dup-1"));

        var answer = await Api.PostAsync("checkout/in-store-session", Requests.Session("dup-1"));

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(answer.FirstErrorCode(), Is.EqualTo("duplicate_order_reference_id"));
    }

    [Test]
    public async Task Same_reference_is_accepted_again_once_the_first_session_is_no_longer_new()
    {
        var (first, _) = await CreateSessionAsync(Requests.Session("dup-2"));
        Sim.State.ExpireNow(first);

        var (second, _) = await CreateSessionAsync(Requests.Session("dup-2"));

        Assert.That(second, Is.Not.EqualTo(first));
        var byReference = await Api.GetJsonAsync("merchants/orders/reference-id/dup-2");
        Assert.That(byReference.Body.Str("order_id"), Is.EqualTo(second), "the newest order for a reference is returned");
    }
}

public class DuplicateReferenceReturnExistingTests : SimulatorTestBase
{
    protected override void Configure(SimulatorOptions options) => options.DuplicateReference = DuplicateReferenceMode.ReturnExisting;

    [Test]
    public async Task Duplicate_reference_returns_the_open_session()
    {
        var (orderId, checkoutId) = await CreateSessionAsync(Requests.Session("dup-3"));

        var answer = await Api.PostAsync("checkout/in-store-session", Requests.Session("dup-3"));

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(answer.Body.Str("order_id"), Is.EqualTo(orderId));
        Assert.That(answer.Body.Str("checkout_id"), Is.EqualTo(checkoutId));
        Assert.That(Sim.State.Orders, Has.Count.EqualTo(1));
    }
}
