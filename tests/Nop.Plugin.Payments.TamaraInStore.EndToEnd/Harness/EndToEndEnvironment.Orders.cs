using Microsoft.Extensions.DependencyInjection;

namespace Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;

/// <summary>nopCommerce's orders, order processing and locker, for the order sync and refunds</summary>
public sealed partial class EndToEndEnvironment
{
    private void AddOrderFakes(IServiceCollection services)
    {
    }
}
