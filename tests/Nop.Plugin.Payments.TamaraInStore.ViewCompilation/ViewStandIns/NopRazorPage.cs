using Microsoft.AspNetCore.Mvc.Razor;
using Nop.Web.Framework.Localization;

namespace Nop.Web.Framework.Mvc.Razor;

/// <summary>Stands in for nopCommerce's base page of views, with the localizer the plugin's views use</summary>
public abstract class NopRazorPage<TModel> : RazorPage<TModel>
{
    public Localizer T => (text, args) => new LocalizedString(args is { Length: > 0 } ? string.Format(text, args) : text);
}
