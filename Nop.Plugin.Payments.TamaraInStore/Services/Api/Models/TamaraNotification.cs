using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

/// <summary>
/// A webhook delivery. It only tells which order changed: the order itself is always read back from Tamara.
/// </summary>
public class TamaraNotification
{
    [JsonProperty("order_id")]
    public string OrderId { get; set; }

    [JsonProperty("order_reference_id")]
    public string OrderReferenceId { get; set; }

    [JsonProperty("order_number")]
    public string OrderNumber { get; set; }

    [JsonProperty("event_type")]
    public string EventType { get; set; }

    /// <summary>An object for some events, an empty array for others</summary>
    [JsonProperty("data")]
    public JToken Data { get; set; }
}
