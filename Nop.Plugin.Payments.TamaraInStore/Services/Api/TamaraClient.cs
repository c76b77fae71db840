using System.Globalization;
using System.Net;
using Newtonsoft.Json.Linq;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Api;

/// <summary>
/// Tamara's in-store API. Only calls that cannot take effect twice are retried (reads, webhook deletion,
/// setting the same reference id again, voiding); creating a session and refunding never are.
/// </summary>
public class TamaraClient : ITamaraClient
{
    private readonly TamaraRequestSender _sender;

    public TamaraClient(HttpClient httpClient, ILogger logger, TimeProvider timeProvider)
        : this(httpClient, logger, timeProvider, TamaraRetryPolicy.Default)
    {
    }

    internal TamaraClient(HttpClient httpClient, ILogger logger, TimeProvider timeProvider, TamaraRetryPolicy retryPolicy)
    {
        _sender = new TamaraRequestSender(httpClient, logger, timeProvider, retryPolicy);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Never retried: a repeated call could text the customer a second link. When the exception says
    /// <see cref="TamaraApiException.OutcomeUnknown"/>, the caller finds out what happened with
    /// <see cref="GetOrderByReferenceIdAsync"/> using the same order_reference_id.
    /// </remarks>
    public async Task<CreateInStoreSessionResponse> CreateInStoreSessionAsync(TamaraInStoreSettings settings,
        CreateInStoreSessionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = new TamaraCall(HttpMethod.Post, "/checkout/in-store-session", Retryable: false) { Body = request };

        return RequireSession(call, await _sender.SendAsync<CreateInStoreSessionResponse>(settings, call, cancellationToken));
    }

    /// <inheritdoc />
    /// <remarks>Never retried, for the same reason as <see cref="CreateInStoreSessionAsync"/>; recover the same way.</remarks>
    public async Task<CreateInStoreSessionResponse> CreateInStoreQrSessionAsync(TamaraInStoreSettings settings, string deviceId,
        CreateInStoreQrSessionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceId);
        ArgumentNullException.ThrowIfNull(request);
        var call = new TamaraCall(HttpMethod.Post, "/checkout/in-store", Retryable: false)
        {
            Body = request,
            Headers = new Dictionary<string, string> { ["X-Device-Id"] = deviceId }
        };

        return RequireSession(call, await _sender.SendAsync<CreateInStoreSessionResponse>(settings, call, cancellationToken));
    }

    /// <inheritdoc />
    /// <remarks>Retried: voiding a session that is already void changes nothing.</remarks>
    public Task<VoidCheckoutSessionResponse> VoidCheckoutSessionAsync(TamaraInStoreSettings settings, string checkoutId, string orderId,
        string storeCode = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(checkoutId);
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        var call = new TamaraCall(HttpMethod.Post, $"/checkout/{TamaraCall.Escape(checkoutId)}/void", Retryable: true)
        {
            Query = [new("order_id", orderId), new("store_code", storeCode)]
        };

        return _sender.SendAsync<VoidCheckoutSessionResponse>(settings, call, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The guide's path. Tamara's reference page shows GET /orders/{order_id} instead; which one the live API prefers
    /// is unsure, so the guide's is used and the simulator tests pin it.
    /// </remarks>
    public Task<TamaraOrder> GetOrderAsync(TamaraInStoreSettings settings, string orderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        var call = new TamaraCall(HttpMethod.Get, $"/merchants/orders/{TamaraCall.Escape(orderId)}", Retryable: true);

        return _sender.SendAsync<TamaraOrder>(settings, call, cancellationToken);
    }

    /// <inheritdoc />
    public Task<TamaraOrder> GetOrderByReferenceIdAsync(TamaraInStoreSettings settings, string orderReferenceId,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderReferenceId);
        var call = new TamaraCall(HttpMethod.Get, $"/merchants/orders/reference-id/{TamaraCall.Escape(orderReferenceId)}", Retryable: true)
        {
            NotFoundIsEmpty = true
        };

        return _sender.SendAsync<TamaraOrder>(settings, call, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Never retried: a repeated call could refund twice. When the exception says <see cref="TamaraApiException.OutcomeUnknown"/>,
    /// the caller reads the order (<see cref="GetOrderAsync"/>) and looks for the refund among its transactions.
    /// </remarks>
    public Task<SimplifiedRefundResponse> SimplifiedRefundAsync(TamaraInStoreSettings settings, string orderId, SimplifiedRefundRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        ArgumentNullException.ThrowIfNull(request);
        var call = new TamaraCall(HttpMethod.Post, $"/payments/simplified-refund/{TamaraCall.Escape(orderId)}", Retryable: false) { Body = request };

        return _sender.SendAsync<SimplifiedRefundResponse>(settings, call, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Not retried: a repeated call could register the URL twice. The id's field name is unsure (webhook_id in the SDKs),
    /// so "id" is accepted as well; the answer is the registration sent, with the id Tamara gave it.
    /// </remarks>
    public async Task<TamaraWebhook> RegisterWebhookAsync(TamaraInStoreSettings settings, TamaraWebhook webhook,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var call = new TamaraCall(HttpMethod.Post, "/webhooks", Retryable: false) { Body = webhook };

        var answer = await _sender.SendAsync<JToken>(settings, call, cancellationToken);
        var webhookId = WebhookId(answer as JObject)
            ?? throw TamaraRequestSender.InvalidResponse(call, "the answer carries no webhook id");

        return new TamaraWebhook { WebhookId = webhookId, Type = webhook.Type, Events = webhook.Events, Url = webhook.Url, Headers = webhook.Headers };
    }

    /// <inheritdoc />
    /// <remarks>The list's shape is unsure: a bare array and an object wrapping it (webhooks / data / items) are both read.</remarks>
    public async Task<IList<TamaraWebhook>> GetWebhooksAsync(TamaraInStoreSettings settings, CancellationToken cancellationToken = default)
    {
        var call = new TamaraCall(HttpMethod.Get, "/webhooks", Retryable: true);
        var answer = await _sender.SendAsync<JToken>(settings, call, cancellationToken);

        return ReadList<TamaraWebhook>(call, answer, "webhooks", entry => entry.Item.WebhookId ??= WebhookId(entry.Source));
    }

    /// <inheritdoc />
    public async Task<TamaraWebhook> GetWebhookAsync(TamaraInStoreSettings settings, string webhookId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(webhookId);
        var call = new TamaraCall(HttpMethod.Get, $"/webhooks/{TamaraCall.Escape(webhookId)}", Retryable: true) { NotFoundIsEmpty = true };

        return ReadWebhook(call, await _sender.SendAsync<JToken>(settings, call, cancellationToken), webhookId);
    }

    /// <inheritdoc />
    /// <remarks>Retried: sending the same registration again changes nothing.</remarks>
    public async Task<TamaraWebhook> UpdateWebhookAsync(TamaraInStoreSettings settings, string webhookId, TamaraWebhook webhook,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(webhookId);
        ArgumentNullException.ThrowIfNull(webhook);
        var call = new TamaraCall(HttpMethod.Put, $"/webhooks/{TamaraCall.Escape(webhookId)}", Retryable: true)
        {
            Body = new TamaraWebhook { Type = webhook.Type, Events = webhook.Events, Url = webhook.Url, Headers = webhook.Headers },
            ResponseBodyRequired = false,
            HandledFailureStatus = HttpStatusCode.NotFound
        };

        try
        {
            await _sender.SendAsync<JToken>(settings, call, cancellationToken);
        }
        catch (TamaraApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return new TamaraWebhook { WebhookId = webhookId, Type = webhook.Type, Events = webhook.Events, Url = webhook.Url, Headers = webhook.Headers };
    }

    /// <inheritdoc />
    /// <remarks>
    /// The path and the answer's shape are unsure (the reference's API explorer only): the path is one constant, the list
    /// is read bare or wrapped (disputes / data / items), and the likely alternative field names are read as well.
    /// </remarks>
    public async Task<IList<TamaraOrderDispute>> GetDisputesAsync(TamaraInStoreSettings settings, string orderId,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        var call = new TamaraCall(HttpMethod.Get, TamaraInStoreDefaults.DisputesPath, Retryable: true)
        {
            Query = [new("order_id", orderId)],
            NotFoundIsEmpty = true
        };
        var answer = await _sender.SendAsync<JToken>(settings, call, cancellationToken);
        if (answer is null || answer.Type == JTokenType.Null)
            return new List<TamaraOrderDispute>();

        return ReadList<TamaraOrderDispute>(call, answer, "disputes", entry =>
        {
            entry.Item.DisputeId ??= Text(entry.Source, "id");
            entry.Item.Status ??= Text(entry.Source, "status");
            entry.Item.Amount ??= entry.Source["amount"] is JObject amount ? TamaraJson.Convert<TamaraMoney>(amount) : null;
            entry.Item.RespondByUtc ??= entry.Source["respond_by"]?.ToObject<DateTime?>() ?? entry.Source["deadline"]?.ToObject<DateTime?>();
        });
    }

    /// <inheritdoc />
    public Task DeleteWebhookAsync(TamaraInStoreSettings settings, string webhookId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(webhookId);
        var call = new TamaraCall(HttpMethod.Delete, $"/webhooks/{TamaraCall.Escape(webhookId)}", Retryable: true)
        {
            NotFoundIsEmpty = true,
            ResponseBodyRequired = false
        };

        return _sender.SendAsync<JToken>(settings, call, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The method is unsure: the guide says POST with query parameters, the reference page GET. GET is tried first;
    /// when Tamara answers 405 Method Not Allowed the same query is sent once as POST. Both only read, so both are retried.
    /// </remarks>
    public async Task<bool> IsCustomerIdVerifiedAsync(TamaraInStoreSettings settings, string phoneNumber, string countryCode,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phoneNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(countryCode);
        var call = new TamaraCall(HttpMethod.Get, "/merchants/customer/id-verification-status", Retryable: true)
        {
            Query = [new("phone_number", phoneNumber), new("country_code", countryCode)],
            HandledFailureStatus = HttpStatusCode.MethodNotAllowed
        };

        try
        {
            return (await _sender.SendAsync<IdVerificationStatusResponse>(settings, call, cancellationToken)).IsIdVerified;
        }
        catch (TamaraApiException exception) when (exception.StatusCode == HttpStatusCode.MethodNotAllowed)
        {
            var asPost = call with { Method = HttpMethod.Post, HandledFailureStatus = null };
            return (await _sender.SendAsync<IdVerificationStatusResponse>(settings, asPost, cancellationToken)).IsIdVerified;
        }
    }

    /// <inheritdoc />
    /// <remarks>Retried: setting the same reference id again changes nothing.</remarks>
    public Task<UpdateReferenceIdResponse> UpdateOrderReferenceIdAsync(TamaraInStoreSettings settings, string orderId, string orderReferenceId,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        ArgumentException.ThrowIfNullOrWhiteSpace(orderReferenceId);
        var call = new TamaraCall(HttpMethod.Put, $"/orders/{TamaraCall.Escape(orderId)}/reference-id", Retryable: true)
        {
            Body = new UpdateReferenceIdRequest { OrderReferenceId = orderReferenceId }
        };

        return _sender.SendAsync<UpdateReferenceIdResponse>(settings, call, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Taken from Tamara's SDKs, not from the in-store pages (unsure): the parameter names country / currency / order_value
    /// and the answer's shape (a bare array, or an object wrapping it) are both read leniently.
    /// </remarks>
    public async Task<IList<TamaraPaymentType>> GetPaymentTypesAsync(TamaraInStoreSettings settings, string countryCode, string currency,
        decimal? orderValue = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(countryCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(currency);
        var call = new TamaraCall(HttpMethod.Get, "/checkout/payment-types", Retryable: true)
        {
            Query =
            [
                new("country", countryCode),
                new("currency", currency),
                new("order_value", orderValue?.ToString(CultureInfo.InvariantCulture))
            ]
        };
        var answer = await _sender.SendAsync<JToken>(settings, call, cancellationToken);

        return ReadList<TamaraPaymentType>(call, answer, "payment_types", _ => { });
    }

    /// <inheritdoc />
    /// <remarks>Not retried: the caller's deadline (about a second) leaves no room for a second attempt.</remarks>
    public Task<PaymentOptionsPreCheckResponse> PaymentOptionsPreCheckAsync(TamaraInStoreSettings settings, PaymentOptionsPreCheckRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = new TamaraCall(HttpMethod.Post, "/checkout/payment-options-pre-check", Retryable: false) { Body = request };

        return _sender.SendAsync<PaymentOptionsPreCheckResponse>(settings, call, cancellationToken);
    }

    private static CreateInStoreSessionResponse RequireSession(TamaraCall call, CreateInStoreSessionResponse response)
    {
        if (string.IsNullOrWhiteSpace(response?.OrderId) || string.IsNullOrWhiteSpace(response.CheckoutId))
            throw TamaraRequestSender.InvalidResponse(call, "the answer lacks order_id or checkout_id");

        return response;
    }

    private static TamaraWebhook ReadWebhook(TamaraCall call, JToken answer, string webhookId)
    {
        if (answer is null || answer.Type == JTokenType.Null)
            return null;

        // one registration, bare or wrapped
        var source = (answer as JObject)?["webhook"] as JObject ?? (answer as JObject)?["data"] as JObject ?? answer as JObject
            ?? throw TamaraRequestSender.InvalidResponse(call, "the answer is not a webhook");
        try
        {
            var webhook = TamaraJson.Convert<TamaraWebhook>(source);
            webhook.WebhookId ??= WebhookId(source) ?? webhookId;
            webhook.Events ??= new List<string>();
            return webhook;
        }
        catch (Newtonsoft.Json.JsonException exception)
        {
            throw new TamaraApiException($"Tamara's answer to {call.Endpoint} could not be read: not the expected JSON",
                HttpStatusCode.OK, call.Endpoint, kind: TamaraErrorKind.InvalidResponse, innerException: exception);
        }
    }

    private static string Text(JObject source, string name) =>
        source[name] is JValue { Value: not null } value ? Convert.ToString(value.Value, CultureInfo.InvariantCulture) : null;

    private static string WebhookId(JObject webhook)
    {
        var id = webhook?["webhook_id"] ?? webhook?["id"];
        return id is JValue { Value: not null } value ? Convert.ToString(value.Value, CultureInfo.InvariantCulture) : null;
    }

    private static List<T> ReadList<T>(TamaraCall call, JToken answer, string wrapperName, Action<(T Item, JObject Source)> complete)
    {
        var list = answer as JArray
            ?? (answer as JObject)?[wrapperName] as JArray
            ?? (answer as JObject)?["data"] as JArray
            ?? (answer as JObject)?["items"] as JArray
            ?? throw TamaraRequestSender.InvalidResponse(call, "the answer is not a list");

        try
        {
            return list.OfType<JObject>().Select(source =>
            {
                var item = TamaraJson.Convert<T>(source);
                complete((item, source));
                return item;
            }).ToList();
        }
        catch (Newtonsoft.Json.JsonException exception)
        {
            throw new TamaraApiException($"Tamara's answer to {call.Endpoint} could not be read: an entry is not the expected JSON",
                HttpStatusCode.OK, call.Endpoint, kind: TamaraErrorKind.InvalidResponse, innerException: exception);
        }
    }
}
