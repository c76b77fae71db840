using Newtonsoft.Json;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

public class TamaraCapture
{
    [JsonProperty("capture_id")]
    public string CaptureId { get; set; }

    [JsonProperty("order_id")]
    public string OrderId { get; set; }

    [JsonProperty("total_amount")]
    public TamaraMoney TotalAmount { get; set; }

    [JsonProperty("refunded_amount")]
    public TamaraMoney RefundedAmount { get; set; }

    [JsonProperty("created_at")]
    public DateTime? CreatedAt { get; set; }
}
