using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Api;

public class TamaraClient : ITamaraClient
{
    public TamaraClient(HttpClient httpClient)
    {
    }

    public Task<CreateInStoreSessionResponse> CreateInStoreSessionAsync(TamaraInStoreSettings settings, CreateInStoreSessionRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public Task<CreateInStoreSessionResponse> CreateInStoreQrSessionAsync(TamaraInStoreSettings settings, string deviceId, CreateInStoreQrSessionRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public Task<VoidCheckoutSessionResponse> VoidCheckoutSessionAsync(TamaraInStoreSettings settings, string checkoutId, string orderId, string storeCode = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public Task<TamaraOrder> GetOrderAsync(TamaraInStoreSettings settings, string orderId, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public Task<TamaraOrder> GetOrderByReferenceIdAsync(TamaraInStoreSettings settings, string orderReferenceId, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public Task<SimplifiedRefundResponse> SimplifiedRefundAsync(TamaraInStoreSettings settings, string orderId, SimplifiedRefundRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public Task<TamaraWebhook> RegisterWebhookAsync(TamaraInStoreSettings settings, TamaraWebhook webhook, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public Task<IList<TamaraWebhook>> GetWebhooksAsync(TamaraInStoreSettings settings, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public Task DeleteWebhookAsync(TamaraInStoreSettings settings, string webhookId, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public Task<bool> IsCustomerIdVerifiedAsync(TamaraInStoreSettings settings, string phoneNumber, string countryCode, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public Task<UpdateReferenceIdResponse> UpdateOrderReferenceIdAsync(TamaraInStoreSettings settings, string orderId, string orderReferenceId, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public Task<IList<TamaraPaymentType>> GetPaymentTypesAsync(TamaraInStoreSettings settings, string countryCode, string currency, decimal? orderValue = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
