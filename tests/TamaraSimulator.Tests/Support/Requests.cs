namespace TamaraSimulator.Tests.Support;

/// <summary>Request bodies shaped like the samples in Tamara's in-store guide.</summary>
internal static class Requests
{
    public static JsonObject Money(decimal amount, string currency = "SAR") =>
        new() { ["amount"] = amount, ["currency"] = currency };

    public static JsonObject Item(decimal total, string currency = "SAR") => new()
    {
        ["name"] = "Lego City 8601",
        ["type"] = "Physical",
        ["reference_id"] = "123",
        ["sku"] = "SA-12436",
        ["quantity"] = 1,
        ["unit_price"] = Money(total, currency),
        ["tax_amount"] = Money(0m, currency),
        ["total_amount"] = Money(total, currency),
    };

    /// <summary>A valid SMS session: one item of 300 SAR.</summary>
    public static JsonObject Session(string? reference = null, decimal amount = 300m, string phone = "534274516", string currency = "SAR") => new()
    {
        ["total_amount"] = Money(amount, currency),
        ["phone_number"] = phone,
        ["email"] = "customer@example.com",
        ["order_reference_id"] = reference ?? Guid.NewGuid().ToString(),
        ["order_number"] = "A1231234123",
        ["items"] = new JsonArray(Item(amount, currency)),
        ["locale"] = "ar_SA",
        ["payment_type"] = "PAY_BY_INSTALMENTS",
        ["additional_data"] = new JsonObject { ["store_code"] = "Branch A" },
    };

    /// <summary>A valid QR session body (the device id goes in the X-Device-Id header).</summary>
    public static JsonObject Qr(decimal amount = 250m, string? reference = null) => new()
    {
        ["amount"] = Money(amount),
        ["platform"] = "NOPCOMMERCE_POS_QR",
        ["order_reference_id"] = reference ?? Guid.NewGuid().ToString(),
    };

    public static JsonObject Webhook(string type = "order", params string[] events) => new()
    {
        ["type"] = type,
        ["events"] = new JsonArray(events.Select(e => (JsonNode)JsonValue.Create(e)).ToArray()),
        ["url"] = "http://127.0.0.1:5999/tamara/in-store/webhook",
    };

    public static JsonObject Refund(decimal amount, string? merchantRefundId = null, string comment = "Refund for the order 123")
    {
        var body = new JsonObject { ["total_amount"] = Money(amount), ["comment"] = comment };
        if (merchantRefundId is not null)
        {
            body["merchant_refund_id"] = merchantRefundId;
        }

        return body;
    }
}
