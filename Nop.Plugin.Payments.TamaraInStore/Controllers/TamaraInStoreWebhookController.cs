using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Newtonsoft.Json;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Infrastructure;
using Nop.Core;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Disputes;
using Nop.Plugin.Payments.TamaraInStore.Services.Health;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Logging;
using Nop.Services.Stores;

namespace Nop.Plugin.Payments.TamaraInStore.Controllers;

/// <summary>
/// Tamara's order webhook. A delivery only says which order changed: the order is read back from Tamara by the sync.
/// </summary>
/// <remarks>
/// Answers: 401 (no detail) unless the tamaraToken is signed with a store's notification token, and for an order we know,
/// with that order's store's; 400 for a body that is not a notification; 200 once handled, for duplicates and
/// for orders we do not know (so Tamara stops retrying). An order we hold no id of is first looked for by its reference
/// among our sessions (a create answer that was lost); otherwise, if it carries money, it is recorded once as a Tamara
/// payment without an order, with an error in the log. 503 with Retry-After when Tamara itself could not be read
/// or the order's lock stayed busy, so the delivery comes again (the poller would catch up too, but later when it is
/// backing off, and not at all for a paid order's refunds).
/// Any other failure is logged and answered 200: retrying the same delivery would fail the same way, and the poller
/// keeps checking the order.
/// The work runs as nopCommerce's built-in background-task customer, as its scheduled tasks do: a delivery carries no
/// customer cookie, and nopCommerce's paid processing asks for the current customer, which would otherwise be a new guest
/// per payment.
/// </remarks>
public class TamaraInStoreWebhookController : Controller
{
    /// <summary>When another change of the order holds its lock; such a change ends well within this</summary>
    private static readonly TimeSpan BusyRetryAfter = TimeSpan.FromSeconds(5);

    private readonly ICustomerService _customerService;
    private readonly ILogger _logger;
    private readonly ISettingService _settingService;
    private readonly IStoreService _storeService;
    private readonly ITamaraNotificationTokenValidator _tokenValidator;
    private readonly IWorkContext _workContext;
    private readonly TamaraOrderSyncService _orderSyncService;
    private readonly TamaraSessionService _sessionService;
    private readonly TamaraDisputeService _disputeService;
    private readonly TamaraHealthService _healthService;
    private readonly TamaraUnknownOrderService _unknownOrderService;

    public TamaraInStoreWebhookController(ICustomerService customerService,
        ILogger logger,
        ISettingService settingService,
        IStoreService storeService,
        ITamaraNotificationTokenValidator tokenValidator,
        IWorkContext workContext,
        TamaraOrderSyncService orderSyncService,
        TamaraSessionService sessionService,
        TamaraDisputeService disputeService,
        TamaraUnknownOrderService unknownOrderService,
        TamaraHealthService healthService = null)
    {
        _healthService = healthService;
        _disputeService = disputeService;
        _unknownOrderService = unknownOrderService;
        _customerService = customerService;
        _logger = logger;
        _settingService = settingService;
        _storeService = storeService;
        _tokenValidator = tokenValidator;
        _workContext = workContext;
        _orderSyncService = orderSyncService;
        _sessionService = sessionService;
    }

    [HttpPost]
    [IgnoreAntiforgeryToken]
    [RequestSizeLimit(64 * 1024)]
    public async Task<IActionResult> Webhook()
    {
        // authenticate before reading anything else: signed with the notification token of one of the stores; the header
        // first, the query string's copy (taken out of the URL before anything could log it) second
        var token = TamaraNotificationTokenValidator.ExtractToken(QueryToken(), Request.Headers[HeaderNames.Authorization].ToString());
        var signedFor = string.IsNullOrEmpty(token) ? null : await StoreSignedForAsync(token);
        if (signedFor is null)
            return Unauthorized();

        var notification = await ReadNotificationAsync(Request);
        if (notification is null)
            return BadRequest();

        var session = await _sessionService.GetSessionByTamaraOrderIdAsync(notification.OrderId);
        if (session is null)
        {
            // a session whose create answer was lost: found by the reference we sent
            var byReference = await _unknownOrderService.GetByReferenceAsync(notification);
            if (byReference is null)
                return await UnknownOrderAsync(notification, signedFor.Value);

            if (!IsValid(token, await _settingService.LoadSettingAsync<TamaraInStoreSettings>(byReference.StoreId)))
                return Unauthorized();

            var (adopted, resolved) = await _unknownOrderService.AdoptAsync(byReference, notification.OrderId);
            if (adopted is null)
            {
                if (resolved.Outcome == TamaraSyncOutcome.TamaraUnavailable)
                    return AskAgain(resolved.RetryAfter);
                if (resolved.Outcome == TamaraSyncOutcome.Busy || resolved.SessionState == TamaraSessionState.Creating)
                    return AskAgain(BusyRetryAfter);

                return await UnknownOrderAsync(notification, signedFor.Value);
            }

            session = adopted;
        }

        // and signed with the notification token of this order's store, not just any store's
        var settings = await _settingService.LoadSettingAsync<TamaraInStoreSettings>(session.StoreId);
        if (!IsValid(token, settings))
            return Unauthorized();

        if (_healthService is not null)
            await _healthService.WebhookArrivedAsync(session.StoreId);

        try
        {
            await _workContext.SetCurrentCustomerAsync(await _customerService.GetOrCreateBackgroundTaskUserAsync());

            // not the request's abort token: once started, the sync should finish even if Tamara hangs up
            // a dispute delivery (registration type "dispute") reads the order's disputes, then syncs the order the same way
            var result = TamaraDisputeService.IsDisputeEvent(notification.EventType)
                ? await _disputeService.RefreshAsync(session, CancellationToken.None)
                : await _orderSyncService.SyncAsync(session, TamaraSyncTrigger.Webhook, CancellationToken.None);
            if (result.Outcome == TamaraSyncOutcome.TamaraUnavailable)
                return AskAgain(result.RetryAfter);

            // the holder may have read Tamara just before this news: only a later delivery is sure to see it
            if (result.Outcome == TamaraSyncOutcome.Busy)
                return AskAgain(BusyRetryAfter);
        }
        catch (Exception exception)
        {
            await _logger.ErrorAsync($"Tamara in-store: webhook '{notification.EventType}' for Tamara order {notification.OrderId} failed: {exception.Message}", exception);
        }

        return Ok();
    }

    private IActionResult AskAgain(TimeSpan? retryAfter)
    {
        if (retryAfter is { } delay)
            Response.Headers[HeaderNames.RetryAfter] = Math.Ceiling(delay.TotalSeconds).ToString(CultureInfo.InvariantCulture);

        return StatusCode(StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>The notification, or null when the body is not one (malformed JSON, no order id)</summary>
    private static async Task<TamaraNotification> ReadNotificationAsync(HttpRequest request)
    {
        try
        {
            using var reader = new StreamReader(request.Body);
            var notification = TamaraJson.Deserialize<TamaraNotification>(await reader.ReadToEndAsync());

            return string.IsNullOrWhiteSpace(notification?.OrderId) ? null : notification;
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or InvalidCastException or FormatException)
        {
            return null;
        }
    }

    private bool IsValid(string token, TamaraInStoreSettings settings) =>
        !string.IsNullOrEmpty(settings?.NotificationToken) && _tokenValidator.IsValid(token, settings.NotificationToken);

    /// <summary>The token the middleware took out of the query string, or the query's own when it did not run</summary>
    private string QueryToken() =>
        HttpContext.Items.TryGetValue(WebhookTokenMiddleware.QueryTokenItem, out var moved) && moved is string token
            ? token
            : Request.Query[WebhookTokenMiddleware.TokenQueryName].ToString();

    /// <summary>An order no session knows: answered 200 (so Tamara stops), recorded and logged once if it carries money</summary>
    private async Task<IActionResult> UnknownOrderAsync(TamaraNotification notification, int storeId)
    {
        try
        {
            var result = await _unknownOrderService.RecordAsync(notification, storeId);
            if (result.Outcome == TamaraSyncOutcome.TamaraUnavailable)
                return AskAgain(result.RetryAfter);
            if (result.Outcome == TamaraSyncOutcome.Busy)
                return AskAgain(BusyRetryAfter);
        }
        catch (Exception exception)
        {
            await _logger.ErrorAsync($"Tamara in-store: webhook '{notification.EventType}' for unknown Tamara order {notification.OrderId} failed: {exception.Message}", exception);
        }

        return Ok();
    }

    /// <summary>The store whose notification token signed the token (a store of its own first, then the default settings); null for none</summary>
    private async Task<int?> StoreSignedForAsync(string token)
    {
        var storeIds = (await _storeService.GetAllStoresAsync()).Select(store => store.Id).ToList();
        storeIds.Add(0);

        var tried = new HashSet<string>(StringComparer.Ordinal);
        foreach (var storeId in storeIds)
        {
            var settings = await _settingService.LoadSettingAsync<TamaraInStoreSettings>(storeId);
            if (string.IsNullOrEmpty(settings?.NotificationToken) || !tried.Add(settings.NotificationToken))
                continue;

            if (_tokenValidator.IsValid(token, settings.NotificationToken))
                return storeId;
        }

        return null;
    }
}
