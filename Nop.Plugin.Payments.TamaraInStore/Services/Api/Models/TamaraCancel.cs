using Newtonsoft.Json;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

public class TamaraCancel
{
    [JsonProperty("cancel_id")]
    public string CancelId { get; set; }

    [JsonProperty("total_amount")]
    public TamaraMoney TotalAmount { get; set; }

    [JsonProperty("created_at")]
    public DateTime? CreatedAt { get; set; }
}
