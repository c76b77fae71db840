using Newtonsoft.Json;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

/// <summary>
/// Body of POST /payments/simplified-refund/{order_id}
/// </summary>
public class SimplifiedRefundRequest
{
    [JsonProperty("total_amount")]
    public TamaraMoney TotalAmount { get; set; }

    [JsonProperty("comment")]
    public string Comment { get; set; }

    /// <summary>Our own refund id, so that a refund whose answer was lost can be recognised</summary>
    [JsonProperty("merchant_refund_id")]
    public string MerchantRefundId { get; set; }
}
