using Nop.Core.Caching;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Services.Configuration;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Sync;

/// <summary>
/// A webhook for a Tamara order no session holds the id of: a session whose create answer was lost is found by its
/// reference and takes the id; anything else that carries money is recorded once as "needs attention" (a Tamara payment
/// without an order) with an error in nopCommerce's log, so a person sees it
/// </summary>
public class TamaraUnknownOrderService
{
    private static readonly HashSet<string> _moneyStatuses = new(StringComparer.OrdinalIgnoreCase)
    {
        TamaraOrderStatus.Approved, TamaraOrderStatus.Authorised, TamaraOrderStatus.PartiallyCaptured, TamaraOrderStatus.FullyCaptured,
        TamaraOrderStatus.PartiallyRefunded, TamaraOrderStatus.FullyRefunded
    };

    private readonly ILocker _locker;
    private readonly ILogger _logger;
    private readonly ISettingService _settingService;
    private readonly ITamaraClient _tamaraClient;
    private readonly TamaraOrderSyncService _orderSyncService;
    private readonly TamaraSessionService _sessionService;
    private readonly TimeProvider _timeProvider;

    public TamaraUnknownOrderService(ILocker locker,
        ILogger logger,
        ISettingService settingService,
        ITamaraClient tamaraClient,
        TamaraOrderSyncService orderSyncService,
        TamaraSessionService sessionService,
        TimeProvider timeProvider)
    {
        _locker = locker;
        _logger = logger;
        _settingService = settingService;
        _tamaraClient = tamaraClient;
        _orderSyncService = orderSyncService;
        _sessionService = sessionService;
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// The session sent to Tamara with the notification's reference that holds no Tamara order yet (its create answer was
    /// lost, or it was closed as never created); null when there is none
    /// </summary>
    public virtual async Task<TamaraSession> GetByReferenceAsync(TamaraNotification notification)
    {
        var session = await _sessionService.GetSessionByOrderReferenceIdAsync(notification?.OrderReferenceId);
        return session is not null && string.IsNullOrEmpty(session.TamaraOrderId) ? session : null;
    }

    /// <summary>
    /// Looks the session's reference up at Tamara and takes over the ids found there
    /// </summary>
    /// <returns>The session with Tamara's ids, or null and why not (e.g. Tamara could not be read)</returns>
    public virtual async Task<(TamaraSession Adopted, TamaraSyncResult Result)> AdoptAsync(TamaraSession session, string tamaraOrderId)
    {
        ArgumentNullException.ThrowIfNull(session);

        // Tamara tells of an order for it: a session closed here as never created was created after all
        if (session.State == TamaraSessionState.NotCreated)
        {
            session.State = TamaraSessionState.Creating;
            session.ClosedOnUtc = null;
            await _sessionService.UpdateSessionAsync(session);
        }

        var (adopted, result) = await _orderSyncService.ResolveCreatingAsync(session);
        if (adopted is not null && !string.Equals(adopted.TamaraOrderId, tamaraOrderId, StringComparison.Ordinal))
        {
            await _logger.WarningAsync($"Tamara in-store: reference {session.OrderReferenceId} belongs to Tamara order {adopted.TamaraOrderId}, " +
                $"not to Tamara order {tamaraOrderId} of the webhook");
            return (null, TamaraSyncResult.UnknownOrder);
        }

        return (adopted, result ?? new TamaraSyncResult { Outcome = TamaraSyncOutcome.Waiting, SessionState = adopted?.State });
    }

    /// <summary>
    /// Reads an order none of our sessions knows from Tamara and, when it carries money, records it once (whatever the
    /// number of deliveries) as needing attention, with an error in nopCommerce's log naming the Tamara order and its amount
    /// </summary>
    /// <param name="storeId">The store whose notification token signed the delivery</param>
    public virtual async Task<TamaraSyncResult> RecordAsync(TamaraNotification notification, int storeId)
    {
        ArgumentNullException.ThrowIfNull(notification);

        var settings = await _settingService.LoadSettingAsync<TamaraInStoreSettings>(storeId);
        TamaraOrder order;
        try
        {
            order = await _tamaraClient.GetOrderAsync(settings, notification.OrderId);
        }
        catch (TamaraApiException exception)
        {
            await _logger.WarningAsync($"Tamara in-store: webhook '{notification.EventType}' for Tamara order {notification.OrderId}, which is not one of ours; " +
                "it could not be read from Tamara", exception);
            return new TamaraSyncResult
            {
                Outcome = exception.IsTransient ? TamaraSyncOutcome.TamaraUnavailable : TamaraSyncOutcome.Failed,
                StatusCode = exception.StatusCode,
                RetryAfter = exception.RetryAfter,
                Error = exception.Message
            };
        }

        var captured = order?.CapturedAmount?.Amount ?? decimal.Zero;
        if (order is null || !_moneyStatuses.Contains(order.Status?.Trim() ?? string.Empty) && captured <= decimal.Zero)
        {
            await _logger.InformationAsync($"Tamara in-store: webhook '{notification.EventType}' for Tamara order {notification.OrderId} " +
                $"({order?.Status ?? "unknown"}), which is not one of ours and carries no payment; ignored.");
            return TamaraSyncResult.UnknownOrder;
        }

        TamaraSyncResult result = TamaraSyncResult.Busy;
        await TamaraOrderLock.TryRunAsync(_locker, notification.OrderId, async () => result = await InsertOnceAsync(notification, order, storeId),
            TamaraOrderLock.StaffActionAttempts, TamaraOrderLock.StaffActionRetryDelay);

        return result;
    }

    private async Task<TamaraSyncResult> InsertOnceAsync(TamaraNotification notification, TamaraOrder order, int storeId)
    {
        // a delivery before this one recorded it already
        if (await _sessionService.GetSessionByTamaraOrderIdAsync(notification.OrderId) is { } known)
            return new TamaraSyncResult { Outcome = TamaraSyncOutcome.NeedsAttention, SessionState = known.State, TamaraStatus = known.TamaraStatus };

        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var amount = order.TotalAmount ?? order.CapturedAmount;
        var reference = string.IsNullOrEmpty(order.OrderReferenceId) ? notification.OrderReferenceId : order.OrderReferenceId;
        var message = $"Tamara payment without an order: Tamara order {notification.OrderId} (reference {reference ?? "-"}, status {order.Status}), " +
            $"{TamaraCapturedAmount.Format(amount)}, captured {TamaraCapturedAmount.Format(order.CapturedAmount)}, is not from any checkout of this store. " +
            "Refund the customer at Tamara or place the order by hand.";

        var session = new TamaraSession
        {
            StoreId = storeId,
            TamaraOrderId = notification.OrderId,
            CheckoutId = order.CheckoutId,
            OrderReferenceId = reference?.Length > TamaraInStoreDefaults.OrderReferenceIdMaxLength ? reference[..TamaraInStoreDefaults.OrderReferenceIdMaxLength] : reference,
            TamaraStatus = order.Status,
            State = TamaraSessionState.NeedsAttention,
            Amount = amount?.Amount ?? decimal.Zero,
            CurrencyCode = amount?.Currency,
            CapturedAmount = order.CapturedAmount?.Amount ?? decimal.Zero,
            RefundedAmount = order.RefundedAmount?.Amount ?? decimal.Zero,
            CreatedOnUtc = now,
            ExpiresOnUtc = now,
            LastCheckedOnUtc = now,
            LastError = message.Length > 1024 ? message[..1024] : message
        };
        await _sessionService.InsertSessionAsync(session);
        await _logger.ErrorAsync($"Tamara in-store: {message}");

        return new TamaraSyncResult { Outcome = TamaraSyncOutcome.NeedsAttention, SessionState = session.State, TamaraStatus = session.TamaraStatus };
    }
}
