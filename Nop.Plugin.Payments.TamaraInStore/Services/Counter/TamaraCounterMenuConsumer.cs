using Nop.Core;
using Nop.Services.Events;
using Nop.Services.Localization;
using Nop.Services.Plugins;
using Nop.Services.Security;
using Nop.Web.Framework.Events;
using Nop.Web.Framework.Menu;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Counter;

/// <summary>Adds Sales → Tamara counter first under Sales, for staff who may sell at the counter (never vendors)</summary>
public class TamaraCounterMenuConsumer : IConsumer<AdminMenuCreatedEvent>
{
    public const string MenuSystemName = "Payments.TamaraInStore.Counter";

    private readonly ILocalizationService _localizationService;
    private readonly IPermissionService _permissionService;
    private readonly IPluginManager<IPlugin> _pluginManager;
    private readonly IWorkContext _workContext;

    public TamaraCounterMenuConsumer(ILocalizationService localizationService,
        IPermissionService permissionService,
        IPluginManager<IPlugin> pluginManager,
        IWorkContext workContext)
    {
        _localizationService = localizationService;
        _permissionService = permissionService;
        _pluginManager = pluginManager;
        _workContext = workContext;
    }

    public async Task HandleEventAsync(AdminMenuCreatedEvent eventMessage)
    {
        var sales = eventMessage?.RootMenuItem is null ? null : Find(eventMessage.RootMenuItem, "Sales");
        if (sales is null || !await TamaraCounterPermission.MaySellAsync(_permissionService, _workContext))
            return;

        if (await _pluginManager.LoadPluginBySystemNameAsync(TamaraInStoreDefaults.SystemName) is null)
            return;

        sales.ChildNodes.Insert(0, new AdminMenuItem
        {
            SystemName = MenuSystemName,
            Title = await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.CounterSale.Menu"),
            IconClass = "far fa-dot-circle",
            PermissionNames = new List<string> { TamaraCounterPermission.SellAtCounter },
            Url = eventMessage.GetMenuItemUrl("TamaraInStoreCounter", "Index")
        });
    }

    private static AdminMenuItem Find(AdminMenuItem item, string systemName) =>
        item.SystemName == systemName ? item : item.ChildNodes?.Select(child => Find(child, systemName)).FirstOrDefault(found => found is not null);
}
