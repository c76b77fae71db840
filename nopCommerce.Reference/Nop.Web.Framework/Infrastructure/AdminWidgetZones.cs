namespace Nop.Web.Framework.Infrastructure;

// Only the zones the plugin uses.
public static partial class AdminWidgetZones
{
    public static string OrderDetailsBlock => "admin_order_details_block";

    public static string OrderDetailsButtons => "admin_order_details_buttons";

    public static string OrderPartiallyRefundButtons => "admin_order_partially_refund_buttons";

    public static string PaymentMethodListTop => "admin_payment_method_list_top";
}
