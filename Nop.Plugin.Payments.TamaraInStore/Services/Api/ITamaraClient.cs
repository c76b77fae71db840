using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Api;

/// <summary>
/// Tamara's in-store API. Every call takes the settings of the store it acts for (per-store credentials).
/// Failures surface as <see cref="TamaraApiException"/>.
/// </summary>
public interface ITamaraClient
{
    /// <summary>POST /checkout/in-store-session: Tamara texts the customer a payment link. Never retried automatically.</summary>
    Task<CreateInStoreSessionResponse> CreateInStoreSessionAsync(TamaraInStoreSettings settings, CreateInStoreSessionRequest request, CancellationToken cancellationToken = default);

    /// <summary>POST /checkout/in-store with X-Device-Id: a session shown as a QR code on a POS device. Never retried automatically.</summary>
    Task<CreateInStoreSessionResponse> CreateInStoreQrSessionAsync(TamaraInStoreSettings settings, string deviceId, CreateInStoreQrSessionRequest request, CancellationToken cancellationToken = default);

    /// <summary>POST /checkout/{checkout_id}/void?order_id=..&amp;store_code=..; meaningful only while the order is new</summary>
    Task<VoidCheckoutSessionResponse> VoidCheckoutSessionAsync(TamaraInStoreSettings settings, string checkoutId, string orderId, string storeCode = null, CancellationToken cancellationToken = default);

    /// <summary>GET /merchants/orders/{order_id}</summary>
    Task<TamaraOrder> GetOrderAsync(TamaraInStoreSettings settings, string orderId, CancellationToken cancellationToken = default);

    /// <summary>GET /merchants/orders/reference-id/{order_reference_id}; null when Tamara knows no such order (404)</summary>
    Task<TamaraOrder> GetOrderByReferenceIdAsync(TamaraInStoreSettings settings, string orderReferenceId, CancellationToken cancellationToken = default);

    /// <summary>POST /payments/simplified-refund/{order_id}. Never retried automatically.</summary>
    Task<SimplifiedRefundResponse> SimplifiedRefundAsync(TamaraInStoreSettings settings, string orderId, SimplifiedRefundRequest request, CancellationToken cancellationToken = default);

    /// <summary>POST /webhooks; answers the registration with its id</summary>
    Task<TamaraWebhook> RegisterWebhookAsync(TamaraInStoreSettings settings, TamaraWebhook webhook, CancellationToken cancellationToken = default);

    /// <summary>GET /webhooks</summary>
    Task<IList<TamaraWebhook>> GetWebhooksAsync(TamaraInStoreSettings settings, CancellationToken cancellationToken = default);

    /// <summary>GET /webhooks/{id}; null when Tamara knows no such registration (404)</summary>
    Task<TamaraWebhook> GetWebhookAsync(TamaraInStoreSettings settings, string webhookId, CancellationToken cancellationToken = default);

    /// <summary>PUT /webhooks/{id}: points an existing registration at this URL with these events; null when it is gone (404)</summary>
    Task<TamaraWebhook> UpdateWebhookAsync(TamaraInStoreSettings settings, string webhookId, TamaraWebhook webhook, CancellationToken cancellationToken = default);

    /// <summary>GET <see cref="TamaraInStoreDefaults.DisputesPath"/>?order_id=..: the disputes of one Tamara order</summary>
    Task<IList<TamaraOrderDispute>> GetDisputesAsync(TamaraInStoreSettings settings, string orderId, CancellationToken cancellationToken = default);

    /// <summary>DELETE /webhooks/{id}; a webhook that is already gone (404) is not an error</summary>
    Task DeleteWebhookAsync(TamaraInStoreSettings settings, string webhookId, CancellationToken cancellationToken = default);

    /// <summary>GET /merchants/customer/id-verification-status?phone_number=..&amp;country_code=..</summary>
    Task<bool> IsCustomerIdVerifiedAsync(TamaraInStoreSettings settings, string phoneNumber, string countryCode, CancellationToken cancellationToken = default);

    /// <summary>PUT /orders/{order_id}/reference-id</summary>
    Task<UpdateReferenceIdResponse> UpdateOrderReferenceIdAsync(TamaraInStoreSettings settings, string orderId, string orderReferenceId, CancellationToken cancellationToken = default);

    /// <summary>GET /checkout/payment-types?country=..&amp;currency=..&amp;order_value=..; the payment types and limits for a country</summary>
    Task<IList<TamaraPaymentType>> GetPaymentTypesAsync(TamaraInStoreSettings settings, string countryCode, string currency, decimal? orderValue = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// POST /checkout/payment-options-pre-check: the plans Tamara offers this phone number for this amount. Only reads, but
    /// never retried: the counter asks it with a short deadline of its own and goes on without it.
    /// </summary>
    Task<PaymentOptionsPreCheckResponse> PaymentOptionsPreCheckAsync(TamaraInStoreSettings settings, PaymentOptionsPreCheckRequest request, CancellationToken cancellationToken = default);
}
