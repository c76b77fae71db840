using Newtonsoft.Json;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

public class TamaraItem
{
    [JsonProperty("reference_id")]
    public string ReferenceId { get; set; }

    [JsonProperty("type")]
    public string Type { get; set; }

    [JsonProperty("name")]
    public string Name { get; set; }

    [JsonProperty("sku")]
    public string Sku { get; set; }

    [JsonProperty("quantity")]
    public int Quantity { get; set; }

    [JsonProperty("unit_price")]
    public TamaraMoney UnitPrice { get; set; }

    [JsonProperty("discount_amount")]
    public TamaraMoney DiscountAmount { get; set; }

    [JsonProperty("tax_amount")]
    public TamaraMoney TaxAmount { get; set; }

    [JsonProperty("total_amount")]
    public TamaraMoney TotalAmount { get; set; }

    [JsonProperty("item_url")]
    public string ItemUrl { get; set; }

    [JsonProperty("image_url")]
    public string ImageUrl { get; set; }
}
