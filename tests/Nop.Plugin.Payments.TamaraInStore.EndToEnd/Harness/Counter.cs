using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Services.Payments;

namespace Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;

/// <summary>What the clerk does at the counter, through the plugin's checkout service as nopCommerce calls it</summary>
public class Counter
{
    private readonly EndToEndEnvironment _environment;

    public Counter(EndToEndEnvironment environment) => _environment = environment;

    /// <summary>The payment-info step and then "Confirm": ProcessPaymentAsync before nopCommerce creates the order</summary>
    public async Task<(ProcessPaymentRequest Request, ProcessPaymentResult Result)> ConfirmAsync(decimal total)
    {
        _environment.Shop.CartWorth(total);
        using var scope = _environment.Plugin.CreateScope();
        var checkout = scope.ServiceProvider.GetRequiredService<TamaraCheckoutService>();

        var request = await checkout.GetPaymentInfoAsync(new FormCollection(new Dictionary<string, StringValues>
        {
            ["PhoneNumber"] = "0534274516",
            ["Email"] = "customer@example.com"
        }));
        request.StoreId = StoreSettings.StoreId;
        request.CustomerId = FakeShop.CustomerId;
        request.OrderGuid = Guid.NewGuid();
        request.OrderTotal = total;
        request.PaymentMethodSystemName = TamaraInStoreDefaults.SystemName;

        return (request, await checkout.ProcessPaymentAsync(request));
    }
}
