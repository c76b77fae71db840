using Newtonsoft.Json;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

/// <summary>
/// One dispute as Tamara's dispute list answers it. The field names are unsure (the reference's API explorer only), so
/// <see cref="TamaraClient.GetDisputesAsync"/> also reads the likely alternatives
/// </summary>
public class TamaraOrderDispute
{
    [JsonProperty("dispute_id")]
    public string DisputeId { get; set; }

    [JsonProperty("order_id")]
    public string OrderId { get; set; }

    [JsonProperty("dispute_status")]
    public string Status { get; set; }

    [JsonProperty("reason")]
    public string Reason { get; set; }

    [JsonProperty("disputed_amount")]
    public TamaraMoney Amount { get; set; }

    [JsonProperty("merchant_response_deadline")]
    public DateTime? RespondByUtc { get; set; }

    [JsonProperty("updated_at")]
    public DateTime? UpdatedAtUtc { get; set; }
}
