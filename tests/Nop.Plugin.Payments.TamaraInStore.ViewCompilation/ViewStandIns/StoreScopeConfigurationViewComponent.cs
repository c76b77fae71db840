using Microsoft.AspNetCore.Mvc;

namespace Nop.Web.Areas.Admin.Components;

/// <summary>Stands in for nopCommerce's store selector on configuration pages</summary>
public class StoreScopeConfigurationViewComponent : ViewComponent
{
    public IViewComponentResult Invoke() => Content(string.Empty);
}
