using Newtonsoft.Json;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

/// <summary>
/// Tamara's money object: { "amount": 300, "currency": "SAR" }
/// </summary>
public class TamaraMoney
{
    public TamaraMoney()
    {
    }

    public TamaraMoney(decimal amount, string currency)
    {
        Amount = amount;
        Currency = currency;
    }

    [JsonProperty("amount")]
    public decimal Amount { get; set; }

    [JsonProperty("currency")]
    public string Currency { get; set; }

    public override string ToString() => $"{Amount:0.00##} {Currency}";
}
