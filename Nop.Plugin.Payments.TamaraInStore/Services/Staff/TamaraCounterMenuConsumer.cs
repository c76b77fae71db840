using Nop.Services.Events;
using Nop.Services.Localization;
using Nop.Plugin.Payments.TamaraInStore.Services.Counter;
using Nop.Services.Plugins;
using Nop.Web.Framework.Events;
using Nop.Web.Framework.Menu;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Staff;

/// <summary>Adds Sales → Tamara counter first under Sales, for staff who may sell at the counter (never vendors)</summary>
public class TamaraCounterMenuConsumer : IConsumer<AdminMenuCreatedEvent>
{
    public const string MenuSystemName = "Payments.TamaraInStore.Counter";

    private readonly ILocalizationService _localizationService;
    private readonly IPluginManager<IPlugin> _pluginManager;
    private readonly TamaraStaffPolicy _policy;

    public TamaraCounterMenuConsumer(ILocalizationService localizationService,
        IPluginManager<IPlugin> pluginManager,
        TamaraStaffPolicy policy)
    {
        _localizationService = localizationService;
        _pluginManager = pluginManager;
        _policy = policy;
    }

    public async Task HandleEventAsync(AdminMenuCreatedEvent eventMessage)
    {
        var sales = eventMessage?.RootMenuItem is null ? null : Find(eventMessage.RootMenuItem, "Sales");
        if (sales is null || !await _policy.MaySellAtCounterAsync())
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
