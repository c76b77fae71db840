using System.Net;
using TamaraSimulator.Tests.Support;

namespace TamaraSimulator.Tests;

/// <summary>The reference schema's rules on every endpoint: each refusal is a 400 in Tamara's error shape and changes nothing.</summary>
public class SchemaValidationTests : SimulatorTestBase
{
    private Task<JsonAnswer> PostQrAsync(JsonObject body, string? deviceId = "123456") =>
        Api.SendAsync(HttpMethod.Post, "checkout/in-store", body, r =>
        {
            if (deviceId is not null)
            {
                r.Headers.Add("X-Device-Id", deviceId);
            }
        });

    private static void AssertRefused(JsonAnswer answer, string code)
    {
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest), answer.Text);
        Assert.That(answer.Body!["message"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That(answer.ErrorCodes(), Does.Contain(code));
    }

    [Test]
    public async Task A_qr_session_with_amount_platform_and_device_is_accepted_and_keeps_the_platform()
    {
        var answer = await PostQrAsync(Requests.Qr());

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Text);
        Assert.That(Sim.State.FindOrder(answer.Body.Str("order_id"))!.Platform, Is.EqualTo("NOPCOMMERCE_POS_QR"));
    }

    [TestCase("amount", "amount_required")]
    [TestCase("platform", "platform_required")]
    public async Task A_qr_session_without_a_required_field_is_400(string field, string code)
    {
        var body = Requests.Qr();
        body.Remove(field);

        AssertRefused(await PostQrAsync(body), code);
        Assert.That(Sim.State.Orders, Is.Empty);
    }

    [TestCase("")]
    [TestCase("   ")]
    public async Task A_qr_session_with_a_blank_platform_is_400(string platform)
    {
        var body = Requests.Qr();
        body["platform"] = platform;

        AssertRefused(await PostQrAsync(body), "invalid_platform");
    }

    [Test]
    public async Task A_qr_session_without_the_device_header_is_400()
    {
        AssertRefused(await PostQrAsync(Requests.Qr(), deviceId: null), "device_id_required");
        Assert.That(Sim.State.Orders, Is.Empty);
    }

    [Test]
    public async Task Additional_data_without_a_store_code_is_400_on_both_session_kinds()
    {
        var sms = Requests.Session();
        sms["additional_data"] = new JsonObject { ["note"] = "till 3" };
        var qr = Requests.Qr();
        qr["additional_data"] = new JsonObject();

        AssertRefused(await Api.PostAsync("checkout/in-store-session", sms), "store_code_required");
        AssertRefused(await PostQrAsync(qr), "store_code_required");
        Assert.That(Sim.State.Orders, Is.Empty);
    }

    [Test]
    public async Task A_session_without_additional_data_is_accepted()
    {
        var body = Requests.Session();
        body.Remove("additional_data");

        var (orderId, _) = await CreateSessionAsync(body);

        Assert.That(Sim.State.FindOrder(orderId)!.StoreCode, Is.Null);
    }

    [TestCase("USD")]
    [TestCase("QAR")]
    [TestCase("sar")]
    public async Task A_currency_outside_the_schemas_enum_is_400(string currency)
    {
        AssertRefused(await Api.PostAsync("checkout/in-store-session", Requests.Session(currency: currency)), "invalid_currency");
    }

    [TestCase("SAR", 300.001)]
    [TestCase("AED", 300.125)]
    [TestCase("KWD", 300.0001)]
    [TestCase("BHD", 300.0005)]
    [TestCase("OMR", 300.1234)]
    public async Task An_amount_with_more_decimals_than_its_currency_has_is_400(string currency, decimal amount)
    {
        var body = Requests.Session(currency: currency, phone: currency switch { "SAR" => "534274516", "AED" => "501234567", _ => "51234567" });
        body["total_amount"] = Requests.Money(amount, currency);

        AssertRefused(await Api.PostAsync("checkout/in-store-session", body), "invalid_amount_precision");
    }

    [TestCase("KWD", "51234567")]
    [TestCase("BHD", "31234567")]
    [TestCase("OMR", "91234567")]
    public async Task Three_decimals_are_taken_in_the_currencies_that_have_them(string currency, string phone)
    {
        var body = Requests.Session(amount: 300.125m, currency: currency, phone: phone);

        var (orderId, _) = await CreateSessionAsync(body);

        Assert.That(Sim.State.FindOrder(orderId)!.TotalAmount, Is.EqualTo(300.125m));
    }

    [Test]
    public async Task An_item_amount_with_too_many_decimals_is_400_too()
    {
        var body = Requests.Session();
        body["items"]![0]!["unit_price"] = Requests.Money(299.999m);

        AssertRefused(await Api.PostAsync("checkout/in-store-session", body), "invalid_amount_precision");
    }

    [TestCase("locale", "fr_FR", "invalid_locale")]
    [TestCase("locale", "ar", "invalid_locale")]
    [TestCase("payment_type", "PAY_LATER", "invalid_payment_type")]
    public async Task A_value_outside_an_enum_is_400(string field, string value, string code)
    {
        var body = Requests.Session();
        body[field] = value;

        AssertRefused(await Api.PostAsync("checkout/in-store-session", body), code);
    }

    [TestCase("en_US")]
    [TestCase("ar_SA")]
    public async Task Both_locales_are_accepted(string locale)
    {
        var body = Requests.Session();
        body["locale"] = locale;

        await CreateSessionAsync(body);
    }

    [TestCase("name", 256, "invalid_item_name")]
    [TestCase("sku", 129, "invalid_item_sku")]
    [TestCase("item_url", 1025, "invalid_item_item_url")]
    [TestCase("image_url", 1025, "invalid_item_image_url")]
    public async Task An_item_field_over_its_length_is_400(string field, int length, string code)
    {
        var body = Requests.Session();
        body["items"]![0]![field] = new string('x', length);

        AssertRefused(await Api.PostAsync("checkout/in-store-session", body), code);
    }

    [TestCase("name", 255)]
    [TestCase("sku", 128)]
    [TestCase("item_url", 1024)]
    [TestCase("image_url", 1024)]
    public async Task An_item_field_at_its_length_is_accepted(string field, int length)
    {
        var body = Requests.Session();
        body["items"]![0]![field] = new string('x', length);

        await CreateSessionAsync(body);
    }

    [TestCase("total_amount", "total_amount_required")]
    [TestCase("comment", "comment_required")]
    public async Task A_refund_without_a_required_field_is_400(string field, string code)
    {
        var orderId = await CreatePaidOrderAsync();
        var body = Requests.Refund(50m);
        body.Remove(field);

        AssertRefused(await Api.PostAsync($"payments/simplified-refund/{orderId}", body), code);
        Assert.That(Sim.State.FindOrder(orderId)!.RefundedAmount, Is.EqualTo(0m));
    }

    [Test]
    public async Task A_refund_with_too_many_decimals_is_400()
    {
        var orderId = await CreatePaidOrderAsync();

        AssertRefused(await Api.PostAsync($"payments/simplified-refund/{orderId}", Requests.Refund(50.005m)), "invalid_amount_precision");
    }

    [Test]
    public async Task Order_and_dispute_registrations_are_accepted_with_their_own_events()
    {
        var order = await Api.PostAsync("webhooks", Requests.Webhook("order", "order_approved", "order_captured", "order_declined", "order_expired"));
        var dispute = await Api.PostAsync("webhooks", Requests.Webhook("dispute", "OrderDisputeAwaitingMerchantResponse", "OrderDisputeWasUpdated"));

        Assert.That(order.Status, Is.EqualTo(HttpStatusCode.OK), order.Text);
        Assert.That(dispute.Status, Is.EqualTo(HttpStatusCode.OK), dispute.Text);
    }

    [TestCase("payment", "order_captured", "invalid_type")]
    [TestCase("order", "OrderDisputeWasUpdated", "invalid_event")]
    [TestCase("dispute", "order_captured", "invalid_event")]
    [TestCase("order", "order_paid", "invalid_event")]
    public async Task A_registration_with_a_type_or_event_outside_the_schema_is_400(string type, string eventName, string code)
    {
        AssertRefused(await Api.PostAsync("webhooks", Requests.Webhook(type, eventName)), code);
        Assert.That(Sim.State.Webhooks, Is.Empty);
    }

    [Test]
    public async Task A_registration_url_over_255_characters_is_400()
    {
        var body = Requests.Webhook("order", "order_captured");
        body["url"] = "http://127.0.0.1:5999/" + new string('w', 240);

        AssertRefused(await Api.PostAsync("webhooks", body), "invalid_url");
    }

    [TestCase("type", "type_required")]
    [TestCase("events", "events_required")]
    [TestCase("url", "url_required")]
    public async Task A_registration_without_a_required_field_is_400(string field, string code)
    {
        var body = Requests.Webhook("order", "order_captured");
        body.Remove(field);

        AssertRefused(await Api.PostAsync("webhooks", body), code);
    }
}
