using Newtonsoft.Json;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

/// <summary>
/// Body of POST /checkout/in-store (the QR flow of a POS device; the device id goes in the X-Device-Id header)
/// </summary>
public class CreateInStoreQrSessionRequest
{
    [JsonProperty("amount")]
    public TamaraMoney Amount { get; set; }

    /// <summary>Required by Tamara: the integration's name (PARTNERNAME_POS_QR)</summary>
    [JsonProperty("platform")]
    public string Platform { get; set; }

    [JsonProperty("order_reference_id")]
    public string OrderReferenceId { get; set; }

    [JsonProperty("order_number")]
    public string OrderNumber { get; set; }

    [JsonProperty("locale")]
    public string Locale { get; set; }

    [JsonProperty("additional_data")]
    public TamaraAdditionalData AdditionalData { get; set; }
}
