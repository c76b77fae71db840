using System.Globalization;
using System.Text.Json.Nodes;

namespace TamaraSimulator;

/// <summary>Writes orders and refunds in the shape of the samples in Tamara's in-store guide.</summary>
internal static class OrderJson
{
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static JsonObject Money(decimal amount, string currency) =>
        new() { ["amount"] = amount, ["currency"] = currency };

    public static JsonObject Order(SimOrder o, string merchantId)
    {
        var c = o.Currency;
        var additional = o.AdditionalData?.DeepClone().AsObject() ?? new JsonObject();
        additional["single_checkout"] ??= false;
        additional["from_in_store_payment_link"] ??= false;

        return new JsonObject
        {
            ["order_id"] = o.OrderId,
            ["order_reference_id"] = o.OrderReferenceId,
            ["order_number"] = o.OrderNumber,
            ["description"] = o.Description ?? "",
            ["consumer"] = new JsonObject
            {
                ["first_name"] = "",
                ["last_name"] = "",
                ["email"] = o.Email ?? "",
                ["phone_number"] = o.PhoneNumber ?? "",
                ["national_id"] = "",
                ["date_of_birth"] = null,
                ["is_first_order"] = null,
            },
            ["status"] = o.Status,
            ["shipping_address"] = Address(o),
            ["billing_address"] = Address(o),
            ["items"] = new JsonArray(o.Items.Select(i => (JsonNode)Item(i, c)).ToArray()),
            ["payment_type"] = o.PaymentType,
            ["instalments"] = o.Instalments,
            ["total_amount"] = Money(o.TotalAmount, c),
            ["shipping_amount"] = Money(o.ShippingAmount, c),
            ["tax_amount"] = Money(o.TaxAmount, c),
            ["discount_amount"] = new JsonObject { ["name"] = o.DiscountName, ["amount"] = Money(o.DiscountAmount, c) },
            ["captured_amount"] = Money(o.CapturedAmount, c),
            ["refunded_amount"] = Money(o.RefundedAmount, c),
            ["canceled_amount"] = Money(o.CanceledAmount, c),
            ["paid_amount"] = Money(o.PaidAmount, c),
            ["settlement_status"] = "",
            ["settlement_date"] = null,
            ["created_at"] = Timestamp(o.CreatedAt),
            ["wallet_prepaid_amount"] = Money(0m, c),
            ["transactions"] = new JsonObject
            {
                ["cancels"] = new JsonArray(o.Cancels.Select(x => (JsonNode)Cancel(x, c)).ToArray()),
                ["captures"] = new JsonArray(o.Captures.Select(x => (JsonNode)Capture(x, o, merchantId)).ToArray()),
                ["refunds"] = new JsonArray(o.Refunds.Select(x => (JsonNode)Refund(x)).ToArray()),
            },
            ["processing"] = o.Processing,
            ["store_code"] = o.StoreCode ?? "",
            ["additional_data"] = additional,
        };
    }

    /// <summary>The answer of the simplified refund call: refunded_amount is the amount of this refund.</summary>
    public static JsonObject RefundAnswer(SimRefund r) => new()
    {
        ["order_id"] = r.OrderId,
        ["comment"] = r.Comment,
        ["refund_id"] = r.RefundId,
        ["capture_id"] = r.CaptureId,
        ["status"] = r.OrderStatusAfter,
        ["refunded_amount"] = Money(r.Amount, r.Currency),
    };

    public static JsonObject SessionAnswer(SimOrder o) => new()
    {
        ["checkout_id"] = o.CheckoutId,
        ["order_id"] = o.OrderId,
        ["checkout_deeplink"] = o.CheckoutDeeplink,
    };

    private static JsonObject Address(SimOrder o) => new()
    {
        ["first_name"] = "",
        ["last_name"] = "",
        ["line1"] = "",
        ["line2"] = "",
        ["region"] = "",
        ["postal_code"] = "",
        ["city"] = "",
        ["country_code"] = o.CountryCode,
        ["phone_number"] = o.PhoneNumber ?? "",
    };

    private static JsonObject Item(SimOrderItem i, string currency) => new()
    {
        ["reference_id"] = i.ReferenceId,
        ["type"] = i.Type,
        ["name"] = i.Name,
        ["sku"] = i.Sku,
        ["quantity"] = i.Quantity,
        ["tax_amount"] = Money(i.TaxAmount?.Amount ?? 0m, currency),
        ["total_amount"] = Money(i.TotalAmount.Amount, currency),
        ["unit_price"] = Money(i.UnitPrice?.Amount ?? 0m, currency),
        ["discount_amount"] = Money(i.DiscountAmount?.Amount ?? 0m, currency),
        ["image_url"] = i.ImageUrl ?? "",
        ["item_url"] = i.ItemUrl ?? "",
    };

    private static JsonObject Capture(SimCapture x, SimOrder o, string merchantId) => new()
    {
        ["capture_id"] = x.CaptureId,
        ["order_id"] = x.OrderId,
        ["merchant_id"] = merchantId,
        ["total_amount"] = Money(x.TotalAmount, o.Currency),
        ["refunded_amount"] = Money(x.RefundedAmount, o.Currency),
        ["shipping_info"] = new JsonObject
        {
            ["shipped_at"] = Timestamp(x.CreatedAt),
            ["shipping_company"] = "N/A",
            ["tracking_number"] = null,
            ["tracking_url"] = null,
        },
        ["items"] = new JsonArray(),
        ["shipping_amount"] = Money(o.ShippingAmount, o.Currency),
        ["tax_amount"] = Money(o.TaxAmount, o.Currency),
        ["discount_amount"] = Money(o.DiscountAmount, o.Currency),
        ["created_at"] = Timestamp(x.CreatedAt),
    };

    private static JsonObject Refund(SimRefund x) => new()
    {
        ["refund_id"] = x.RefundId,
        ["capture_id"] = x.CaptureId,
        ["order_id"] = x.OrderId,
        ["merchant_refund_id"] = x.MerchantRefundId,
        ["total_amount"] = Money(x.Amount, x.Currency),
        ["comment"] = x.Comment,
        ["items"] = new JsonArray(),
        ["created_at"] = Timestamp(x.CreatedAt),
    };

    private static JsonObject Cancel(SimCancel x, string currency) => new()
    {
        ["cancel_id"] = x.CancelId,
        ["order_id"] = x.OrderId,
        ["total_amount"] = Money(x.Amount, currency),
        ["items"] = new JsonArray(),
        ["created_at"] = Timestamp(x.CreatedAt),
    };
}
