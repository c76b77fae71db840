using Newtonsoft.Json;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

/// <summary>
/// A webhook registration, as sent to POST /webhooks and listed by GET /webhooks
/// </summary>
public class TamaraWebhook
{
    /// <summary>Field name unsure at Tamara (webhook_id in the SDKs)</summary>
    [JsonProperty("webhook_id")]
    public string WebhookId { get; set; }

    /// <summary>Always "order" for order events</summary>
    [JsonProperty("type")]
    public string Type { get; set; } = "order";

    [JsonProperty("events")]
    public List<string> Events { get; set; } = new();

    [JsonProperty("url")]
    public string Url { get; set; }

    [JsonProperty("headers")]
    public Dictionary<string, string> Headers { get; set; }
}
