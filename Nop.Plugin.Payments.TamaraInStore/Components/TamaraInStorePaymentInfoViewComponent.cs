using Microsoft.AspNetCore.Mvc;
using Nop.Web.Framework.Components;

namespace Nop.Plugin.Payments.TamaraInStore.Components;

public class TamaraInStorePaymentInfoViewComponent : NopViewComponent
{
    public IViewComponentResult Invoke() => Content(string.Empty);
}
