using Newtonsoft.Json;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

public class VoidCheckoutSessionResponse
{
    [JsonProperty("order_was_voided")]
    public bool OrderWasVoided { get; set; }
}
