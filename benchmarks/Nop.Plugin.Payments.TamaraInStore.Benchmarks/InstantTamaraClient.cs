using System.Collections.Concurrent;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

namespace Nop.Plugin.Payments.TamaraInStore.Benchmarks;

/// <summary>
/// Tamara answering in no time, in-process: isolates the plugin's own cost (request building, validation, storage,
/// token checks, the sync) from the network and Tamara's round trip.
/// </summary>
public sealed class InstantTamaraClient : ITamaraClient
{
    private readonly ConcurrentDictionary<string, TamaraOrder> _orders = new();
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public void Captured(string orderId, decimal amount, string currency = "SAR") => _orders[orderId] = new TamaraOrder
    {
        OrderId = orderId,
        Status = TamaraOrderStatus.FullyCaptured,
        TotalAmount = new TamaraMoney(amount, currency),
        CapturedAmount = new TamaraMoney(amount, currency),
        RefundedAmount = new TamaraMoney(0m, currency),
        Transactions = new TamaraTransactions { Captures = [new TamaraCapture { CaptureId = "capture-" + orderId, TotalAmount = new TamaraMoney(amount, currency) }] }
    };

    public Task<CreateInStoreSessionResponse> CreateInStoreSessionAsync(TamaraInStoreSettings settings, CreateInStoreSessionRequest request, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        var id = Guid.NewGuid().ToString();
        _orders[id] = new TamaraOrder { OrderId = id, Status = TamaraOrderStatus.New, TotalAmount = request.TotalAmount, OrderReferenceId = request.OrderReferenceId };
        return Task.FromResult(new CreateInStoreSessionResponse { OrderId = id, CheckoutId = "checkout-" + id, CheckoutDeeplink = "http://127.0.0.1/pay/" + id });
    }

    public Task<TamaraOrder> GetOrderAsync(TamaraInStoreSettings settings, string orderId, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return _orders.TryGetValue(orderId, out var order)
            ? Task.FromResult(order)
            : throw new TamaraApiException("Order not found", System.Net.HttpStatusCode.NotFound, "GET /merchants/orders/{id}");
    }

    public Task<TamaraOrder> GetOrderByReferenceIdAsync(TamaraInStoreSettings settings, string orderReferenceId, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(_orders.Values.FirstOrDefault(order => order.OrderReferenceId == orderReferenceId));
    }

    public Task<CreateInStoreSessionResponse> CreateInStoreQrSessionAsync(TamaraInStoreSettings settings, string deviceId, CreateInStoreQrSessionRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<TamaraWebhook> GetWebhookAsync(TamaraInStoreSettings settings, string webhookId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<TamaraWebhook> UpdateWebhookAsync(TamaraInStoreSettings settings, string webhookId, TamaraWebhook webhook, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<IList<TamaraOrderDispute>> GetDisputesAsync(TamaraInStoreSettings settings, string orderId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<VoidCheckoutSessionResponse> VoidCheckoutSessionAsync(TamaraInStoreSettings settings, string checkoutId, string orderId, string storeCode = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        if (_orders.TryGetValue(orderId, out var order))
            order.Status = TamaraOrderStatus.Canceled;
        return Task.FromResult(new VoidCheckoutSessionResponse { OrderWasVoided = order is not null });
    }

    public Task<SimplifiedRefundResponse> SimplifiedRefundAsync(TamaraInStoreSettings settings, string orderId, SimplifiedRefundRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<TamaraWebhook> RegisterWebhookAsync(TamaraInStoreSettings settings, TamaraWebhook webhook, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<IList<TamaraWebhook>> GetWebhooksAsync(TamaraInStoreSettings settings, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task DeleteWebhookAsync(TamaraInStoreSettings settings, string webhookId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<bool> IsCustomerIdVerifiedAsync(TamaraInStoreSettings settings, string phoneNumber, string countryCode, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<UpdateReferenceIdResponse> UpdateOrderReferenceIdAsync(TamaraInStoreSettings settings, string orderId, string orderReferenceId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<IList<TamaraPaymentType>> GetPaymentTypesAsync(TamaraInStoreSettings settings, string countryCode, string currency, decimal? orderValue = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<PaymentOptionsPreCheckResponse> PaymentOptionsPreCheckAsync(TamaraInStoreSettings settings, PaymentOptionsPreCheckRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();
}
