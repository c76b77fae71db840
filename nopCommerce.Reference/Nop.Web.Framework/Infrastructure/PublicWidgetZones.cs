namespace Nop.Web.Framework.Infrastructure;

// Only the zones the plugin uses.
public static partial class PublicWidgetZones
{
    public static string CheckoutCompletedBottom => "checkout_completed_bottom";

    public static string CheckoutCompletedTop => "checkout_completed_top";

    public static string OrderDetailsPageTop => "orderdetails_page_top";
}
