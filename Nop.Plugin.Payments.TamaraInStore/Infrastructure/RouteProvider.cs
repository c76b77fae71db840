using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Nop.Web.Framework;
using Nop.Web.Framework.Mvc.Routing;

namespace Nop.Plugin.Payments.TamaraInStore.Infrastructure;

public class RouteProvider : IRouteProvider
{
    public void RegisterRoutes(IEndpointRouteBuilder endpointRouteBuilder)
    {
        endpointRouteBuilder.MapControllerRoute(name: TamaraInStoreDefaults.Routes.Configure,
            pattern: "Admin/TamaraInStore/Configure",
            defaults: new { controller = "TamaraInStoreAdmin", action = "Configure", area = AreaNames.ADMIN });

        // no language prefix: Tamara calls this URL as registered
        endpointRouteBuilder.MapControllerRoute(name: TamaraInStoreDefaults.Routes.Webhook,
            pattern: TamaraInStoreDefaults.WebhookPath,
            defaults: new { controller = "TamaraInStoreWebhook", action = "Webhook" });

        endpointRouteBuilder.MapControllerRoute(name: TamaraInStoreDefaults.Routes.CheckoutStatus,
            pattern: "tamara/in-store/status/{orderGuid:guid}",
            defaults: new { controller = "TamaraInStorePublic", action = "Status" });

        endpointRouteBuilder.MapControllerRoute(name: TamaraInStoreDefaults.Routes.IdVerification,
            pattern: "tamara/in-store/id-verification",
            defaults: new { controller = "TamaraInStorePublic", action = "IdVerification" });
    }

    public int Priority => 0;
}
