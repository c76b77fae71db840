using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Core.Domain.Directory;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;
using Nop.Plugin.Payments.TamaraInStore.Tests.Fakes;
using Nop.Services.Catalog;
using Nop.Services.Customers;
using Nop.Services.Directory;
using Nop.Services.Localization;
using Nop.Services.Orders;
using Nop.Services.Tax;

namespace Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;

/// <summary>nopCommerce's shop (cart, prices, currency, texts), orders, order processing and locker</summary>
public sealed partial class EndToEndEnvironment
{
    public FakeShop Shop { get; } = new();

    public InMemoryLocker Locker { get; } = new();

    /// <summary>nopCommerce's orders; MarkOrderAsPaidAsync refuses an order that cannot be marked as paid, and counts calls</summary>
    public InMemoryOrders Orders { get; } = NopCommerceOrders.Create();

    /// <summary>The payment request nopCommerce keeps between checkout steps, on the plugin's clock</summary>
    public NopPaymentRequestStore PaymentRequests => _paymentRequests ??= new NopPaymentRequestStore(Plugin.Services.GetRequiredService<TimeProvider>());

    private NopPaymentRequestStore _paymentRequests;

    /// <summary>
    /// nopCommerce's event publisher: it resolves the consumers through EngineContext, from the current request's
    /// RequestServices when there is a request (a webhook, a run of the scheduled task), otherwise from the container itself
    /// </summary>
    private void PublishOrderEventsToThePlugin()
    {
        Orders.OrderStatusChanged = eventMessage => ConsumeAsync(consumer => consumer.HandleEventAsync(eventMessage));
        Orders.OrderPaid = eventMessage => ConsumeAsync(consumer => consumer.HandleEventAsync(eventMessage));
        Orders.OrderDeleted = eventMessage => ConsumeAsync(consumer => consumer.HandleEventAsync(eventMessage));
    }

    private async Task ConsumeAsync(Func<EventConsumer, Task> handle)
    {
        var requestServices = Plugin.Services.GetRequiredService<IHttpContextAccessor>().HttpContext?.RequestServices;
        if (requestServices is not null)
        {
            await handle(ActivatorUtilities.CreateInstance<EventConsumer>(requestServices));
            return;
        }

        // the container itself would hand out the scoped services' process-wide instances; a scope keeps them apart here
        using var scope = Plugin.CreateScope();
        await handle(ActivatorUtilities.CreateInstance<EventConsumer>(scope.ServiceProvider));
    }

    private void AddOrderFakes(IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton(Shop.WorkContext.Object);
        services.AddSingleton(Shop.StoreContext.Object);
        services.AddSingleton(Shop.Customers.Object);
        services.AddSingleton(Shop.Products.Object);
        services.AddSingleton(Shop.Cart.Object);
        services.AddSingleton(Shop.Tax.Object);
        services.AddSingleton(Shop.Totals.Object);
        services.AddSingleton(Shop.Currencies.Object);
        services.AddSingleton(Shop.Localization.Object);
        services.AddSingleton<CurrencySettings>(Shop.CurrencySettings);
        services.AddSingleton(new Mock<IStaticCacheManager>().Object);
        services.AddSingleton<ILocker>(Locker);
        services.AddSingleton(Orders.OrderService);
        services.AddSingleton(Orders.OrderProcessingService);
    }
}
