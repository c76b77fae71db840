namespace Nop.Services.Security;

// Only the groups the plugin uses; the host declares more nested classes and constants.
public partial class StandardPermission
{
    public partial class Orders
    {
        public const string CURRENT_CARTS_MANAGE = $"{nameof(Orders)}.CurrentCartsManage";

        public const string ORDERS_VIEW = $"{nameof(Orders)}.OrdersView";

        public const string ORDERS_CREATE_EDIT_DELETE = $"{nameof(Orders)}.OrdersCreateEditDelete";
    }

    public partial class Configuration
    {
        public const string MANAGE_WIDGETS = $"{nameof(Configuration)}.ManageWidgets";

        public const string MANAGE_SETTINGS = $"{nameof(Configuration)}.ManageSettings";

        public const string MANAGE_PAYMENT_METHODS = $"{nameof(Configuration)}.ManagePaymentMethods";

        public const string MANAGE_PLUGINS = $"{nameof(Configuration)}.ManagePlugins";
    }

    public partial class Security
    {
        public const string ENABLE_MULTI_FACTOR_AUTHENTICATION = $"{nameof(Security)}.EnableMultiFactorAuthentication";

        public const string ACCESS_ADMIN_PANEL = $"{nameof(Security)}.AccessAdminPanel";
    }
}
