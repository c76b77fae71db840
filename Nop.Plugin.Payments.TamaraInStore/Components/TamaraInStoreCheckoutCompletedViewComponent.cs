using Microsoft.AspNetCore.Mvc;
using Nop.Web.Framework.Components;

namespace Nop.Plugin.Payments.TamaraInStore.Components;

public class TamaraInStoreCheckoutCompletedViewComponent : NopViewComponent
{
    public IViewComponentResult Invoke(string widgetZone, object additionalData) => Content(string.Empty);
}
