using Newtonsoft.Json;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

/// <summary>
/// Body of PUT /orders/{order_id}/reference-id
/// </summary>
public class UpdateReferenceIdRequest
{
    [JsonProperty("order_reference_id")]
    public string OrderReferenceId { get; set; }
}
