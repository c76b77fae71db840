using Newtonsoft.Json;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

public class TamaraDiscount
{
    [JsonProperty("name")]
    public string Name { get; set; }

    [JsonProperty("amount")]
    public TamaraMoney Amount { get; set; }
}
