using Newtonsoft.Json;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

/// <summary>
/// A payment type offered for a country, with its order-value limits
/// </summary>
public class TamaraPaymentType
{
    /// <summary>PAY_BY_INSTALMENTS, PAY_NOW, ...</summary>
    [JsonProperty("name")]
    public string Name { get; set; }

    [JsonProperty("description")]
    public string Description { get; set; }

    [JsonProperty("min_limit")]
    public TamaraMoney MinLimit { get; set; }

    [JsonProperty("max_limit")]
    public TamaraMoney MaxLimit { get; set; }
}
