using Nop.Core;
using Nop.Services.Events;
using Nop.Services.Localization;
using Nop.Services.Plugins;
using Nop.Services.Security;
using Nop.Web.Framework.Events;
using Nop.Web.Framework.Menu;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Operations;

/// <summary>
/// Adds Sales → Tamara operations after Orders, for staff who may view orders (never vendors). nopCommerce's menu shows an
/// item's title as plain text, so the number of sessions needing attention is part of the title: "Tamara operations (3)"
/// </summary>
public class TamaraOperationsMenuConsumer : IConsumer<AdminMenuCreatedEvent>
{
    public const string MenuSystemName = "Payments.TamaraInStore.Operations";

    private const string SalesSystemName = "Sales";
    private const string OrdersSystemName = "Orders";

    private readonly ILocalizationService _localizationService;
    private readonly IPermissionService _permissionService;
    private readonly IPluginManager<IPlugin> _pluginManager;
    private readonly IWorkContext _workContext;
    private readonly TamaraOperationsQuery _query;

    public TamaraOperationsMenuConsumer(ILocalizationService localizationService,
        IPermissionService permissionService,
        IPluginManager<IPlugin> pluginManager,
        IWorkContext workContext,
        TamaraOperationsQuery query)
    {
        _localizationService = localizationService;
        _permissionService = permissionService;
        _pluginManager = pluginManager;
        _workContext = workContext;
        _query = query;
    }

    public async Task HandleEventAsync(AdminMenuCreatedEvent eventMessage)
    {
        var sales = eventMessage?.RootMenuItem is null ? null : Find(eventMessage.RootMenuItem, SalesSystemName);
        if (sales is null)
            return;

        if (await _workContext.GetCurrentVendorAsync() is not null
            || !await _permissionService.AuthorizeAsync(StandardPermission.Orders.ORDERS_VIEW))
            return;

        // the menu is built before an install completes, when the plugin's tables do not exist yet
        if (await _pluginManager.LoadPluginBySystemNameAsync(TamaraInStoreDefaults.SystemName) is null)
            return;

        var title = await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Operations.Menu");
        var needingAttention = await _query.CountNeedingAttentionAsync();
        if (needingAttention > 0)
            title = $"{title} ({needingAttention})";

        var item = new AdminMenuItem
        {
            SystemName = MenuSystemName,
            Title = title,
            IconClass = "far fa-dot-circle",
            PermissionNames = new List<string> { StandardPermission.Orders.ORDERS_VIEW },
            Url = eventMessage.GetMenuItemUrl("TamaraInStoreOperations", "List")
        };

        var orders = sales.ChildNodes.Select((node, index) => (node, index)).FirstOrDefault(pair => pair.node.SystemName == OrdersSystemName);
        if (orders.node is null)
            sales.ChildNodes.Add(item);
        else
            sales.ChildNodes.Insert(orders.index + 1, item);
    }

    private static AdminMenuItem Find(AdminMenuItem item, string systemName) =>
        item.SystemName == systemName ? item : item.ChildNodes?.Select(child => Find(child, systemName)).FirstOrDefault(found => found is not null);
}
