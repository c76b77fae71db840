using Newtonsoft.Json;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

/// <summary>
/// One plan the customer can take, as the payment-options pre-check names it
/// </summary>
public class TamaraPaymentLabel
{
    /// <summary>PAY_BY_INSTALMENTS or PAY_NOW</summary>
    [JsonProperty("payment_type")]
    public string PaymentType { get; set; }

    /// <summary>Number of instalments; 0 or absent for PAY_NOW</summary>
    [JsonProperty("instalment")]
    public int? Instalment { get; set; }

    [JsonProperty("description_en")]
    public string DescriptionEn { get; set; }

    [JsonProperty("description_ar")]
    public string DescriptionAr { get; set; }

    /// <summary>The label in Arabic when asked for it and Tamara gave one, else in English</summary>
    public string Describe(bool arabic) =>
        arabic && !string.IsNullOrWhiteSpace(DescriptionAr) ? DescriptionAr : DescriptionEn ?? DescriptionAr ?? PaymentType;
}
