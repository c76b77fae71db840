using System.Net;
using Nop.Core.Caching;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Refunds;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;
using Nop.Services.Configuration;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Sync;

/// <summary>
/// The one place where what Tamara says about an order changes the nopCommerce order. The poller, the webhook and
/// staff ("Check now", "Void session") all come through here.
/// </summary>
/// <remarks>
/// Exactly once: every change runs under <see cref="ILocker"/> per Tamara order and starts by re-reading our session and
/// the nopCommerce order, then reads the order from Tamara (a webhook's payload never moves money). The stock lockers are
/// best effort (the distributed one checks then sets), so the lock is not the only guard: an order is marked as paid only
/// while the freshly read session is not Paid and the freshly read order is still Pending and CanMarkOrderAsPaid.
/// </remarks>
public class TamaraOrderSyncService
{
    private readonly TamaraOrderNoteWriter _noteWriter;
    private readonly ILocker _locker;
    private readonly ILogger _logger;
    private readonly IOrderProcessingService _orderProcessingService;
    private readonly IOrderService _orderService;
    private readonly ISettingService _settingService;
    private readonly ITamaraClient _tamaraClient;
    private readonly TamaraOrderPayment _orderPayment;
    private readonly TamaraRefundService _refundService;
    private readonly TamaraSessionService _sessionService;
    private readonly TimeProvider _timeProvider;

    public TamaraOrderSyncService(TamaraOrderNoteWriter noteWriter,
        ILocker locker,
        ILogger logger,
        IOrderProcessingService orderProcessingService,
        IOrderService orderService,
        ISettingService settingService,
        ITamaraClient tamaraClient,
        TamaraOrderPayment orderPayment,
        TamaraRefundService refundService,
        TamaraSessionService sessionService,
        TimeProvider timeProvider)
    {
        _noteWriter = noteWriter;
        _locker = locker;
        _logger = logger;
        _orderProcessingService = orderProcessingService;
        _orderService = orderService;
        _settingService = settingService;
        _tamaraClient = tamaraClient;
        _orderPayment = orderPayment;
        _refundService = refundService;
        _sessionService = sessionService;
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// How often a busy lock is tried. A caller that gives up loses nothing: the holder reads Tamara's current state
    /// itself and the poller comes back to pending sessions.
    /// </summary>
    protected virtual int LockAttempts => 4;

    protected virtual TimeSpan LockRetryDelay => TimeSpan.FromMilliseconds(250);

    #region Sync

    /// <summary>
    /// Reads the order from Tamara and applies it to our session and the nopCommerce order, idempotently. Never throws
    /// except when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public virtual async Task<TamaraSyncResult> SyncAsync(string tamaraOrderId, TamaraSyncTrigger trigger, CancellationToken cancellationToken = default)
    {
        var session = await _sessionService.GetSessionByTamaraOrderIdAsync(tamaraOrderId);
        if (session is null)
            return TamaraSyncResult.UnknownOrder;

        return await SyncAsync(session, trigger, cancellationToken);
    }

    /// <summary>
    /// The same, for a caller that has just read the session (the poller, the webhook): it is read again under the order's
    /// lock, not once more before it
    /// </summary>
    public virtual async Task<TamaraSyncResult> SyncAsync(TamaraSession session, TamaraSyncTrigger trigger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);

        if (session.State == TamaraSessionState.Creating)
        {
            var (adopted, result) = await ResolveCreatingAsync(session, cancellationToken);
            if (adopted is null)
                return result;

            session = adopted;
        }

        return await RunExclusiveAsync(session.TamaraOrderId, () => SyncExclusiveAsync(session.TamaraOrderId, trigger, cancellationToken),
            TamaraSyncResult.Busy, cancellationToken);
    }

    /// <summary>
    /// A session recorded before a create call whose answer was lost: Tamara is asked for its reference. Found, it takes
    /// Tamara's ids and is then synced like any other (linked to its order by id or order GUID, paid, or voided without an
    /// order). Unknown to Tamara long after the call, it is closed as never created. Held under its reference's lock, so
    /// the poller, a webhook and a retried checkout settle it once.
    /// </summary>
    /// <returns>The session with Tamara's ids, to sync; or null and what became of it</returns>
    public virtual async Task<(TamaraSession Adopted, TamaraSyncResult Result)> ResolveCreatingAsync(TamaraSession session,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);

        TamaraSession adopted = null;
        var result = await RunExclusiveAsync("reference-" + (session.OrderReferenceId ?? session.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            async () =>
            {
                var (fresh, outcome) = await ResolveCreatingExclusiveAsync(session.Id, cancellationToken);
                adopted = fresh;
                return outcome;
            }, TamaraSyncResult.Busy, cancellationToken);

        return (adopted, result);
    }

    private async Task<(TamaraSession Adopted, TamaraSyncResult Result)> ResolveCreatingExclusiveAsync(int sessionId, CancellationToken cancellationToken)
    {
        var session = await _sessionService.GetSessionByIdAsync(sessionId);
        if (session is null)
            return (null, TamaraSyncResult.UnknownOrder);

        // settled meanwhile (the checkout got its answer, a webhook adopted it)
        if (session.State != TamaraSessionState.Creating)
        {
            return string.IsNullOrEmpty(session.TamaraOrderId)
                ? (null, new TamaraSyncResult { Outcome = TamaraSyncOutcome.Closed, SessionState = session.State })
                : (session, null);
        }

        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var settings = await _settingService.LoadSettingAsync<TamaraInStoreSettings>(session.StoreId);

        TamaraOrder tamaraOrder;
        try
        {
            tamaraOrder = string.IsNullOrEmpty(session.OrderReferenceId)
                ? null
                : await _tamaraClient.GetOrderByReferenceIdAsync(settings, session.OrderReferenceId, cancellationToken);
        }
        catch (TamaraApiException exception)
        {
            session.LastCheckedOnUtc = now;
            session.LastError = $"Looking up reference {session.OrderReferenceId} failed: {DescribeError(exception)}";
            session.NextCheckOnUtc = now + TamaraSyncBackoff.NextDelay(null, PollInterval(settings), exception.RetryAfter);
            await _sessionService.UpdateSessionAsync(session);
            return (null, new TamaraSyncResult
            {
                Outcome = exception.IsTransient ? TamaraSyncOutcome.TamaraUnavailable : TamaraSyncOutcome.Failed,
                SessionState = session.State,
                StatusCode = exception.StatusCode,
                RetryAfter = exception.RetryAfter,
                Error = DescribeError(exception),
                Unreachable = exception.Kind == TamaraErrorKind.Network
            });
        }

        if (string.IsNullOrEmpty(tamaraOrder?.OrderId))
        {
            session.LastCheckedOnUtc = now;
            if (now > session.CreatedOnUtc + TamaraInStoreDefaults.CreatingSessionGracePeriod)
            {
                TamaraCreatingSession.CloseAsNotCreated(session,
                    $"Tamara has no session for reference {session.OrderReferenceId}: it was never created.", now);
                await _sessionService.UpdateSessionAsync(session);
                await _logger.InformationAsync($"Tamara in-store: the session of reference {session.OrderReferenceId} (checkout {session.OrderGuid}) " +
                    "whose answer was lost is unknown to Tamara; closed as never created");
                return (null, new TamaraSyncResult { Outcome = TamaraSyncOutcome.Closed, SessionState = session.State });
            }

            session.NextCheckOnUtc = now + PollInterval(settings);
            await _sessionService.UpdateSessionAsync(session);
            return (null, new TamaraSyncResult { Outcome = TamaraSyncOutcome.Waiting, SessionState = session.State });
        }

        TamaraCreatingSession.Adopt(session, tamaraOrder, now);
        await _sessionService.UpdateSessionAsync(session);
        await _logger.WarningAsync($"Tamara in-store: the session of reference {session.OrderReferenceId} whose answer was lost exists at Tamara: " +
            $"Tamara order {session.TamaraOrderId} ({tamaraOrder.Status}), {TamaraMoneyRounding.Format(session.Amount, session.CurrencyCode)}; recorded");

        return (session, null);
    }

    private async Task<TamaraSyncResult> SyncExclusiveAsync(string tamaraOrderId, TamaraSyncTrigger trigger, CancellationToken cancellationToken)
    {
        SyncContext context = null;
        try
        {
            context = await LoadContextAsync(await _sessionService.GetSessionByTamaraOrderIdAsync(tamaraOrderId), trigger);

            // the checkout creates the session just before the order exists: give it a moment to appear
            if (context.Order is null && !context.IsPastExpiry && !context.IsOrphaned)
                return await WaitAsync(context, TamaraOrderStatus.New, note: null);

            TamaraOrder tamaraOrder;
            try
            {
                tamaraOrder = await _tamaraClient.GetOrderAsync(context.Settings, tamaraOrderId, cancellationToken);
            }
            catch (TamaraApiException exception)
            {
                var failed = await HandleReadFailureAsync(context, exception);
                await ScheduleLateCheckAsync(context);
                return failed;
            }

            var result = await ApplyAsync(context, tamaraOrder);
            await ScheduleLateCheckAsync(context);
            return result;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await _logger.ErrorAsync($"Tamara in-store: syncing Tamara order {tamaraOrderId} failed ({trigger}): {exception.Message}", exception);
            await TrySaveErrorAsync(context, exception.Message);
            return new TamaraSyncResult { Outcome = TamaraSyncOutcome.Failed, Error = exception.Message, SessionState = context?.Session.State };
        }
    }

    private async Task<SyncContext> LoadContextAsync(TamaraSession session, TamaraSyncTrigger trigger)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var order = session.OrderId > 0
            ? await _orderService.GetOrderByIdAsync(session.OrderId)
            : await LinkOrderByGuidAsync(session, now);
        var settings = await _settingService.LoadSettingAsync<TamaraInStoreSettings>(session.StoreId);

        return new SyncContext(session, order, settings, trigger, now);
    }

    /// <summary>
    /// nopCommerce's PlaceOrderAsync catches what fails after the order is saved (event consumers, notifications) and then
    /// never calls PostProcessPaymentAsync: such an order is found by the order GUID the session was created for
    /// </summary>
    private async Task<Order> LinkOrderByGuidAsync(TamaraSession session, DateTime now)
    {
        var order = await _orderService.GetOrderByGuidAsync(session.OrderGuid);
        if (order is null)
            return null;

        session.OrderId = order.Id;
        await _sessionService.UpdateSessionAsync(session);
        await _noteWriter.AddAsync(order, $"Tamara: the payment link (Tamara order {session.TamaraOrderId}) was linked to this order by its order GUID; nopCommerce did not finish placing the order.");
        await _logger.WarningAsync($"Tamara in-store: Tamara order {session.TamaraOrderId} linked to order {order.Id} by its order GUID (the order's post-processing did not run)");

        return order;
    }

    private async Task<TamaraSyncResult> ApplyAsync(SyncContext context, TamaraOrder tamaraOrder)
    {
        var session = context.Session;
        // the call to Tamara may have taken minutes: staff, another link or another server may have changed the order
        if (session.OrderId > 0)
            context.Order = await _orderPayment.ReadOrderAsync(session.OrderId);
        var status = Normalize(tamaraOrder.Status);
        var statusChanged = !string.Equals(Normalize(session.TamaraStatus), status, StringComparison.Ordinal);

        session.TamaraStatus = tamaraOrder.Status;
        session.LastCheckedOnUtc = context.Now;
        // a session needing attention keeps its reason where staff read it
        if (session.State != TamaraSessionState.NeedsAttention)
            session.LastError = null;
        if (tamaraOrder.CapturedAmount is not null)
            session.CapturedAmount = tamaraOrder.CapturedAmount.Amount;

        var result = status switch
        {
            TamaraOrderStatus.FullyCaptured or TamaraOrderStatus.PartiallyRefunded or TamaraOrderStatus.FullyRefunded =>
                await ApplyCaptureAsync(context, tamaraOrder),

            TamaraOrderStatus.PartiallyCaptured => await WaitAsync(context, status, statusChanged
                ? $"Tamara: partially captured ({TamaraCapturedAmount.Format(tamaraOrder.CapturedAmount)} of {TamaraCapturedAmount.Format(session.Amount, session.CurrencyCode)}); waiting for the full capture."
                : null),

            TamaraOrderStatus.Approved or TamaraOrderStatus.Authorised => await WaitAsync(context, status, statusChanged
                ? $"Tamara: the customer's payment is {status}; waiting for the capture."
                : null),

            TamaraOrderStatus.Declined => await CloseAsync(context, TamaraSessionState.Declined, status, statusChanged, "Tamara: the payment was declined."),
            TamaraOrderStatus.Expired => await CloseAsync(context, TamaraSessionState.Expired, status, statusChanged, "Tamara: the payment link expired without payment."),
            TamaraOrderStatus.Canceled => await CloseAsync(context, TamaraSessionState.Canceled, status, statusChanged, "Tamara: the Tamara order was canceled."),

            // "new", "updated" and anything Tamara may add later: not paid yet
            _ => await WaitAsync(context, status, note: null)
        };

        // refunds only once the order is paid; a refund seen before the capture was first turned into "paid" above
        if (context.Session.State == TamaraSessionState.Paid && await ReconcileRefundsIfChangedAsync(context, tamaraOrder))
            return Result(context, result.Outcome, orderChanged: true);

        return result;
    }

    private async Task<TamaraSyncResult> ApplyCaptureAsync(SyncContext context, TamaraOrder tamaraOrder)
    {
        var session = context.Session;
        var order = context.Order;

        if (session.State == TamaraSessionState.Paid)
        {
            await _sessionService.UpdateSessionAsync(session);
            return Result(context, TamaraSyncOutcome.AlreadyPaid);
        }

        // a person decides; a later read never pays such a session by itself, nor one whose capture staff refunded
        if (session.State is TamaraSessionState.NeedsAttention or TamaraSessionState.Refunded)
        {
            await _sessionService.UpdateSessionAsync(session);
            return Result(context, session.State == TamaraSessionState.Refunded ? TamaraSyncOutcome.Closed : TamaraSyncOutcome.NeedsAttention);
        }

        var captured = tamaraOrder.CapturedAmount;
        if (order is null)
        {
            return await NeedAttentionAsync(context,
                $"Tamara: Tamara order {session.TamaraOrderId} captured {TamaraCapturedAmount.Format(captured)}, but no nopCommerce order was placed " +
                $"for its checkout (order GUID {session.OrderGuid}, customer {session.CustomerId}). Refund the customer at Tamara or place the order by hand.",
                isError: true);
        }

        if (!TamaraCapturedAmount.Matches(session.Amount, session.CurrencyCode, captured))
        {
            return await NeedAttentionAsync(context,
                $"Tamara: captured {TamaraCapturedAmount.Format(captured)} but the order asked for {TamaraCapturedAmount.Format(session.Amount, session.CurrencyCode)}. " +
                "The order was NOT marked as paid; compare it with the order at Tamara.");
        }

        // staff may have edited the order after the link was sent: Tamara must have captured what the order asks for now
        var orderTotal = OrderTotalInOrderCurrency(order, session.CurrencyCode);
        if (Math.Abs(orderTotal - session.Amount) > TamaraMoneyRounding.MinorUnit(session.CurrencyCode))
        {
            return await NeedAttentionAsync(context,
                $"Tamara: captured {TamaraCapturedAmount.Format(captured)}, but the order total is now {TamaraCapturedAmount.Format(orderTotal, session.CurrencyCode)}. " +
                "The order was NOT marked as paid; send a new link for the new total or settle the difference by hand.");
        }

        var payment = await _orderPayment.MarkPaidAsync(session, tamaraOrder);
        context.Order = payment.Order ?? order;
        switch (payment.Outcome)
        {
            case TamaraMarkPaidOutcome.PaidOtherwise:
                return await NeedAttentionAsync(context,
                    $"Tamara: DOUBLE PAYMENT: the customer paid {TamaraCapturedAmount.Format(captured)} with Tamara (Tamara order {session.TamaraOrderId}), " +
                    "but the order had already been paid by other means. Refund the Tamara payment (button in this block, or at Tamara).",
                    isError: true);

            case TamaraMarkPaidOutcome.PaidByThisSession when context.Order.PaymentStatus is PaymentStatus.Pending or PaymentStatus.Authorized:
                // another server holds the claim and is marking the order paid right now; it saves the session too
                await _sessionService.UpdateSessionAsync(session);
                return Result(context, TamaraSyncOutcome.AlreadyPaid);

            case TamaraMarkPaidOutcome.PaidByThisSession:
                MarkSessionPaid(context);
                await _sessionService.UpdateSessionAsync(session);
                await AddNoteAsync(context, $"Tamara: payment captured ({TamaraCapturedAmount.Format(captured)}); the order had already been marked as paid.");
                return Result(context, TamaraSyncOutcome.AlreadyPaid);

            case TamaraMarkPaidOutcome.NoOrder or TamaraMarkPaidOutcome.CannotMarkPaid or TamaraMarkPaidOutcome.Refused:
                var current = context.Order;
                return await NeedAttentionAsync(context,
                    $"Tamara: the customer paid ({TamaraCapturedAmount.Format(captured)}) but the order is {current?.OrderStatus.ToString() ?? "gone"} / {current?.PaymentStatus.ToString() ?? "-"}" +
                    $"{(current?.Deleted == true ? " (deleted)" : string.Empty)} and cannot be marked as paid. Refund the customer at Tamara or reinstate the order.");
        }

        var captureId = payment.CaptureId;
        MarkSessionPaid(context);
        await _sessionService.UpdateSessionAsync(session);
        await AddNoteAsync(context,
            $"Tamara: payment captured ({TamaraCapturedAmount.Format(captured)}, capture {captureId ?? "-"}); the order was marked as paid ({Describe(context.Trigger)}).");

        return Result(context, TamaraSyncOutcome.Paid, orderChanged: true);
    }

    /// <summary>
    /// The order total as the customer's currency shows it (nopCommerce keeps totals in the primary store currency);
    /// within one minor unit of what checkout sent to Tamara, as both round the same conversion
    /// </summary>
    private static decimal OrderTotalInOrderCurrency(Order order, string currencyCode)
    {
        var rate = order.CurrencyRate > decimal.Zero ? order.CurrencyRate : decimal.One;
        return TamaraMoneyRounding.Round(order.OrderTotal * rate, currencyCode);
    }

    private void MarkSessionPaid(SyncContext context)
    {
        context.Session.State = TamaraSessionState.Paid;
        context.Session.PaidOnUtc ??= context.Now;
        context.Session.NextCheckOnUtc = null;
    }

    /// <param name="isError">Money taken that nobody expects (no order, paid twice): logged as an error, which nopCommerce's
    /// log shows staff, besides the note; the session keeps the reason</param>
    private async Task<TamaraSyncResult> NeedAttentionAsync(SyncContext context, string message, bool isError = false)
    {
        context.Session.State = TamaraSessionState.NeedsAttention;
        context.Session.NextCheckOnUtc = null;
        context.Session.LastError = message.Length > 1024 ? message[..1024] : message;
        await _sessionService.UpdateSessionAsync(context.Session);
        await AddNoteAsync(context, message);
        var logMessage = $"Tamara in-store: order {context.Order?.Id.ToString() ?? "-"} (Tamara order {context.Session.TamaraOrderId}) needs attention. {message}";
        if (isError)
            await _logger.ErrorAsync(logMessage);
        else
            await _logger.WarningAsync(logMessage);

        return Result(context, TamaraSyncOutcome.NeedsAttention);
    }

    private async Task<TamaraSyncResult> WaitAsync(SyncContext context, string status, string note)
    {
        var session = context.Session;

        if (session.State == TamaraSessionState.Pending)
        {
            if (context.IsPastExpiry)
                return await ExpireLocallyAsync(context, status, $"Tamara still reported '{status}' at the final check");

            if (context.IsOrphaned && status == TamaraOrderStatus.New && !context.VoidRefused)
                return await VoidOrphanAsync(context);

            session.NextCheckOnUtc = context.Now + PollInterval(context.Settings);
        }

        await _sessionService.UpdateSessionAsync(session);
        if (note is not null)
            await AddNoteAsync(context, note);

        return Result(context, TamaraSyncOutcome.Waiting);
    }

    private async Task<TamaraSyncResult> CloseAsync(SyncContext context, TamaraSessionState state, string status, bool statusChanged, string note)
    {
        var session = context.Session;

        if (session.State != TamaraSessionState.Pending)
        {
            await _sessionService.UpdateSessionAsync(session);

            if (statusChanged && session.State is TamaraSessionState.Paid or TamaraSessionState.NeedsAttention)
            {
                var message = $"Tamara: Tamara now reports '{status}' for this {session.State} payment; nothing was changed here. Check the order at Tamara.";
                await AddNoteAsync(context, message);
                await _logger.WarningAsync($"Tamara in-store: Tamara order {session.TamaraOrderId}: {message}");
            }

            return Result(context, session.State == TamaraSessionState.Paid ? TamaraSyncOutcome.AlreadyPaid : TamaraSyncOutcome.Closed);
        }

        session.State = state;
        session.ClosedOnUtc = context.Now;
        session.NextCheckOnUtc = null;
        await _sessionService.UpdateSessionAsync(session);
        await AddNoteAsync(context, note);

        // saved as closed first: the cancel publishes OrderStatusChangedEvent, whose consumer must find no live session
        var cancelled = await CancelOrderIfConfiguredAsync(context);

        return Result(context, TamaraSyncOutcome.Closed, orderChanged: cancelled);
    }

    /// <param name="tamaraStatus">What Tamara said at the final read; null when it could not be read</param>
    private async Task<TamaraSyncResult> ExpireLocallyAsync(SyncContext context, string tamaraStatus, string reason)
    {
        var session = context.Session;

        // Tamara ignores the requested expiry unless enabled for the merchant: the link may still be payable there
        if (!context.VoidRefused && (tamaraStatus is null || tamaraStatus == TamaraOrderStatus.New))
        {
            var (voided, answer) = await TryVoidAtTamaraAsync(context);
            if (voided)
            {
                session.TamaraStatus = TamaraOrderStatus.Canceled;
                session.LastError = null;
                reason += "; the link was voided at Tamara";
            }
            else if (answer is not null)
            {
                // Tamara refused the void: the customer is paying or has paid
                context.VoidRefused = true;
                return await ApplyAsync(context, answer);
            }
        }

        session.State = TamaraSessionState.Expired;
        session.ClosedOnUtc = context.Now;
        session.NextCheckOnUtc = TamaraLateCheck.Next(session, context.Now);
        await _sessionService.UpdateSessionAsync(session);
        await AddNoteAsync(context, $"Tamara: the payment link expired at {session.ExpiresOnUtc:u} and was not paid ({reason}). The session is closed.");

        var cancelled = await CancelOrderIfConfiguredAsync(context);

        return Result(context, TamaraSyncOutcome.Closed, orderChanged: cancelled);
    }

    /// <summary>
    /// A session whose checkout never produced a nopCommerce order (PlaceOrderAsync failed before saving it): its link
    /// must not stay payable
    /// </summary>
    private async Task<TamaraSyncResult> VoidOrphanAsync(SyncContext context)
    {
        var session = context.Session;
        var (voided, answer) = await TryVoidAtTamaraAsync(context);
        if (answer is not null)
        {
            context.VoidRefused = true;
            return await ApplyAsync(context, answer);
        }

        if (!voided)
        {
            session.NextCheckOnUtc = context.Now + PollInterval(context.Settings);
            await _sessionService.UpdateSessionAsync(session);
            return Result(context, TamaraSyncOutcome.Waiting);
        }

        session.State = TamaraSessionState.Canceled;
        session.TamaraStatus = TamaraOrderStatus.Canceled;
        session.ClosedOnUtc = context.Now;
        session.NextCheckOnUtc = null;
        session.LastError = null;
        await _sessionService.UpdateSessionAsync(session);
        await _logger.WarningAsync($"Tamara in-store: no nopCommerce order was placed for checkout {session.OrderGuid} (customer {session.CustomerId}); " +
            $"its payment link, Tamara order {session.TamaraOrderId}, was voided at Tamara");

        return Result(context, TamaraSyncOutcome.Closed);
    }

    /// <summary>
    /// Voids the session's link at Tamara. A refusal (409) is what Tamara also answers once the customer paid: the order is
    /// read again and handed back, so the caller acts on what Tamara says instead of closing the session.
    /// </summary>
    /// <returns>Voided; or Tamara's order as read after a refusal; neither when Tamara could not be reached</returns>
    private async Task<(bool Voided, TamaraOrder RefusedBecause)> TryVoidAtTamaraAsync(SyncContext context)
    {
        var session = context.Session;
        // the reconciliation only reads from Tamara; the poller voids in its turn
        if (string.IsNullOrEmpty(session.CheckoutId) || context.Trigger == TamaraSyncTrigger.Reconciliation)
            return (false, null);

        try
        {
            var response = await _tamaraClient.VoidCheckoutSessionAsync(context.Settings, session.CheckoutId, session.TamaraOrderId,
                string.IsNullOrEmpty(context.Settings.StoreCode) ? null : context.Settings.StoreCode);
            return (response?.OrderWasVoided == true, null);
        }
        catch (TamaraApiException exception) when (exception.StatusCode == HttpStatusCode.Conflict)
        {
            try
            {
                var order = await _tamaraClient.GetOrderAsync(context.Settings, session.TamaraOrderId);
                return (false, order);
            }
            catch (TamaraApiException readException)
            {
                await _logger.WarningAsync($"Tamara in-store: Tamara refused to void Tamara order {session.TamaraOrderId} and could not be read again", readException);
                return (false, null);
            }
        }
        catch (TamaraApiException exception)
        {
            await _logger.WarningAsync($"Tamara in-store: voiding Tamara order {session.TamaraOrderId} failed: {DescribeError(exception)}");
            return (false, null);
        }
    }

    /// <summary>A session closed here without Tamara's final word keeps being checked, slowly, for a late payment</summary>
    private async Task ScheduleLateCheckAsync(SyncContext context)
    {
        var session = context.Session;
        if (session.State is TamaraSessionState.Pending or TamaraSessionState.Paid)
            return;

        var next = TamaraLateCheck.Next(session, context.Now);
        if (next == session.NextCheckOnUtc)
            return;

        session.NextCheckOnUtc = next;
        await _sessionService.UpdateSessionAsync(session);
    }

    private async Task<bool> CancelOrderIfConfiguredAsync(SyncContext context)
    {
        var order = context.Order;
        if (!context.Settings.CancelOrderWhenDeclinedOrExpired || order is null || order.PaymentStatus != PaymentStatus.Pending)
            return false;

        // staff may have sent a new link: the order now waits for that one
        var latest = await _sessionService.GetLatestSessionByOrderIdAsync(order.Id);
        if (latest is not null && latest.Id != context.Session.Id)
            return false;

        if (!_orderProcessingService.CanCancelOrder(order))
            return false;

        await _orderProcessingService.CancelOrderAsync(order, notifyCustomer: false);
        await AddNoteAsync(context, "Tamara: the order was cancelled because the payment did not go through (plugin setting).");

        return true;
    }

    /// <returns>Whether the refund service was asked to reconcile (it may have refunded the nopCommerce order offline)</returns>
    private async Task<bool> ReconcileRefundsIfChangedAsync(SyncContext context, TamaraOrder tamaraOrder)
    {
        if (context.Order is null)
            return false;

        var refundedAtTamara = tamaraOrder.RefundedAmount?.Amount ?? decimal.Zero;
        var refundIdsAtTamara = (tamaraOrder.Transactions?.Refunds ?? new List<TamaraRefundTransaction>())
            .Select(refund => refund.RefundId)
            .Where(refundId => !string.IsNullOrEmpty(refundId))
            .ToList();

        if (refundedAtTamara == decimal.Zero && refundIdsAtTamara.Count == 0 && context.Session.RefundedAmount == decimal.Zero)
            return false;

        var knownRefundIds = (await _sessionService.GetRefundsByOrderIdAsync(context.Order.Id))
            .Select(refund => refund.RefundId)
            .Where(refundId => !string.IsNullOrEmpty(refundId))
            .ToHashSet(StringComparer.Ordinal);

        var unchanged = TamaraMoneyRounding.Round(refundedAtTamara, context.Session.CurrencyCode)
                == TamaraMoneyRounding.Round(context.Session.RefundedAmount, context.Session.CurrencyCode)
            && refundIdsAtTamara.All(knownRefundIds.Contains);
        if (unchanged)
            return false;

        // called under our lock, as its contract requires; the session is saved already and the refund service
        // updates and saves that same instance (RefundedAmount, refund rows) from here
        await _refundService.ReconcileRefundsAsync(context.Order, context.Session, tamaraOrder);
        return true;
    }

    private async Task<TamaraSyncResult> HandleReadFailureAsync(SyncContext context, TamaraApiException exception)
    {
        var session = context.Session;

        if (session.State == TamaraSessionState.Pending && context.IsPastExpiry)
            return await ExpireLocallyAsync(context, null, $"Tamara could not confirm a payment at the final check: {DescribeError(exception)}");

        var error = DescribeError(exception);
        var isNewError = !string.Equals(session.LastError, error, StringComparison.Ordinal);
        var previousDelay = session.LastError is not null && session.NextCheckOnUtc.HasValue && session.LastCheckedOnUtc.HasValue
            ? session.NextCheckOnUtc.Value - session.LastCheckedOnUtc.Value
            : (TimeSpan?)null;

        session.LastCheckedOnUtc = context.Now;
        session.LastError = error;
        // only the poller's own failures back it off further: a burst of webhook deliveries failing within a second
        // must not push the next poll minutes away. Nor does Tamara being unreachable: the poll run stops at its first
        // such call, so Tamara is asked once an interval anyway, and a grown wait would find payments made during an
        // outage minutes after Tamara is back.
        if (session.State == TamaraSessionState.Pending)
        {
            var backsOff = context.Trigger == TamaraSyncTrigger.Poll && exception.Kind != TamaraErrorKind.Network;
            session.NextCheckOnUtc = context.Now + TamaraSyncBackoff.NextDelay(backsOff ? previousDelay : null,
                PollInterval(context.Settings), exception.RetryAfter);
        }
        await _sessionService.UpdateSessionAsync(session);

        if (isNewError)
        {
            await _logger.WarningAsync($"Tamara in-store: reading Tamara order {session.TamaraOrderId} failed ({Describe(context.Trigger)}): {error}");

            if (exception.StatusCode == HttpStatusCode.NotFound)
                await AddNoteAsync(context, "Tamara: Tamara does not know this order (404). It keeps being checked until the link expires.");
        }

        return new TamaraSyncResult
        {
            Outcome = exception.IsTransient ? TamaraSyncOutcome.TamaraUnavailable : TamaraSyncOutcome.Failed,
            SessionState = session.State,
            TamaraStatus = session.TamaraStatus,
            StatusCode = exception.StatusCode,
            RetryAfter = exception.RetryAfter,
            Error = error,
            Unreachable = exception.Kind is TamaraErrorKind.Network or TamaraErrorKind.Blocked
        };
    }

    private async Task TrySaveErrorAsync(SyncContext context, string error)
    {
        if (context is null)
            return;

        try
        {
            var session = await _sessionService.GetSessionByIdAsync(context.Session.Id);
            session.LastError = error;
            await _sessionService.UpdateSessionAsync(session);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await _logger.ErrorAsync($"Tamara in-store: could not record the sync error of Tamara order {context.Session.TamaraOrderId}", exception);
        }
    }

    #endregion

    #region Void

    /// <summary>
    /// Voids a session's payment link at Tamara (a pending one, or one closed here that Tamara may still take a payment
    /// on, see <see cref="TamaraLiveLink"/>), only while Tamara still reports the order as new (read first).
    /// Anything else Tamara reports is applied like a sync, so a link paid meanwhile marks the order as paid.
    /// </summary>
    /// <param name="reason">Said in the order note, e.g. "by staff"</param>
    public virtual async Task<TamaraVoidResult> VoidSessionAsync(TamaraSession session, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);

        if (string.IsNullOrEmpty(session.TamaraOrderId) || string.IsNullOrEmpty(session.CheckoutId))
            return new TamaraVoidResult { Outcome = TamaraVoidOutcome.Failed, SessionState = session.State, Error = "The session has no Tamara order or checkout id." };

        return await RunExclusiveAsync(session.TamaraOrderId, () => VoidExclusiveAsync(session.Id, reason, cancellationToken),
            TamaraVoidResult.Busy, cancellationToken);
    }

    private async Task<TamaraVoidResult> VoidExclusiveAsync(int sessionId, string reason, CancellationToken cancellationToken)
    {
        var session = await _sessionService.GetSessionByIdAsync(sessionId);
        if (!TamaraLiveLink.IsLive(session))
            return new TamaraVoidResult { Outcome = TamaraVoidOutcome.NotPending, SessionState = session.State, TamaraStatus = session.TamaraStatus };

        var context = await LoadContextAsync(session, TamaraSyncTrigger.Staff);

        TamaraOrder tamaraOrder;
        try
        {
            tamaraOrder = await _tamaraClient.GetOrderAsync(context.Settings, session.TamaraOrderId, cancellationToken);
        }
        catch (TamaraApiException exception)
        {
            return new TamaraVoidResult { Outcome = TamaraVoidOutcome.Failed, SessionState = session.State, Error = DescribeError(exception) };
        }

        if (Normalize(tamaraOrder.Status) != TamaraOrderStatus.New)
            return await ApplyInsteadOfVoidAsync(context, tamaraOrder);

        try
        {
            var response = await _tamaraClient.VoidCheckoutSessionAsync(context.Settings, session.CheckoutId, session.TamaraOrderId,
                string.IsNullOrEmpty(context.Settings.StoreCode) ? null : context.Settings.StoreCode, cancellationToken);

            if (response?.OrderWasVoided != true)
                return new TamaraVoidResult { Outcome = TamaraVoidOutcome.Failed, SessionState = session.State, TamaraStatus = session.TamaraStatus, Error = "Tamara did not void the order." };
        }
        catch (TamaraApiException exception) when (exception.StatusCode == HttpStatusCode.Conflict)
        {
            // "cannot be voided" is also the answer once the customer paid: what Tamara says now decides
            TamaraOrder fresh = null;
            try
            {
                fresh = await _tamaraClient.GetOrderAsync(context.Settings, session.TamaraOrderId, cancellationToken);
            }
            catch (TamaraApiException readException)
            {
                await _logger.WarningAsync($"Tamara in-store: Tamara refused to void Tamara order {session.TamaraOrderId} and could not be read again", readException);
            }

            if (fresh is not null && Normalize(fresh.Status) != TamaraOrderStatus.New)
            {
                context.VoidRefused = true;
                return await ApplyInsteadOfVoidAsync(context, fresh);
            }

            return new TamaraVoidResult { Outcome = TamaraVoidOutcome.Conflict, SessionState = session.State, TamaraStatus = session.TamaraStatus, Error = exception.Message };
        }
        catch (TamaraApiException exception)
        {
            return new TamaraVoidResult { Outcome = TamaraVoidOutcome.Failed, SessionState = session.State, TamaraStatus = session.TamaraStatus, Error = DescribeError(exception) };
        }

        // a link closed here (expired) keeps its state; Tamara's status now says it can no longer be paid
        if (session.State == TamaraSessionState.Pending)
            session.State = TamaraSessionState.Canceled;
        session.TamaraStatus = TamaraOrderStatus.Canceled;
        session.ClosedOnUtc ??= context.Now;
        session.NextCheckOnUtc = null;
        session.LastError = null;
        await _sessionService.UpdateSessionAsync(session);
        await AddNoteAsync(context, $"Tamara: the payment link was voided ({reason}).");

        return new TamaraVoidResult { Outcome = TamaraVoidOutcome.Voided, SessionState = session.State, TamaraStatus = session.TamaraStatus };
    }

    /// <summary>Tamara no longer reports the order as new: what it says is applied like a sync instead of the void</summary>
    private async Task<TamaraVoidResult> ApplyInsteadOfVoidAsync(SyncContext context, TamaraOrder tamaraOrder)
    {
        var applied = await ApplyAsync(context, tamaraOrder);
        return new TamaraVoidResult
        {
            Outcome = TamaraVoidOutcome.NotNew,
            SessionState = context.Session.State,
            TamaraStatus = tamaraOrder.Status,
            OrderChanged = applied.OrderChanged
        };
    }

    #endregion

    #region Utilities

    private async Task<T> RunExclusiveAsync<T>(string tamaraOrderId, Func<Task<T>> action, T whenBusy, CancellationToken cancellationToken) where T : class
    {
        T result = null;
        var acquired = await TamaraOrderLock.TryRunAsync(_locker, tamaraOrderId, async () => result = await action(),
            LockAttempts, LockRetryDelay, cancellationToken);
        if (!acquired)
            return whenBusy;

        // the memory locker swallows OperationCanceledException and still reports success
        cancellationToken.ThrowIfCancellationRequested();
        return result ?? whenBusy;
    }

    private async Task AddNoteAsync(SyncContext context, string note)
    {
        if (context.Order is null)
            return;

        await _noteWriter.AddAsync(context.Order, note);
    }

    private static TamaraSyncResult Result(SyncContext context, TamaraSyncOutcome outcome, bool orderChanged = false) => new()
    {
        Outcome = outcome,
        SessionState = context.Session.State,
        TamaraStatus = context.Session.TamaraStatus,
        OrderChanged = orderChanged
    };

    private static TimeSpan PollInterval(TamaraInStoreSettings settings) =>
        TimeSpan.FromSeconds(Math.Max(settings.PollIntervalSeconds, 5));

    private static string Normalize(string status) => status?.Trim().ToLowerInvariant() ?? string.Empty;

    private static string DescribeError(TamaraApiException exception) =>
        exception.StatusCode is { } statusCode ? $"{(int)statusCode} {exception.Message}" : $"{exception.Kind}: {exception.Message}";

    private static string Describe(TamaraSyncTrigger trigger) => trigger switch
    {
        TamaraSyncTrigger.Webhook => "seen by webhook",
        TamaraSyncTrigger.Staff => "checked by staff",
        TamaraSyncTrigger.Reconciliation => "found by the reconciliation with Tamara",
        _ => "seen by the scheduled check"
    };

    private sealed record SyncContext(TamaraSession Session, Nop.Core.Domain.Orders.Order Order, TamaraInStoreSettings Settings, TamaraSyncTrigger Trigger, DateTime Now)
    {
        /// <summary>Read again once Tamara answered: decisions are made on the order as it is then</summary>
        public Nop.Core.Domain.Orders.Order Order { get; set; } = Order;

        public bool IsPastExpiry => Now > Session.ExpiresOnUtc + TamaraInStoreDefaults.ExpiryGracePeriod;

        /// <summary>No nopCommerce order appeared for the checkout long after the session was created</summary>
        public bool IsOrphaned => Order is null && Now > Session.CreatedOnUtc + TamaraInStoreDefaults.OrphanSessionGracePeriod;

        /// <summary>Tamara refused a void in this run; its answer is being applied and no second void is tried</summary>
        public bool VoidRefused { get; set; }
    }

    #endregion
}
