using Moq;
using Nop.Core;
using Nop.Core.Domain.Vendors;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Operations;
using Nop.Plugin.Payments.TamaraInStore.Tests.Fakes;
using Nop.Services.Localization;
using Nop.Services.Plugins;
using Nop.Services.Security;
using Nop.Web.Framework.Events;
using Nop.Web.Framework.Menu;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Operations;

/// <summary>Sales → Tamara operations, after Orders, for those who may view orders; the count needing attention in its title</summary>
public class OperationsMenuTests
{
    private Mock<IPermissionService> _permissions;
    private Mock<IWorkContext> _workContext;
    private Mock<IPluginManager<IPlugin>> _plugins;
    private InMemoryRepository<TamaraSession> _sessions;

    [SetUp]
    public void SetUp()
    {
        _permissions = new Mock<IPermissionService>();
        _permissions.Setup(service => service.AuthorizeAsync(StandardPermission.Orders.ORDERS_VIEW)).ReturnsAsync(true);
        _workContext = new Mock<IWorkContext>();
        _plugins = new Mock<IPluginManager<IPlugin>>();
        _plugins.Setup(manager => manager.LoadPluginBySystemNameAsync(TamaraInStoreDefaults.SystemName, null, 0)).ReturnsAsync(new Mock<IPlugin>().Object);
        _sessions = new InMemoryRepository<TamaraSession>();
    }

    private static AdminMenuItem Root() => new()
    {
        SystemName = "Home",
        ChildNodes =
        [
            new AdminMenuItem { SystemName = "Dashboard" },
            new AdminMenuItem
            {
                SystemName = "Sales",
                ChildNodes = [new AdminMenuItem { SystemName = "Orders" }, new AdminMenuItem { SystemName = "Shipments" }]
            }
        ]
    };

    private async Task<AdminMenuItem> BuildMenuAsync()
    {
        var localization = new Mock<ILocalizationService>();
        localization.Setup(service => service.GetResourceAsync("Plugins.Payments.TamaraInStore.Operations.Menu")).ReturnsAsync("Tamara operations");
        var adminMenu = new Mock<IAdminMenu>();
        adminMenu.Setup(menu => menu.GetMenuItemUrl("TamaraInStoreOperations", "List")).Returns("/Admin/TamaraInStoreOperations/List");
        var consumer = new TamaraOperationsMenuConsumer(localization.Object, _permissions.Object, _plugins.Object, _workContext.Object,
            new TamaraOperationsQuery(new InMemoryRepository<Nop.Core.Domain.Orders.Order>(), _sessions));

        var root = Root();
        await consumer.HandleEventAsync(new AdminMenuCreatedEvent(adminMenu.Object, root));
        return root.ChildNodes.Single(node => node.SystemName == "Sales");
    }

    [Test]
    public async Task Staff_who_may_view_orders_get_the_item_after_orders()
    {
        var sales = await BuildMenuAsync();

        Assert.That(sales.ChildNodes.Select(node => node.SystemName), Is.EqualTo(new[] { "Orders", TamaraOperationsMenuConsumer.MenuSystemName, "Shipments" }));
        var item = sales.ChildNodes[1];
        Assert.That(item.Title, Is.EqualTo("Tamara operations"));
        Assert.That(item.Url, Is.EqualTo("/Admin/TamaraInStoreOperations/List"));
        Assert.That(item.PermissionNames, Is.EqualTo(new[] { StandardPermission.Orders.ORDERS_VIEW }));
    }

    [Test]
    public async Task The_title_counts_the_sessions_needing_attention()
    {
        _sessions.Insert(new TamaraSession { State = TamaraSessionState.NeedsAttention, StoreId = 1 });
        _sessions.Insert(new TamaraSession { State = TamaraSessionState.NeedsAttention, StoreId = 2 });
        _sessions.Insert(new TamaraSession { State = TamaraSessionState.Pending, StoreId = 1 });

        var sales = await BuildMenuAsync();

        Assert.That(sales.ChildNodes[1].Title, Is.EqualTo("Tamara operations (2)"));
    }

    [Test]
    public async Task No_item_without_the_right_to_view_orders()
    {
        _permissions.Setup(service => service.AuthorizeAsync(StandardPermission.Orders.ORDERS_VIEW)).ReturnsAsync(false);

        var sales = await BuildMenuAsync();

        Assert.That(sales.ChildNodes.Select(node => node.SystemName), Is.EqualTo(new[] { "Orders", "Shipments" }));
    }

    [Test]
    public async Task No_item_for_vendors()
    {
        _workContext.Setup(context => context.GetCurrentVendorAsync()).ReturnsAsync(new Vendor { Id = 4 });

        var sales = await BuildMenuAsync();

        Assert.That(sales.ChildNodes, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task No_item_before_the_plugin_is_installed()
    {
        _plugins.Setup(manager => manager.LoadPluginBySystemNameAsync(TamaraInStoreDefaults.SystemName, null, 0)).ReturnsAsync((IPlugin)null);

        var sales = await BuildMenuAsync();

        Assert.That(sales.ChildNodes, Has.Count.EqualTo(2));
        Assert.That(_sessions.QueryCount, Is.Zero, "the plugin's table is not read before it exists");
    }
}
