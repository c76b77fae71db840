using Newtonsoft.Json;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

/// <summary>
/// POST /checkout/payment-options-pre-check: which plans Tamara offers this customer for this amount
/// </summary>
public class PaymentOptionsPreCheckRequest
{
    /// <summary>SA, AE, ...</summary>
    [JsonProperty("country")]
    public string Country { get; set; }

    [JsonProperty("order_value")]
    public TamaraMoney OrderValue { get; set; }

    [JsonProperty("phone_number")]
    public string PhoneNumber { get; set; }

    [JsonProperty("is_vip", NullValueHandling = NullValueHandling.Ignore)]
    public bool? IsVip { get; set; }
}
