using Newtonsoft.Json;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

public class TamaraAdditionalData
{
    [JsonProperty("store_code")]
    public string StoreCode { get; set; }
}
