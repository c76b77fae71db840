// namespaces the plugin's _ViewImports names; nopCommerce fills them with helpers the views do not need here

namespace Nop.Web.Framework.UI
{
    internal static class ViewCompilationNamespace;

    /// <summary>Stands in for nopCommerce's HTML helper, with the member the operations page uses</summary>
    public interface INopHtmlHelper
    {
        void SetActiveMenuItemSystemName(string systemName);
    }
}

namespace Nop.Web.Framework.Extensions
{
    internal static class ViewCompilationNamespace;
}
