// namespaces the plugin's _ViewImports names; nopCommerce fills them with helpers the views do not need here

namespace Nop.Web.Framework.UI
{
    internal static class ViewCompilationNamespace;
}

namespace Nop.Web.Framework.Extensions
{
    internal static class ViewCompilationNamespace;
}
