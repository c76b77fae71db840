using Newtonsoft.Json;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

/// <summary>
/// Tamara's answer to the payment-options pre-check: whether any plan is available, and each plan's label in English and Arabic
/// </summary>
public class PaymentOptionsPreCheckResponse
{
    [JsonProperty("has_available_payment_options")]
    public bool HasAvailablePaymentOptions { get; set; }

    [JsonProperty("single_checkout_enabled")]
    public bool SingleCheckoutEnabled { get; set; }

    [JsonProperty("available_payment_labels")]
    public List<TamaraPaymentLabel> AvailablePaymentLabels { get; set; } = [];
}
