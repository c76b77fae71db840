using Newtonsoft.Json;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

/// <summary>
/// Body of POST /checkout/in-store-session (the SMS flow)
/// </summary>
public class CreateInStoreSessionRequest
{
    [JsonProperty("total_amount")]
    public TamaraMoney TotalAmount { get; set; }

    [JsonProperty("phone_number")]
    public string PhoneNumber { get; set; }

    [JsonProperty("email")]
    public string Email { get; set; }

    [JsonProperty("order_reference_id")]
    public string OrderReferenceId { get; set; }

    [JsonProperty("order_number")]
    public string OrderNumber { get; set; }

    [JsonProperty("items")]
    public List<TamaraItem> Items { get; set; } = new();

    /// <summary>Not in Tamara's in-store sample; sent only when the order has shipping</summary>
    [JsonProperty("shipping_amount")]
    public TamaraMoney ShippingAmount { get; set; }

    [JsonProperty("tax_amount")]
    public TamaraMoney TaxAmount { get; set; }

    /// <summary>ar_SA or en_US</summary>
    [JsonProperty("locale")]
    public string Locale { get; set; }

    /// <summary>PAY_BY_INSTALMENTS or PAY_NOW</summary>
    [JsonProperty("payment_type")]
    public string PaymentType { get; set; }

    /// <summary>Session lifetime in minutes; honoured only when Tamara enabled it for the merchant</summary>
    [JsonProperty("expiry_time")]
    public int? ExpiryTime { get; set; }

    [JsonProperty("additional_data")]
    public TamaraAdditionalData AdditionalData { get; set; }
}
