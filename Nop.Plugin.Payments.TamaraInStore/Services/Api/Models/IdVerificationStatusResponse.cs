using Newtonsoft.Json;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

public class IdVerificationStatusResponse
{
    [JsonProperty("is_id_verified")]
    public bool IsIdVerified { get; set; }
}
