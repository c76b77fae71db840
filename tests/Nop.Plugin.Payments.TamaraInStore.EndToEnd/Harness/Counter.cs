using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Checkout;
using Nop.Plugin.Payments.TamaraInStore.Tests.Fakes;
using Nop.Services.Payments;

namespace Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;

/// <summary>What the clerk does at the counter, through the plugin's checkout service as nopCommerce calls it</summary>
public class Counter
{
    private readonly EndToEndEnvironment _environment;

    /// <summary>The customer's mobile number as the clerk types it</summary>
    public const string DefaultPhone = "0534274516";

    public Counter(EndToEndEnvironment environment) => _environment = environment;

    /// <summary>The payment-info step and then "Confirm": ProcessPaymentAsync before nopCommerce creates the order</summary>
    public async Task<(ProcessPaymentRequest Request, ProcessPaymentResult Result)> ConfirmAsync(decimal total, string phoneNumber = DefaultPhone)
    {
        var request = await FillPaymentInfoAsync(total, phoneNumber);
        using var scope = _environment.Plugin.CreateScope();
        return (request, await scope.ServiceProvider.GetRequiredService<TamaraCheckoutService>().ProcessPaymentAsync(request));
    }

    /// <summary>A cart worth <paramref name="total"/> and the payment-info step filled in, as nopCommerce hands it to ProcessPaymentAsync</summary>
    public Task<ProcessPaymentRequest> FillPaymentInfoAsync(decimal total, string phoneNumber = DefaultPhone) =>
        FillPaymentInfoAsync(total, new Dictionary<string, StringValues>
        {
            ["PhoneNumber"] = phoneNumber,
            ["Email"] = "customer@example.com"
        });

    /// <summary>The whole placement with "Show a QR code here" for the till's <paramref name="deviceId"/>; no phone number</summary>
    public async Task<(int OrderId, string TamaraOrderId)> PlaceQrOrderAsync(decimal total, string deviceId)
    {
        var request = await FillPaymentInfoAsync(total, new Dictionary<string, StringValues>
        {
            ["Channel"] = TamaraInStoreDefaults.Channels.Qr,
            ["DeviceId"] = deviceId
        });
        ProcessPaymentResult result;
        using (var scope = _environment.Plugin.CreateScope())
            result = await scope.ServiceProvider.GetRequiredService<TamaraCheckoutService>().ProcessPaymentAsync(request);

        return await PlacedAsync(request, result, total);
    }

    private async Task<ProcessPaymentRequest> FillPaymentInfoAsync(decimal total, Dictionary<string, StringValues> form)
    {
        _environment.Shop.CartWorth(total);
        using var scope = _environment.Plugin.CreateScope();
        var checkout = scope.ServiceProvider.GetRequiredService<TamaraCheckoutService>();

        var request = await checkout.GetPaymentInfoAsync(new FormCollection(form));
        request.StoreId = StoreSettings.StoreId;
        request.CustomerId = FakeShop.CustomerId;
        request.OrderGuid = Guid.NewGuid();
        request.OrderTotal = total;
        request.PaymentMethodSystemName = TamaraInStoreDefaults.SystemName;
        return request;
    }

    /// <summary>
    /// The payment-info step as nopCommerce stores it between steps: a new request whose order GUID is replaced by the
    /// stored one while that is younger than 180 s (<see cref="NopPaymentRequestStore"/>)
    /// </summary>
    public async Task<ProcessPaymentRequest> EnterPaymentInfoAsync(decimal total)
    {
        var request = await FillPaymentInfoAsync(total);
        _environment.PaymentRequests.Stamp(request);
        _environment.PaymentRequests.Save(request);
        return _environment.PaymentRequests.Load();
    }

    /// <summary>"Confirm" with the request nopCommerce kept: ProcessPaymentAsync as PlaceOrderAsync calls it</summary>
    public async Task<ProcessPaymentResult> ConfirmStoredAsync()
    {
        var request = _environment.PaymentRequests.Load();
        _environment.PaymentRequests.Save(request);
        using var scope = _environment.Plugin.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TamaraCheckoutService>().ProcessPaymentAsync(request);
    }

    /// <summary>
    /// PlaceOrderAsync saved the order, then something after the save threw (an order-placed event consumer, a
    /// notification): nopCommerce catches it, reports the error and never calls PostProcessPaymentAsync
    /// </summary>
    public async Task<(int OrderId, string TamaraOrderId)> PlaceOrderFailingAfterSaveAsync(decimal total)
    {
        var (request, result) = await ConfirmAsync(total);
        if (!result.Success)
            throw new InvalidOperationException("Tamara refused the order: " + string.Join("; ", result.Errors));

        return (SaveOrder(request, result, total).Id, result.AuthorizationTransactionId);
    }

    /// <summary>
    /// The whole placement: the payment step, nopCommerce creating the pending order, then PostProcessPaymentAsync
    /// linking the session to it. Answers the order id and the Tamara order id.
    /// </summary>
    public async Task<(int OrderId, string TamaraOrderId)> PlaceOrderAsync(decimal total, string phoneNumber = DefaultPhone)
    {
        var (request, result) = await ConfirmAsync(total, phoneNumber);
        return await PlacedAsync(request, result, total);
    }

    /// <summary>nopCommerce creating the pending order after ProcessPaymentAsync, then PostProcessPaymentAsync</summary>
    public async Task<(int OrderId, string TamaraOrderId)> PlacedAsync(ProcessPaymentRequest request, ProcessPaymentResult result, decimal total)
    {
        if (!result.Success)
            throw new InvalidOperationException("Tamara refused the order: " + string.Join("; ", result.Errors));

        var order = SaveOrder(request, result, total);

        using var scope = _environment.Plugin.CreateScope();
        await scope.ServiceProvider.GetRequiredService<TamaraCheckoutService>().PostProcessPaymentAsync(new PostProcessPaymentRequest { Order = order });

        return (order.Id, result.AuthorizationTransactionId);
    }

    /// <summary>OrderProcessingService.SaveOrderDetailsAsync: the pending order with the payment method's answer</summary>
    private Order SaveOrder(ProcessPaymentRequest request, ProcessPaymentResult result, decimal total)
    {
        var orderId = Interlocked.Increment(ref _nextOrderId);
        return _environment.Orders.Add(new Order
        {
            Id = orderId,
            CustomOrderNumber = orderId.ToString(),
            OrderGuid = request.OrderGuid,
            StoreId = request.StoreId,
            CustomerId = request.CustomerId,
            PaymentMethodSystemName = TamaraInStoreDefaults.SystemName,
            OrderStatus = OrderStatus.Pending,
            PaymentStatus = result.NewPaymentStatus,
            OrderTotal = total,
            CurrencyRate = 1m,
            CustomerCurrencyCode = "SAR",
            AuthorizationTransactionId = result.AuthorizationTransactionId
        });
    }

    private static int _nextOrderId = 1000;
}
