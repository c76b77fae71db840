using Newtonsoft.Json;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

public class UpdateReferenceIdResponse
{
    [JsonProperty("message")]
    public string Message { get; set; }
}
