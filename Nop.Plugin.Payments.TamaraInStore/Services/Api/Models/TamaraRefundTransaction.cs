using Newtonsoft.Json;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

/// <summary>
/// A refund as listed in an order's transactions. The guide shows only an empty list, so every field is optional.
/// </summary>
public class TamaraRefundTransaction
{
    [JsonProperty("refund_id")]
    public string RefundId { get; set; }

    [JsonProperty("capture_id")]
    public string CaptureId { get; set; }

    [JsonProperty("merchant_refund_id")]
    public string MerchantRefundId { get; set; }

    [JsonProperty("total_amount")]
    public TamaraMoney TotalAmount { get; set; }

    [JsonProperty("refunded_amount")]
    public TamaraMoney RefundedAmount { get; set; }

    [JsonProperty("comment")]
    public string Comment { get; set; }

    [JsonProperty("created_at")]
    public DateTime? CreatedAt { get; set; }

    /// <summary>The refunded amount, whichever of the two fields Tamara filled</summary>
    [JsonIgnore]
    public TamaraMoney Amount => TotalAmount ?? RefundedAmount;
}
