using System.Net;
using TamaraSimulator.Tests.Support;

namespace TamaraSimulator.Tests;

public class MiscEndpointTests : SimulatorTestBase
{
    protected override void Configure(SimulatorOptions options) => options.VerifiedPhones = ["534274516"];

    // The guide says POST with query parameters, the reference page GET: both work here.
    [TestCase("GET", "966534274516", "SA", true)]
    [TestCase("POST", "0534274516", "SA", true)]
    [TestCase("GET", "535555555", "SA", false)]
    public async Task Id_verification_status(string method, string phone, string country, bool verified)
    {
        var answer = await Api.SendAsync(new HttpMethod(method),
            $"merchants/customer/id-verification-status?phone_number={Uri.EscapeDataString(phone)}&country_code={country}");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Text);
        Assert.That(answer.Body!["is_id_verified"]!.GetValue<bool>(), Is.EqualTo(verified));
    }

    [Test]
    public async Task Id_verification_rejects_bad_country_and_missing_phone()
    {
        Assert.That((await Api.GetJsonAsync("merchants/customer/id-verification-status?phone_number=534274516&country_code=US")).Status,
            Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await Api.GetJsonAsync("merchants/customer/id-verification-status?country_code=SA")).Status,
            Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Qr_session_needs_a_device_id_and_sends_no_sms()
    {
        var body = Requests.Qr(500m, "qr-1");

        var missing = await Api.PostAsync("checkout/in-store", body);
        Assert.That(missing.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(missing.FirstErrorCode(), Is.EqualTo("device_id_required"));

        var answer = await Api.SendAsync(HttpMethod.Post, "checkout/in-store", body, r => r.Headers.Add("X-Device-Id", "pos-7"));
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Text);
        Assert.That(answer.Body.Str("checkout_deeplink"), Does.Contain(answer.Body.Str("checkout_id")));
        var order = Sim.State.FindOrder(answer.Body.Str("order_id"))!;
        Assert.That(order.Channel, Is.EqualTo("qr"));
        Assert.That(order.DeviceId, Is.EqualTo("pos-7"));
        Assert.That(Sim.State.SmsOutbox, Is.Empty);
    }

    [Test]
    public async Task Payment_types_list_limits()
    {
        var inRange = await Api.GetJsonAsync("checkout/payment-types?country=SA&currency=SAR&order_value=500");
        var tooLow = await Api.GetJsonAsync("checkout/payment-types?country=SA&currency=SAR&order_value=50");

        Assert.That(inRange.Body![0]!.Str("name"), Is.EqualTo("PAY_BY_INSTALMENTS"));
        Assert.That(inRange.Body[0]!.Amount("min_limit"), Is.EqualTo(100m));
        Assert.That(tooLow.Body!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Customer_pays_from_the_page_linked_in_the_sms()
    {
        var (orderId, checkoutId) = await CreateSessionAsync();
        using var browser = new HttpClient { BaseAddress = Sim.BaseAddress };

        var outbox = await browser.GetStringAsync("sms");
        Assert.That(outbox, Does.Contain($"/pay/{checkoutId}"));
        Assert.That(outbox, Does.Contain("966534274516"));

        var page = await browser.GetStringAsync($"pay/{checkoutId}");
        Assert.That(page, Does.Contain($"action=\"/pay/{checkoutId}/pay\""));
        Assert.That(page, Does.Contain($"action=\"/pay/{checkoutId}/decline\""));
        Assert.That(page, Does.Contain("300 SAR"));

        var after = await browser.PostAsync($"pay/{checkoutId}/pay", null);
        Assert.That(await after.Content.ReadAsStringAsync(), Does.Contain("fully_captured"));
        Assert.That(Sim.State.FindOrder(orderId)!.Status, Is.EqualTo("fully_captured"));
    }

    [Test]
    public async Task A_scanned_qr_code_opens_the_same_payment_page_and_pays_or_declines()
    {
        var body = Requests.Qr(250m, "qr-scan");
        var paid = await Api.SendAsync(HttpMethod.Post, "checkout/in-store", body, r => r.Headers.Add("X-Device-Id", "pos-7"));
        body["order_reference_id"] = "qr-scan-2";
        var declined = await Api.SendAsync(HttpMethod.Post, "checkout/in-store", body, r => r.Headers.Add("X-Device-Id", "pos-7"));
        using var phone = new HttpClient();

        var page = await phone.GetStringAsync(paid.Body.Str("checkout_deeplink"));
        await phone.PostAsync(paid.Body.Str("checkout_deeplink") + "/pay", null);
        await phone.PostAsync(declined.Body.Str("checkout_deeplink") + "/decline", null);

        Assert.That(page, Does.Contain("250 SAR"));
        Assert.That(Sim.State.FindOrder(paid.Body.Str("order_id"))!.Status, Is.EqualTo("fully_captured"));
        Assert.That(Sim.State.FindOrder(declined.Body.Str("order_id"))!.Status, Is.EqualTo("declined"));
        Assert.That(Sim.State.SmsOutbox, Is.Empty);
    }

    [Test]
    public async Task Without_the_device_header_the_error_has_tamaras_shape()
    {
        var missing = await Api.PostAsync("checkout/in-store", Requests.Qr());

        Assert.That(missing.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(missing.Body!["message"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That(missing.Body["errors"]![0]!["error_code"]!.GetValue<string>(), Is.EqualTo("device_id_required"));
        Assert.That(Sim.State.Orders, Is.Empty, "nothing created");
    }

    [Test]
    public async Task Customer_declines_from_the_page()
    {
        var (orderId, checkoutId) = await CreateSessionAsync();
        using var browser = new HttpClient { BaseAddress = Sim.BaseAddress };

        await browser.PostAsync($"pay/{checkoutId}/decline", null);

        Assert.That(Sim.State.FindOrder(orderId)!.Status, Is.EqualTo("declined"));
        Assert.That((await browser.GetAsync("pay/unknown")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Notifications_log_is_served_by_the_control_api()
    {
        await CreatePaidOrderAsync();
        using var control = new HttpClient { BaseAddress = Sim.BaseAddress };

        var log = await control.GetJsonAsync("_sim/notifications");

        Assert.That(log.Body!["notifications"]!.AsArray(), Has.Count.EqualTo(3));
        Assert.That(log.Body["deliveries"]!.AsArray(), Is.Empty, "no webhook registered");
    }
}

public class LoopbackUrlTests
{
    [TestCase("http://127.0.0.1:5077")]
    [TestCase("http://localhost:5077;http://[::1]:5078")]
    public void Loopback_urls_are_accepted(string urls) => Assert.DoesNotThrow(() => LoopbackUrls.EnsureLoopback(urls));

    [TestCase("http://0.0.0.0:5077")]
    [TestCase("http://*:5077")]
    [TestCase("http://+:5077")]
    [TestCase("http://192.168.1.10:5077")]
    [TestCase("http://127.0.0.1:5077;http://example.com:80")]
    public void Other_urls_are_refused(string urls) =>
        Assert.Throws<NonLoopbackBindingException>(() => LoopbackUrls.EnsureLoopback(urls));
}
