using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

/// <summary>
/// Answer of GET /merchants/orders/{order_id} and GET /merchants/orders/reference-id/{order_reference_id}
/// </summary>
public class TamaraOrder
{
    [JsonProperty("order_id")]
    public string OrderId { get; set; }

    [JsonProperty("order_reference_id")]
    public string OrderReferenceId { get; set; }

    /// <summary>Not in Tamara's published order schema; read when present, so a session recovered by reference can be voided</summary>
    [JsonProperty("checkout_id")]
    public string CheckoutId { get; set; }

    [JsonProperty("order_number")]
    public string OrderNumber { get; set; }

    [JsonProperty("description")]
    public string Description { get; set; }

    /// <summary>See <see cref="TamaraOrderStatus"/>; unknown values are kept as text</summary>
    [JsonProperty("status")]
    public string Status { get; set; }

    [JsonProperty("consumer")]
    public TamaraConsumer Consumer { get; set; }

    [JsonProperty("items")]
    public List<TamaraItem> Items { get; set; } = new();

    [JsonProperty("payment_type")]
    public string PaymentType { get; set; }

    [JsonProperty("instalments")]
    public int? Instalments { get; set; }

    [JsonProperty("total_amount")]
    public TamaraMoney TotalAmount { get; set; }

    [JsonProperty("shipping_amount")]
    public TamaraMoney ShippingAmount { get; set; }

    [JsonProperty("tax_amount")]
    public TamaraMoney TaxAmount { get; set; }

    [JsonProperty("discount_amount")]
    public TamaraDiscount DiscountAmount { get; set; }

    /// <summary>What Tamara captured for the merchant; compare the order total with this, not with <see cref="PaidAmount"/></summary>
    [JsonProperty("captured_amount")]
    public TamaraMoney CapturedAmount { get; set; }

    [JsonProperty("refunded_amount")]
    public TamaraMoney RefundedAmount { get; set; }

    [JsonProperty("canceled_amount")]
    public TamaraMoney CanceledAmount { get; set; }

    /// <summary>What the customer paid so far (e.g. the first instalment)</summary>
    [JsonProperty("paid_amount")]
    public TamaraMoney PaidAmount { get; set; }

    [JsonProperty("wallet_prepaid_amount")]
    public TamaraMoney WalletPrepaidAmount { get; set; }

    [JsonProperty("settlement_status")]
    public string SettlementStatus { get; set; }

    [JsonProperty("settlement_date")]
    public DateTime? SettlementDate { get; set; }

    [JsonProperty("created_at")]
    public DateTime? CreatedAt { get; set; }

    [JsonProperty("transactions")]
    public TamaraTransactions Transactions { get; set; } = new();

    [JsonProperty("processing")]
    public bool? Processing { get; set; }

    [JsonProperty("store_code")]
    public string StoreCode { get; set; }

    [JsonProperty("additional_data")]
    public JToken AdditionalData { get; set; }
}
