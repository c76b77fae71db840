using System.Reflection;
using Microsoft.AspNetCore.Mvc.Controllers;

namespace Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;

/// <summary>
/// Of the plugin's controllers only the webhook is hosted: the admin and store pages need the whole of nopCommerce.
/// Matched by name so the host builds whether or not the controller is there yet.
/// </summary>
public class WebhookControllerOnly : ControllerFeatureProvider
{
    public const string ControllerTypeName = "TamaraInStoreWebhookController";

    protected override bool IsController(TypeInfo typeInfo) =>
        typeInfo.Name == ControllerTypeName && base.IsController(typeInfo);
}
