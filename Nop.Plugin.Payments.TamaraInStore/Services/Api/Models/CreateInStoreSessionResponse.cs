using Newtonsoft.Json;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

public class CreateInStoreSessionResponse
{
    [JsonProperty("checkout_id")]
    public string CheckoutId { get; set; }

    [JsonProperty("order_id")]
    public string OrderId { get; set; }

    [JsonProperty("checkout_deeplink")]
    public string CheckoutDeeplink { get; set; }
}
