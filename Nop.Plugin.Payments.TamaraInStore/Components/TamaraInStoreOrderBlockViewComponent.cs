using Microsoft.AspNetCore.Mvc;
using Nop.Web.Framework.Components;

namespace Nop.Plugin.Payments.TamaraInStore.Components;

public class TamaraInStoreOrderBlockViewComponent : NopViewComponent
{
    public IViewComponentResult Invoke(string widgetZone, object additionalData) => Content(string.Empty);
}
