using Newtonsoft.Json;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

public class SimplifiedRefundResponse
{
    [JsonProperty("order_id")]
    public string OrderId { get; set; }

    [JsonProperty("comment")]
    public string Comment { get; set; }

    [JsonProperty("refund_id")]
    public string RefundId { get; set; }

    [JsonProperty("capture_id")]
    public string CaptureId { get; set; }

    /// <summary>partially_refunded or fully_refunded</summary>
    [JsonProperty("status")]
    public string Status { get; set; }

    /// <summary>The amount of this refund</summary>
    [JsonProperty("refunded_amount")]
    public TamaraMoney RefundedAmount { get; set; }
}
