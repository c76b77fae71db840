using Newtonsoft.Json;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

public class TamaraTransactions
{
    [JsonProperty("captures")]
    public List<TamaraCapture> Captures { get; set; } = new();

    [JsonProperty("refunds")]
    public List<TamaraRefundTransaction> Refunds { get; set; } = new();

    [JsonProperty("cancels")]
    public List<TamaraCancel> Cancels { get; set; } = new();
}
