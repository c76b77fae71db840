using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Newtonsoft.Json;
using Nop.Core;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
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
/// for orders we do not know (so Tamara stops retrying); 503 with Retry-After when Tamara itself could not be read
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
    private const string TokenQueryName = "tamaraToken";

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

    public TamaraInStoreWebhookController(ICustomerService customerService,
        ILogger logger,
        ISettingService settingService,
        IStoreService storeService,
        ITamaraNotificationTokenValidator tokenValidator,
        IWorkContext workContext,
        TamaraOrderSyncService orderSyncService,
        TamaraSessionService sessionService)
    {
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
        // authenticate before reading anything else: signed with the notification token of one of the stores
        var token = TamaraNotificationTokenValidator.ExtractToken(Request.Query[TokenQueryName].ToString(), Request.Headers[HeaderNames.Authorization].ToString());
        if (string.IsNullOrEmpty(token) || !await IsValidForAnyStoreAsync(token))
            return Unauthorized();

        var notification = await ReadNotificationAsync(Request);
        if (notification is null)
            return BadRequest();

        var session = await _sessionService.GetSessionByTamaraOrderIdAsync(notification.OrderId);
        if (session is null)
        {
            await _logger.InformationAsync($"Tamara in-store: webhook '{notification.EventType}' for Tamara order {notification.OrderId}, which is not one of ours; ignored.");
            return Ok();
        }

        // and signed with the notification token of this order's store, not just any store's
        var settings = await _settingService.LoadSettingAsync<TamaraInStoreSettings>(session.StoreId);
        if (!IsValid(token, settings))
            return Unauthorized();

        try
        {
            await _workContext.SetCurrentCustomerAsync(await _customerService.GetOrCreateBackgroundTaskUserAsync());

            // not the request's abort token: once started, the sync should finish even if Tamara hangs up
            var result = await _orderSyncService.SyncAsync(session, TamaraSyncTrigger.Webhook, CancellationToken.None);
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

    private async Task<bool> IsValidForAnyStoreAsync(string token)
    {
        var storeIds = new List<int> { 0 };
        storeIds.AddRange((await _storeService.GetAllStoresAsync()).Select(store => store.Id));

        var notificationTokens = new HashSet<string>(StringComparer.Ordinal);
        foreach (var storeId in storeIds)
        {
            var settings = await _settingService.LoadSettingAsync<TamaraInStoreSettings>(storeId);
            if (!string.IsNullOrEmpty(settings?.NotificationToken))
                notificationTokens.Add(settings.NotificationToken);
        }

        return notificationTokens.Any(notificationToken => _tokenValidator.IsValid(token, notificationToken));
    }
}
