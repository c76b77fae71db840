using System.Net;
using TamaraSimulator.Tests.Support;

namespace TamaraSimulator.Tests;

public class PreCheckTests : SimulatorTestBase
{
    private const string Path = "checkout/payment-options-pre-check";

    private static JsonObject Body(decimal amount = 500m, string phone = "0534274516") => new()
    {
        ["country"] = "SA",
        ["order_value"] = Requests.Money(amount),
        ["phone_number"] = phone,
    };

    [Test]
    public async Task A_customer_within_the_limits_is_offered_plans_in_English_and_Arabic()
    {
        var answer = await Api.PostAsync(Path, Body());

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Text);
        Assert.That(answer.Body!["has_available_payment_options"]!.GetValue<bool>(), Is.True);
        var first = answer.Body["available_payment_labels"]![0]!;
        Assert.That(first.Str("payment_type"), Is.EqualTo("PAY_BY_INSTALMENTS"));
        Assert.That(first.Str("description_en"), Does.Contain("166.67 SAR"));
        Assert.That(first.Str("description_ar"), Does.Contain("دفعات"));
    }

    [Test]
    public async Task An_amount_outside_the_limits_gets_no_plan()
    {
        var answer = await Api.PostAsync(Path, Body(amount: 50m));

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Text);
        Assert.That(answer.Body!["has_available_payment_options"]!.GetValue<bool>(), Is.False);
        Assert.That(answer.Body["available_payment_labels"]!.AsArray(), Is.Empty);
    }

    [TestCase("country", "country_required")]
    [TestCase("order_value", "order_value_required")]
    [TestCase("phone_number", "phone_number_required")]
    public async Task A_request_without_a_required_field_is_refused_in_Tamaras_error_shape(string field, string code)
    {
        var body = Body();
        body.Remove(field);

        var answer = await Api.PostAsync(Path, body);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest), answer.Text);
        Assert.That(answer.FirstErrorCode(), Is.EqualTo(code));
        Assert.That(answer.Body.Str("message"), Does.Contain(field));
    }

    [Test]
    public async Task A_bad_phone_number_an_amount_as_text_and_an_unknown_currency_are_refused()
    {
        var badPhone = await Api.PostAsync(Path, Body(phone: "12345"));
        var textAmount = Body();
        textAmount["order_value"] = new JsonObject { ["amount"] = "500", ["currency"] = "SAR" };
        var asText = await Api.PostAsync(Path, textAmount);
        var usd = Body();
        usd["order_value"] = new JsonObject { ["amount"] = 500, ["currency"] = "USD" };
        var unknownCurrency = await Api.PostAsync(Path, usd);

        Assert.That(badPhone.FirstErrorCode(), Is.EqualTo("invalid_phone_number"));
        Assert.That(asText.FirstErrorCode(), Is.EqualTo("invalid_order_value"));
        // outside the reference schema's currency enum: a 400, as for every request
        Assert.That(unknownCurrency.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(unknownCurrency.FirstErrorCode(), Is.EqualTo("invalid_currency"));
    }

    [Test]
    public async Task Switched_to_refuse_it_offers_no_plan_until_the_simulator_is_reset()
    {
        var switched = await Api.SendAsync(HttpMethod.Put, "_sim/pre-check", new JsonObject { ["mode"] = "refuse" });
        var refused = await Api.PostAsync(Path, Body());
        await Api.PostAsync("_sim/reset");
        var offered = await Api.PostAsync(Path, Body());

        Assert.That(switched.Status, Is.EqualTo(HttpStatusCode.OK), switched.Text);
        Assert.That(refused.Body!["has_available_payment_options"]!.GetValue<bool>(), Is.False);
        Assert.That(offered.Body!["has_available_payment_options"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task Switched_to_hang_it_answers_only_after_the_hang()
    {
        await Api.SendAsync(HttpMethod.Put, "_sim/pre-check", new JsonObject { ["mode"] = "hang", ["hang_seconds"] = 60 });
        using var impatient = Sim.CreateApiClient(TimeSpan.FromMilliseconds(300));
        var before = Sim.PreCheck.Received;

        Assert.ThrowsAsync<TaskCanceledException>(() => impatient.PostAsync(Path, Body()));
        Assert.That(Sim.PreCheck.Received, Is.EqualTo(before + 1));
    }

    [Test]
    public async Task An_unknown_switch_mode_is_refused()
    {
        var answer = await Api.SendAsync(HttpMethod.Put, "_sim/pre-check", new JsonObject { ["mode"] = "maybe" });

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.FirstErrorCode(), Is.EqualTo("mode_required"));
    }
}
