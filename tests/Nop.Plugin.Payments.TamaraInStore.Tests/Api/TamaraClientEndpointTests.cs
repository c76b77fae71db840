using Newtonsoft.Json.Linq;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Api;

[TestFixture]
public class TamaraClientEndpointTests : TamaraApiTestBase
{
    private static CreateInStoreSessionRequest GuideSessionRequest() => new()
    {
        TotalAmount = new TamaraMoney(300, "SAR"),
        PhoneNumber = "534274516",
        Email = "customer@emailhere.com",
        OrderReferenceId = "1231234123-234a-fe21-1234-a324af2",
        OrderNumber = "A1231234123",
        Items =
        [
            new TamaraItem
            {
                Name = "Lego City 8601", Type = "Digital", ReferenceId = "123", Sku = "SA-12436", Quantity = 1,
                DiscountAmount = new TamaraMoney(100, "SAR"), TaxAmount = new TamaraMoney(10, "SAR"),
                UnitPrice = new TamaraMoney(490, "SAR"), TotalAmount = new TamaraMoney(100, "SAR")
            }
        ],
        Locale = "ar_SA",
        PaymentType = "PAY_BY_INSTALMENTS",
        AdditionalData = new TamaraAdditionalData { StoreCode = "Branch A" }
    };

    private void AssertCommonHeaders(StubTamaraServer.RecordedRequest request)
    {
        Assert.That(request.Header("Authorization"), Is.EqualTo($"Bearer {ApiToken}"));
        Assert.That(request.Header("Accept"), Is.EqualTo("application/json"));
        Assert.That(request.Header("User-Agent"), Is.EqualTo(TamaraInStoreDefaults.UserAgent));
    }

    [Test]
    public async Task CreateInStoreSession_posts_the_guide_sample_and_reads_the_ids()
    {
        Server.Enqueue(200, GuideSamples.CreateSessionResponse);

        var response = await CreateClient().CreateInStoreSessionAsync(Settings(), GuideSessionRequest());

        var request = Server.LastRequest;
        Assert.That(request.Method, Is.EqualTo("POST"));
        Assert.That(request.PathAndQuery, Is.EqualTo("/checkout/in-store-session"));
        AssertCommonHeaders(request);
        Assert.That(request.Header("Content-Type"), Does.StartWith("application/json"));
        JsonAssert.AreEquivalent(GuideSamples.CreateSessionRequest, request.Body);
        Assert.That(response.CheckoutId, Is.EqualTo("34c4d9db-d56a-4155-8750-9281ac0f9ec3"));
        Assert.That(response.OrderId, Is.EqualTo("3e318d93-0cbc-4689-9e6c-873daeb158de"));
    }

    [Test]
    public async Task Null_fields_are_not_sent()
    {
        Server.Enqueue(200, GuideSamples.CreateSessionResponse);

        await CreateClient().CreateInStoreSessionAsync(Settings(), new CreateInStoreSessionRequest
        {
            TotalAmount = new TamaraMoney(12.5m, "SAR"), PhoneNumber = "966534274516", OrderReferenceId = "42"
        });

        var body = Server.LastRequest.BodyJson;
        Assert.That(body.Properties().Select(p => p.Name),
            Is.EquivalentTo(new[] { "total_amount", "phone_number", "order_reference_id", "items" }));
        Assert.That(body["total_amount"]!["amount"]!.ToString(), Is.EqualTo("12.5"));
    }

    [Test]
    public async Task CreateInStoreQrSession_sends_the_device_id_header()
    {
        Server.EnqueueJson(new { checkout_id = "c1", order_id = "o1", checkout_deeplink = "https://checkout.tamara.co/x" });

        var response = await CreateClient().CreateInStoreQrSessionAsync(Settings(), "POS-7",
            new CreateInStoreQrSessionRequest { Amount = new TamaraMoney(99.99m, "AED"), OrderReferenceId = "r-1", Locale = "en_US" });

        var request = Server.LastRequest;
        Assert.That((request.Method, request.PathAndQuery), Is.EqualTo(("POST", "/checkout/in-store")));
        AssertCommonHeaders(request);
        Assert.That(request.Header("X-Device-Id"), Is.EqualTo("POS-7"));
        JsonAssert.AreEquivalent("""
            { "amount": { "amount": 99.99, "currency": "AED" }, "order_reference_id": "r-1", "locale": "en_US" }
            """, request.Body);
        Assert.That(response.CheckoutDeeplink, Is.EqualTo("https://checkout.tamara.co/x"));
    }

    [Test]
    public async Task VoidCheckoutSession_puts_ids_in_path_and_query()
    {
        Server.EnqueueJson(new { order_was_voided = true });

        var response = await CreateClient().VoidCheckoutSessionAsync(Settings(), "chk/1", "ord 1", "Branch A");

        var request = Server.LastRequest;
        Assert.That(request.Method, Is.EqualTo("POST"));
        Assert.That(request.PathAndQuery, Is.EqualTo("/checkout/chk%2F1/void?order_id=ord%201&store_code=Branch%20A"));
        AssertCommonHeaders(request);
        Assert.That(response.OrderWasVoided, Is.True);
    }

    [Test]
    public async Task VoidCheckoutSession_leaves_out_an_empty_store_code()
    {
        Server.EnqueueJson(new { order_was_voided = false });

        await CreateClient().VoidCheckoutSessionAsync(Settings(), "chk-1", "ord-1", "");

        Assert.That(Server.LastRequest.PathAndQuery, Is.EqualTo("/checkout/chk-1/void?order_id=ord-1"));
    }

    [Test]
    public async Task GetOrder_uses_the_guides_merchants_path()
    {
        // the reference page shows /orders/{order_id}; unsure which the live API prefers, the guide's path is used
        Server.Enqueue(200, GuideSamples.OrderNew);

        var order = await CreateClient().GetOrderAsync(Settings(), "0ac038ef-de4a-491c-828e-b02ec0d4582d");

        var request = Server.LastRequest;
        Assert.That((request.Method, request.PathAndQuery), Is.EqualTo(("GET", "/merchants/orders/0ac038ef-de4a-491c-828e-b02ec0d4582d")));
        AssertCommonHeaders(request);
        Assert.That(request.Body, Is.Empty);
        Assert.That(order.Status, Is.EqualTo(TamaraOrderStatus.New));
    }

    [Test]
    public async Task GetOrderByReferenceId_escapes_the_reference()
    {
        Server.Enqueue(200, GuideSamples.OrderFullyCaptured);

        var order = await CreateClient().GetOrderByReferenceIdAsync(Settings(), "ref/1 #2");

        Assert.That(Server.LastRequest.Method, Is.EqualTo("GET"));
        Assert.That(Server.LastRequest.PathAndQuery, Is.EqualTo("/merchants/orders/reference-id/ref%2F1%20%232"));
        AssertCommonHeaders(Server.LastRequest);
        Assert.That(order.Status, Is.EqualTo(TamaraOrderStatus.FullyCaptured));
    }

    [Test]
    public async Task GetOrderByReferenceId_answers_null_on_404()
    {
        Server.Enqueue(404, """{"message":"Order not found"}""");

        var order = await CreateClient().GetOrderByReferenceIdAsync(Settings(), "unknown");

        Assert.That(order, Is.Null);
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
        Assert.That(Logs.Where(log => log.Level == Core.Domain.Logging.LogLevel.Error), Is.Empty);
    }

    [Test]
    public async Task SimplifiedRefund_posts_the_guide_sample()
    {
        Server.Enqueue(200, GuideSamples.RefundPartial);

        var response = await CreateClient().SimplifiedRefundAsync(Settings(), "0ac038ef-de4a-491c-828e-b02ec0d4582d",
            new SimplifiedRefundRequest { TotalAmount = new TamaraMoney(100, "SAR"), Comment = "Refund for the order 123" });

        var request = Server.LastRequest;
        Assert.That((request.Method, request.PathAndQuery),
            Is.EqualTo(("POST", "/payments/simplified-refund/0ac038ef-de4a-491c-828e-b02ec0d4582d")));
        AssertCommonHeaders(request);
        JsonAssert.AreEquivalent(GuideSamples.RefundRequest, request.Body);
        Assert.That(response.RefundId, Is.EqualTo("924001dc-0e25-463e-82f2-1848aca95542"));
    }

    [Test]
    public async Task SimplifiedRefund_sends_our_refund_id_when_given()
    {
        Server.Enqueue(200, GuideSamples.RefundFull);

        await CreateClient().SimplifiedRefundAsync(Settings(), "o-1",
            new SimplifiedRefundRequest { TotalAmount = new TamaraMoney(0.01m, "KWD"), Comment = "c", MerchantRefundId = "nop-refund-7" });

        Assert.That(Server.LastRequest.BodyJson["merchant_refund_id"]!.ToString(), Is.EqualTo("nop-refund-7"));
        Assert.That(Server.LastRequest.BodyJson["total_amount"]!["amount"]!.ToString(), Is.EqualTo("0.01"));
    }

    [Test]
    public async Task RegisterWebhook_posts_the_registration_and_reads_the_id()
    {
        Server.EnqueueJson(new { webhook_id = "wh-1" });
        var webhook = new TamaraWebhook
        {
            Events = ["order_captured", "order_expired"],
            Url = "https://shop.example/tamara/webhook",
            Headers = new Dictionary<string, string> { ["X-Store"] = "1" }
        };

        var registered = await CreateClient().RegisterWebhookAsync(Settings(), webhook);

        var request = Server.LastRequest;
        Assert.That((request.Method, request.PathAndQuery), Is.EqualTo(("POST", "/webhooks")));
        AssertCommonHeaders(request);
        JsonAssert.AreEquivalent("""
            { "type": "order", "events": ["order_captured", "order_expired"], "url": "https://shop.example/tamara/webhook", "headers": { "X-Store": "1" } }
            """, request.Body);
        Assert.That(registered.WebhookId, Is.EqualTo("wh-1"));
        Assert.That(registered.Url, Is.EqualTo(webhook.Url));
    }

    [Test]
    public async Task RegisterWebhook_also_reads_an_id_field()
    {
        // the id's field name is unsure: webhook_id in the SDKs, id accepted too
        Server.EnqueueJson(new { id = "wh-2" });

        var registered = await CreateClient().RegisterWebhookAsync(Settings(), new TamaraWebhook { Url = "https://x.example/w" });

        Assert.That(registered.WebhookId, Is.EqualTo("wh-2"));
    }

    [TestCase("""[ { "webhook_id": "wh-1", "type": "order", "events": ["order_captured"], "url": "https://a.example/w", "extra": 1 } ]""")]
    [TestCase("""{ "webhooks": [ { "id": "wh-1", "type": "order", "events": ["order_captured"], "url": "https://a.example/w" } ] }""")]
    [TestCase("""{ "data": [ { "webhook_id": "wh-1", "type": "order", "events": ["order_captured"], "url": "https://a.example/w" } ] }""")]
    public async Task GetWebhooks_reads_a_list_in_either_shape(string body)
    {
        // the list's shape is unsure: a bare array and an object wrapping it are both read
        Server.Enqueue(200, body);

        var webhooks = await CreateClient().GetWebhooksAsync(Settings());

        Assert.That((Server.LastRequest.Method, Server.LastRequest.PathAndQuery), Is.EqualTo(("GET", "/webhooks")));
        AssertCommonHeaders(Server.LastRequest);
        Assert.That(webhooks, Has.Count.EqualTo(1));
        Assert.That(webhooks[0].WebhookId, Is.EqualTo("wh-1"));
        Assert.That(webhooks[0].Events, Is.EqualTo(new[] { "order_captured" }));
    }

    [TestCase(204, null)]
    [TestCase(200, """{"message":"deleted"}""")]
    [TestCase(404, """{"message":"Webhook not found"}""")]
    public async Task DeleteWebhook_succeeds_and_treats_404_as_already_gone(int status, string body)
    {
        Server.Enqueue(status, body);

        await CreateClient().DeleteWebhookAsync(Settings(), "wh 1");

        Assert.That((Server.LastRequest.Method, Server.LastRequest.PathAndQuery), Is.EqualTo(("DELETE", "/webhooks/wh%201")));
        AssertCommonHeaders(Server.LastRequest);
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }

    [TestCase("""{ "is_id_verified": true }""", true)]
    [TestCase("""{ "is_id_verified": false }""", false)]
    public async Task IsCustomerIdVerified_uses_get_with_query(string body, bool expected)
    {
        Server.Enqueue(200, body);

        var verified = await CreateClient().IsCustomerIdVerifiedAsync(Settings(), "+966 534274516", "SA");

        var request = Server.LastRequest;
        Assert.That(request.Method, Is.EqualTo("GET"));
        Assert.That(request.PathAndQuery, Is.EqualTo("/merchants/customer/id-verification-status?phone_number=%2B966%20534274516&country_code=SA"));
        AssertCommonHeaders(request);
        Assert.That(verified, Is.EqualTo(expected));
    }

    [Test]
    public async Task IsCustomerIdVerified_tries_post_once_when_get_is_not_allowed()
    {
        // unsure: the guide says POST with query parameters, the reference page GET
        Server.Enqueue(405, """{"message":"Method Not Allowed"}""").Enqueue(200, """{ "is_id_verified": true }""");

        var verified = await CreateClient().IsCustomerIdVerifiedAsync(Settings(), "534274516", "SA");

        Assert.That(verified, Is.True);
        Assert.That(Server.Requests.Select(r => r.Method), Is.EqualTo(new[] { "GET", "POST" }));
        Assert.That(Server.Requests[1].PathAndQuery, Is.EqualTo("/merchants/customer/id-verification-status?phone_number=534274516&country_code=SA"));
        Assert.That(Logs.Where(log => log.Level == Core.Domain.Logging.LogLevel.Error), Is.Empty);
    }

    [Test]
    public void IsCustomerIdVerified_does_not_loop_when_post_is_refused_too()
    {
        Server.Enqueue(405).Enqueue(405);

        var exception = Assert.ThrowsAsync<TamaraApiException>(() => CreateClient().IsCustomerIdVerifiedAsync(Settings(), "534274516", "SA"));

        Assert.That(exception!.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.MethodNotAllowed));
        Assert.That(Server.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task UpdateOrderReferenceId_puts_the_guide_sample()
    {
        Server.Enqueue(200, """{ "message": "Order reference id was updated successfully" }""");

        var response = await CreateClient().UpdateOrderReferenceIdAsync(Settings(), "o-1", "New Reference ID Here");

        var request = Server.LastRequest;
        Assert.That((request.Method, request.PathAndQuery), Is.EqualTo(("PUT", "/orders/o-1/reference-id")));
        AssertCommonHeaders(request);
        JsonAssert.AreEquivalent("""{ "order_reference_id": "New Reference ID Here" }""", request.Body);
        Assert.That(response.Message, Is.EqualTo("Order reference id was updated successfully"));
    }

    [Test]
    public async Task GetPaymentTypes_sends_country_currency_and_order_value()
    {
        // path and parameter names come from Tamara's SDKs, not the in-store pages (unsure)
        Server.Enqueue(200, """
            [ { "name": "PAY_BY_INSTALMENTS", "description": "Pay in 3", "min_limit": { "amount": 99.9, "currency": "SAR" },
                "max_limit": { "amount": 5000.75, "currency": "SAR" }, "supported_instalments": [] } ]
            """);

        var types = await CreateClient().GetPaymentTypesAsync(Settings(), "SA", "SAR", 1234.5m);

        Assert.That(Server.LastRequest.Method, Is.EqualTo("GET"));
        Assert.That(Server.LastRequest.PathAndQuery, Is.EqualTo("/checkout/payment-types?country=SA&currency=SAR&order_value=1234.5"));
        AssertCommonHeaders(Server.LastRequest);
        Assert.That(types.Single().Name, Is.EqualTo("PAY_BY_INSTALMENTS"));
        Assert.That(types.Single().MinLimit.Amount, Is.EqualTo(99.9m));
        Assert.That(types.Single().MaxLimit.Amount, Is.EqualTo(5000.75m));
    }

    [Test]
    public async Task GetPaymentTypes_without_order_value_leaves_it_out()
    {
        Server.Enqueue(200, """{ "payment_types": [] }""");

        var types = await CreateClient().GetPaymentTypesAsync(Settings(), "AE", "AED");

        Assert.That(Server.LastRequest.PathAndQuery, Is.EqualTo("/checkout/payment-types?country=AE&currency=AED"));
        Assert.That(types, Is.Empty);
    }

    [Test]
    public async Task Base_url_override_may_carry_a_path_and_trailing_slash()
    {
        Server.Enqueue(200, GuideSamples.OrderNew);
        var settings = Settings();
        settings.ApiBaseUrlOverride = Server.BaseUrl + "/simulator/";

        await CreateClient().GetOrderAsync(settings, "o-1");

        Assert.That(Server.LastRequest.PathAndQuery, Is.EqualTo("/simulator/merchants/orders/o-1"));
    }

    [Test]
    public async Task The_payment_options_pre_check_posts_country_amount_and_phone_and_reads_both_labels()
    {
        Server.Enqueue(200, """
            { "has_available_payment_options": true, "single_checkout_enabled": false,
              "available_payment_labels": [ { "payment_type": "PAY_BY_INSTALMENTS", "instalment": 4,
                "description_en": "Split in 4", "description_ar": "قسّمها على 4" } ] }
            """);

        var answer = await CreateClient().PaymentOptionsPreCheckAsync(Settings(), new PaymentOptionsPreCheckRequest
        {
            Country = "SA",
            OrderValue = new TamaraMoney(460.5m, "SAR"),
            PhoneNumber = "966501234567"
        });

        Assert.That(Server.LastRequest.Method, Is.EqualTo("POST"));
        Assert.That(Server.LastRequest.PathAndQuery, Is.EqualTo("/checkout/payment-options-pre-check"));
        JsonAssert.AreEquivalent("""{ "country": "SA", "order_value": { "amount": 460.5, "currency": "SAR" }, "phone_number": "966501234567" }""",
            Server.LastRequest.BodyJson.ToString());
        Assert.That(answer.HasAvailablePaymentOptions, Is.True);
        Assert.That(answer.AvailablePaymentLabels.Single().Instalment, Is.EqualTo(4));
        Assert.That(answer.AvailablePaymentLabels.Single().Describe(arabic: true), Is.EqualTo("قسّمها على 4"));
        Assert.That(answer.AvailablePaymentLabels.Single().Describe(arabic: false), Is.EqualTo("Split in 4"));
    }

    [Test]
    public void The_payment_options_pre_check_is_not_retried_after_a_server_error()
    {
        Server.Enqueue(503).Enqueue(200, """{ "has_available_payment_options": true }""");

        Assert.ThrowsAsync<TamaraApiException>(() => CreateClient().PaymentOptionsPreCheckAsync(Settings(), new PaymentOptionsPreCheckRequest
        {
            Country = "SA", OrderValue = new TamaraMoney(100m, "SAR"), PhoneNumber = "966501234567"
        }));
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }
}
