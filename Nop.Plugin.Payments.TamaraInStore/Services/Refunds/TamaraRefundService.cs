using System.Globalization;
using Microsoft.AspNetCore.Http;
using Nop.Core.Caching;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Services.Configuration;
using Nop.Services.Directory;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Orders;
using Nop.Services.Payments;
using Keys = Nop.Plugin.Payments.TamaraInStore.Localization.TamaraInStoreLocaleResources.RefundKeys;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Refunds;

/// <summary>
/// Refunds from nopCommerce's refund buttons into Tamara, and refunds made at Tamara back into nopCommerce.
/// </summary>
/// <remarks>
/// Books: a refund row in state Succeeded is a refund Tamara made. nopCommerce counts it exactly once: the core counts
/// the refund whose <see cref="RefundAsync"/> returned success; every other refund that turns out to have happened
/// (a lost answer confirmed later, a refund made in Tamara's portal) is counted here through the core's offline refund.
/// </remarks>
public class TamaraRefundService
{
    /// <summary>See <see cref="TamaraInStoreDefaults.UnconfirmedRefundGracePeriod"/></summary>
    public static TimeSpan UnconfirmedRefundGracePeriod => TamaraInStoreDefaults.UnconfirmedRefundGracePeriod;

    /// <summary>How long after a click whose answer was lost the same click completes it instead of refunding again</summary>
    public static TimeSpan RepeatedClickWindow => TimeSpan.FromHours(1);

    private const int MaxErrorLength = 1024;

    private readonly TamaraOrderNoteWriter _noteWriter;
    private readonly CurrencySettings _currencySettings;
    private readonly ICurrencyService _currencyService;
    private readonly IHttpContextAccessor _httpContextAccessor;
    private readonly ILocalizationService _localizationService;
    private readonly ILocker _locker;
    private readonly ILogger _logger;
    private readonly IOrderProcessingService _orderProcessingService;
    private readonly IOrderService _orderService;
    private readonly ISettingService _settingService;
    private readonly ITamaraClient _tamaraClient;
    private readonly TamaraSessionService _sessionService;
    private readonly TimeProvider _timeProvider;

    public TamaraRefundService(TamaraOrderNoteWriter noteWriter,
        CurrencySettings currencySettings,
        ICurrencyService currencyService,
        IHttpContextAccessor httpContextAccessor,
        ILocalizationService localizationService,
        ILocker locker,
        ILogger logger,
        IOrderProcessingService orderProcessingService,
        IOrderService orderService,
        ISettingService settingService,
        ITamaraClient tamaraClient,
        TamaraSessionService sessionService,
        TimeProvider timeProvider)
    {
        _noteWriter = noteWriter;
        _currencySettings = currencySettings;
        _currencyService = currencyService;
        _httpContextAccessor = httpContextAccessor;
        _localizationService = localizationService;
        _locker = locker;
        _logger = logger;
        _orderProcessingService = orderProcessingService;
        _orderService = orderService;
        _settingService = settingService;
        _tamaraClient = tamaraClient;
        _sessionService = sessionService;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    #region Refund from nopCommerce

    /// <summary>
    /// Refunds through Tamara; called by the core for the Refund and Partial refund buttons. Takes the order's lock.
    /// Always answers an explicit payment status (Refunded or PartiallyRefunded) on success.
    /// </summary>
    public virtual async Task<RefundPaymentResult> RefundAsync(RefundPaymentRequest refundPaymentRequest)
    {
        ArgumentNullException.ThrowIfNull(refundPaymentRequest?.Order);

        if (refundPaymentRequest.AmountToRefund <= decimal.Zero)
            return await ErrorAsync(Keys.InvalidAmount);

        var session = await GetPaidSessionAsync(refundPaymentRequest.Order.Id);
        if (session is null)
            return await ErrorAsync(Keys.NoPaidSession);

        // what the clerk saw: the page's own record when the form carries it, else the order as it is before this click
        // waits for the order's lock. A refund made after that was made by another click from the same page (a double
        // click, or the same form on two servers of a web farm, whose lock lets both in)
        var posted = await TamaraRefundBasis.PostedAsync(_httpContextAccessor?.HttpContext, refundPaymentRequest.Order.Id);
        var basis = posted ?? TamaraRefundBasis.Of(await _sessionService.GetRefundsByOrderIdAsync(refundPaymentRequest.Order.Id));

        RefundPaymentResult result = null;
        var locked = await TryWithOrderLockAsync(session.TamaraOrderId,
            async () => result = await RefundUnderLockAsync(refundPaymentRequest, session.Id, basis, pageKnown: posted is not null));

        if (!locked)
            return await ErrorAsync(Keys.OrderBusy);

        // the locker swallows a cancellation thrown inside the action; the outcome is then not known
        return result ?? await ErrorAsync(Keys.NotConfirmed, UnconfirmedRefundGracePeriod.TotalMinutes);
    }

    /// <param name="pageKnown">The click's form told what its page showed; without it, what the page knew is not known</param>
    private async Task<RefundPaymentResult> RefundUnderLockAsync(RefundPaymentRequest request, int sessionId, int basis, bool pageKnown)
    {
        var order = request.Order;

        // read again inside the lock: the order sync may have changed it meanwhile
        var session = await _sessionService.GetSessionByIdAsync(sessionId);
        if (!IsPaid(session))
            return await ErrorAsync(Keys.NoPaidSession);

        var settings = await _settingService.LoadSettingAsync<TamaraInStoreSettings>(order.StoreId);
        var currencyCode = string.IsNullOrEmpty(session.CurrencyCode) ? order.CustomerCurrencyCode : session.CurrencyCode;

        TamaraOrder tamaraOrder;
        try
        {
            tamaraOrder = await _tamaraClient.GetOrderAsync(settings, session.TamaraOrderId);
        }
        catch (Exception exception)
        {
            await _logger.WarningAsync($"Tamara in-store: could not read Tamara order {session.TamaraOrderId} before refunding order #{order.Id}", exception);
            return await ErrorAsync(Keys.ReadOrderFailed, exception.Message);
        }

        var tamaraCurrency = tamaraOrder.CapturedAmount?.Currency ?? tamaraOrder.TotalAmount?.Currency;
        if (!string.IsNullOrEmpty(tamaraCurrency) && !string.Equals(tamaraCurrency, currencyCode, StringComparison.OrdinalIgnoreCase))
            return await ErrorAsync(Keys.CurrencyMismatch, tamaraCurrency, currencyCode);

        // an earlier attempt without a clear outcome must be settled before anything new is sent
        var reconciliation = await ReconcileUnderLockAsync(order, session, tamaraOrder);
        if (reconciliation.InFlight)
            return await ErrorAsync(Keys.InProgress);

        if (reconciliation.Match.HasNewRefunds)
            return await AnswerWithEarlierRefundsAsync(request, tamaraOrder, reconciliation.Match);

        if (reconciliation.Match.StillPending.Count > 0)
            return await EarlierNotConfirmedAsync(reconciliation.Match.StillPending[0]);

        if (FindRepeatedClick(request, reconciliation.Rows, pageKnown ? basis : 0) is { } repeated)
            return await AnswerRepeatedClickAsync(request, repeated);

        if (FindConcurrentClick(request.AmountToRefund, reconciliation.Rows, basis) is { } concurrent)
            return await ErrorAsync(Keys.MadeByAnotherClick, FormatMoney(concurrent.Amount, concurrent.CurrencyCode), RefundIdOrPlaceholder(concurrent));

        return await SendRefundAsync(request, session, settings, tamaraOrder, currencyCode, reconciliation.Rows, countInNopCommerce: true, basis);
    }

    /// <summary>The same refund made by another click from the same page (after the page's basis)</summary>
    private static TamaraRefund FindConcurrentClick(decimal amountToRefund, IEnumerable<TamaraRefund> rows, int basis) =>
        MadeByOtherClicks(rows, basis).FirstOrDefault(row => row.PrimaryStoreCurrencyAmount == amountToRefund);

    /// <summary>Refunds from nopCommerce made after the page's basis</summary>
    private static IEnumerable<TamaraRefund> MadeByOtherClicks(IEnumerable<TamaraRefund> rows, int basis) => rows
        .Where(row => row.Id > basis && row.Source == TamaraRefundSource.NopCommerce && row.State == TamaraRefundState.Succeeded);

    /// <summary>
    /// Another click from the same page holds the claim: the refund it made, or it is still being made
    /// </summary>
    private async Task<RefundPaymentResult> StandDownForOtherClickAsync(RefundPaymentRequest request, int basis)
    {
        var made = MadeByOtherClicks(await _sessionService.GetRefundsByOrderIdAsync(request.Order.Id), basis).ToList();

        if (made.FirstOrDefault(row => row.PrimaryStoreCurrencyAmount == request.AmountToRefund) is { } same)
            return await ErrorAsync(Keys.MadeByAnotherClick, FormatMoney(same.Amount, same.CurrencyCode), RefundIdOrPlaceholder(same));

        if (made.LastOrDefault() is { } other)
            return await ErrorAsync(Keys.RefundedMeanwhile, FormatMoney(other.Amount, other.CurrencyCode), RefundIdOrPlaceholder(other));

        return await ErrorAsync(Keys.InProgress);
    }

    /// <summary>
    /// The click repeated after its answer was lost, when Tamara's notification (or the order sync) already confirmed
    /// that refund and counted it in nopCommerce as an offline refund: the same amount, soon after, from a page that did
    /// not know that refund (after the page's basis). A page that shows it asks for a new refund. A click whose form does
    /// not tell what its page showed is taken for a repeat: a refund is never sent twice.
    /// </summary>
    private TamaraRefund FindRepeatedClick(RefundPaymentRequest request, IReadOnlyList<TamaraRefund> rows, int basis) => rows
        .Where(row => row.Id > basis && row.Source == TamaraRefundSource.NopCommerce && row.State == TamaraRefundState.Succeeded && row.CountedOffline
            && row.PrimaryStoreCurrencyAmount == request.AmountToRefund && UtcNow - row.CreatedOnUtc <= RepeatedClickWindow)
        .OrderByDescending(row => row.Id)
        .FirstOrDefault();

    /// <summary>
    /// Answers the repeated click without calling Tamara: the refund is made and counted already, so the clerk is told so
    /// instead of a success, which would make nopCommerce count it again and send its refund event and e-mails twice
    /// </summary>
    private async Task<RefundPaymentResult> AnswerRepeatedClickAsync(RefundPaymentRequest request, TamaraRefund row)
    {
        row.CountedOffline = false;
        await _sessionService.UpdateRefundAsync(row);
        await AddOrderNoteAsync(request.Order, Keys.NoteRepeatedClick, RefundIdOrPlaceholder(row), FormatMoney(row.Amount, row.CurrencyCode));

        return await ErrorAsync(Keys.RepeatedClick, FormatMoney(row.Amount, row.CurrencyCode), RefundIdOrPlaceholder(row));
    }

    private Task<RefundPaymentResult> EarlierNotConfirmedAsync(TamaraRefund pending) =>
        ErrorAsync(Keys.EarlierNotConfirmed, FormatMoney(pending.Amount, pending.CurrencyCode), UnconfirmedRefundGracePeriod.TotalMinutes);

    /// <summary>
    /// Refunds Tamara made that nopCommerce has not counted were found before sending a new one. When it is the same
    /// click retried (one earlier attempt of exactly this amount), that attempt is the answer: success, without calling
    /// Tamara again, and the core counts it. Anything else is counted here and the admin is told to look again.
    /// </summary>
    private async Task<RefundPaymentResult> AnswerWithEarlierRefundsAsync(RefundPaymentRequest request, TamaraOrder tamaraOrder, TamaraRefundMatch match)
    {
        var order = request.Order;

        if (match.MadeAtTamara.Count == 0 && match.Confirmed.Count == 1
            && match.Confirmed[0].Source == TamaraRefundSource.NopCommerce
            && match.Confirmed[0].PrimaryStoreCurrencyAmount == request.AmountToRefund)
        {
            var earlier = match.Confirmed[0];
            await AddOrderNoteAsync(order, Keys.NoteConfirmed, RefundIdOrPlaceholder(earlier), FormatMoney(earlier.Amount, earlier.CurrencyCode));
            return Success(RefundsEverything(request) || IsFullyRefunded(tamaraOrder));
        }

        // the clerk is told below that these went through: a later click of the same amount is a new refund
        await ReflectInNopCommerceAsync(order, tamaraOrder, match.Confirmed.Concat(match.MadeAtTamara).ToList(), awaitRepeatedClick: false);

        var result = new RefundPaymentResult();
        foreach (var row in match.Confirmed)
            result.AddError(await FormatAsync(Keys.EarlierWentThrough, FormatMoney(row.Amount, row.CurrencyCode)));
        foreach (var row in match.MadeAtTamara)
            result.AddError(await FormatAsync(Keys.FoundAtTamara, FormatMoney(row.Amount, row.CurrencyCode)));

        return result;
    }

    /// <param name="countInNopCommerce">
    /// Whether other refunds found on the way are counted in the nopCommerce order: not when Tamara's payment was never
    /// booked there (a session that needs attention)
    /// </param>
    private async Task<RefundPaymentResult> SendRefundAsync(RefundPaymentRequest request, TamaraSession session,
        TamaraInStoreSettings settings, TamaraOrder tamaraOrder, string currencyCode, IReadOnlyList<TamaraRefund> rows, bool countInNopCommerce,
        int basis)
    {
        var order = request.Order;
        var succeeded = rows.Where(row => row.State == TamaraRefundState.Succeeded).ToList();
        var captured = tamaraOrder.CapturedAmount?.Amount ?? decimal.Zero;
        var refundable = Math.Max(decimal.Zero, Math.Min(
            captured - (tamaraOrder.RefundedAmount?.Amount ?? decimal.Zero),
            captured - succeeded.Sum(row => row.Amount)));

        var amount = TamaraMoneyRounding.Round(request.AmountToRefund * ExchangeRate(order), currencyCode);
        var refundsEverything = RefundsEverything(request);

        // refunding the rest takes exactly what Tamara still holds, so converting each refund never leaves a minor unit
        // behind, nor the difference staff accepted between Tamara's capture and the order total (none on other orders)
        var acceptedDifference = captured > decimal.Zero ? Math.Abs(captured - session.Amount) : decimal.Zero;
        if (refundsEverything && Math.Abs(refundable - amount) <= RoundingTolerance(currencyCode, succeeded.Count) + acceptedDifference)
            amount = refundable;

        if (amount <= decimal.Zero)
            return await ErrorAsync(Keys.InvalidAmount);

        if (amount > refundable)
            return await ErrorAsync(Keys.ExceedsRefundable, FormatMoney(refundable, currencyCode), FormatMoney(amount, currencyCode));

        // nopCommerce's distributed lock gets, then sets, its key, so two servers can both hold it: the database lets one
        // click per page state through, and the other stands down before anything reaches Tamara
        if (!await _sessionService.TryClaimRefundAsync(session.Id, basis, UtcNow))
            return await StandDownForOtherClickAsync(request, basis);

        var row = new TamaraRefund
        {
            OrderId = order.Id,
            SessionId = session.Id,
            TamaraOrderId = session.TamaraOrderId,
            MerchantRefundId = Guid.NewGuid().ToString(),
            Amount = amount,
            CurrencyCode = currencyCode,
            PrimaryStoreCurrencyAmount = request.AmountToRefund,
            Comment = $"Refund for order {order.CustomOrderNumber}",
            State = TamaraRefundState.Requested,
            Source = TamaraRefundSource.NopCommerce,
            CreatedOnUtc = UtcNow
        };
        try
        {
            await _sessionService.InsertRefundAsync(row);
        }
        catch
        {
            await _sessionService.ReleaseRefundClaimAsync(session.Id, basis);
            throw;
        }

        SimplifiedRefundResponse response;
        try
        {
            response = await _tamaraClient.SimplifiedRefundAsync(settings, session.TamaraOrderId, new SimplifiedRefundRequest
            {
                TotalAmount = new TamaraMoney(amount, currencyCode),
                Comment = row.Comment,
                MerchantRefundId = row.MerchantRefundId
            });
        }
        catch (TamaraApiException exception) when (IsRefusal(exception))
        {
            row.State = TamaraRefundState.Failed;
            row.LastError = Truncate(exception.Message);
            await _sessionService.UpdateRefundAsync(row);
            await _sessionService.ReleaseRefundClaimAsync(session.Id, basis);
            await _logger.WarningAsync($"Tamara in-store: Tamara refused refund {row.MerchantRefundId} of order #{order.Id} ({exception.StatusCode})", exception);
            return await ErrorAsync(exception.Kind == TamaraErrorKind.Blocked ? Keys.NotSent : Keys.Refused, exception.Message);
        }
        catch (Exception exception)
        {
            return await SettleLostAnswerAsync(request, session, settings, row, exception, countInNopCommerce);
        }

        row.State = TamaraRefundState.Succeeded;
        row.RefundId = response?.RefundId;
        row.CaptureId = response?.CaptureId;
        row.CompletedOnUtc = UtcNow;
        await _sessionService.UpdateRefundAsync(row);

        if (response?.RefundedAmount is { } answered && answered.Amount != amount)
            await _logger.WarningAsync($"Tamara in-store: refund {row.RefundId} of order #{order.Id} was answered with {answered}, {amount} was asked");

        session.RefundedAmount = succeeded.Sum(done => done.Amount) + amount;
        if (!string.IsNullOrEmpty(response?.Status))
            session.TamaraStatus = response.Status;
        await _sessionService.UpdateSessionAsync(session);

        await AddOrderNoteAsync(order, Keys.NoteRefunded, RefundIdOrPlaceholder(row), FormatMoney(amount, currencyCode), response?.Status ?? string.Empty);

        var fullyRefunded = refundsEverything
            || response?.Status == TamaraOrderStatus.FullyRefunded
            || (captured > decimal.Zero && session.RefundedAmount >= captured);
        return Success(fullyRefunded);
    }

    /// <summary>
    /// The refund call ended without an answer: it may or may not have happened. Never repeat it; ask Tamara once
    /// whether the order now shows it.
    /// </summary>
    private async Task<RefundPaymentResult> SettleLostAnswerAsync(RefundPaymentRequest request, TamaraSession session,
        TamaraInStoreSettings settings, TamaraRefund row, Exception exception, bool countInNopCommerce)
    {
        var order = request.Order;
        row.State = TamaraRefundState.Unknown;
        row.LastError = Truncate(exception.Message);
        await _sessionService.UpdateRefundAsync(row);
        await _logger.WarningAsync($"Tamara in-store: no answer to refund {row.MerchantRefundId} of order #{order.Id}; checking the Tamara order", exception);

        TamaraOrder tamaraOrder;
        try
        {
            tamaraOrder = await _tamaraClient.GetOrderAsync(settings, session.TamaraOrderId);
        }
        catch (Exception readException)
        {
            await _logger.WarningAsync($"Tamara in-store: could not read Tamara order {session.TamaraOrderId} after refund {row.MerchantRefundId}", readException);
            return await ErrorAsync(Keys.NotConfirmed, UnconfirmedRefundGracePeriod.TotalMinutes);
        }

        var reconciliation = await ReconcileUnderLockAsync(order, session, tamaraOrder);
        var match = reconciliation.Match;
        if (match is null)
            return await ErrorAsync(Keys.NotConfirmed, UnconfirmedRefundGracePeriod.TotalMinutes);

        var others = match.Confirmed.Where(confirmed => confirmed.Id != row.Id).Concat(match.MadeAtTamara).ToList();
        if (others.Count > 0 && countInNopCommerce)
            await ReflectInNopCommerceAsync(order, tamaraOrder, others, awaitRepeatedClick: true);

        var ours = match.Confirmed.FirstOrDefault(confirmed => confirmed.Id == row.Id);
        if (ours is null)
            return await ErrorAsync(Keys.NotConfirmed, UnconfirmedRefundGracePeriod.TotalMinutes);

        await AddOrderNoteAsync(order, Keys.NoteConfirmed, RefundIdOrPlaceholder(ours), FormatMoney(ours.Amount, ours.CurrencyCode));
        return Success(RefundsEverything(request) || IsFullyRefunded(tamaraOrder));
    }

    #endregion

    #region Refund a capture that needs attention

    /// <summary>
    /// Staff's way out of "needs attention" by giving the money back: refunds everything Tamara still holds for the
    /// session, through the same recorded, never-repeated refund as the refund buttons, and closes the session as
    /// <see cref="TamaraSessionState.Refunded"/>. The nopCommerce order's payment is not touched (Tamara's payment was
    /// never booked there). Takes the order's lock.
    /// </summary>
    public virtual async Task<TamaraCaptureRefundResult> RefundCaptureAsync(Order order, TamaraSession session)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(session);

        TamaraCaptureRefundResult result = null;
        var locked = await TryWithOrderLockAsync(session.TamaraOrderId,
            async () => result = await RefundCaptureUnderLockAsync(order, session.Id));

        if (!locked)
            return await FailedAsync(Keys.OrderBusy);

        return result ?? await FailedAsync(Keys.NotConfirmed, UnconfirmedRefundGracePeriod.TotalMinutes);
    }

    private async Task<TamaraCaptureRefundResult> RefundCaptureUnderLockAsync(Order order, int sessionId)
    {
        var session = await _sessionService.GetSessionByIdAsync(sessionId);
        if (session?.State != TamaraSessionState.NeedsAttention || string.IsNullOrEmpty(session.TamaraOrderId))
            return await FailedAsync(Keys.NotNeedingAttention);

        var settings = await _settingService.LoadSettingAsync<TamaraInStoreSettings>(order.StoreId);
        TamaraOrder tamaraOrder;
        try
        {
            tamaraOrder = await _tamaraClient.GetOrderAsync(settings, session.TamaraOrderId);
        }
        catch (Exception exception)
        {
            await _logger.WarningAsync($"Tamara in-store: could not read Tamara order {session.TamaraOrderId} before refunding its capture (order #{order.Id})", exception);
            return await FailedAsync(Keys.ReadOrderFailed, exception.Message);
        }

        var currencyCode = session.CurrencyCode;
        var tamaraCurrency = tamaraOrder.CapturedAmount?.Currency;
        if (!string.IsNullOrEmpty(tamaraCurrency) && !string.Equals(tamaraCurrency, currencyCode, StringComparison.OrdinalIgnoreCase))
            return await FailedAsync(Keys.CurrencyMismatch, tamaraCurrency, currencyCode);

        var reconciliation = await ReconcileUnderLockAsync(order, session, tamaraOrder);
        if (reconciliation.InFlight)
            return await FailedAsync(Keys.InProgress);
        if (reconciliation.Match.StillPending.Count > 0)
            return new TamaraCaptureRefundResult(false, (await EarlierNotConfirmedAsync(reconciliation.Match.StillPending[0])).Errors.Single());

        var captured = tamaraOrder.CapturedAmount?.Amount ?? decimal.Zero;
        var refundable = Math.Max(decimal.Zero, captured - (tamaraOrder.RefundedAmount?.Amount ?? decimal.Zero));
        if (refundable > decimal.Zero)
        {
            var request = new RefundPaymentRequest { Order = order, AmountToRefund = await ToPrimaryStoreCurrencyAsync(refundable, order), IsPartialRefund = false };
            var sent = await SendRefundAsync(request, session, settings, tamaraOrder, currencyCode, reconciliation.Rows, countInNopCommerce: false,
                TamaraRefundBasis.Of(reconciliation.Rows));
            if (!sent.Success)
                return new TamaraCaptureRefundResult(false, string.Join(" ", sent.Errors));
        }

        session = await _sessionService.GetSessionByIdAsync(sessionId);
        session.State = TamaraSessionState.Refunded;
        session.ClosedOnUtc = UtcNow;
        session.NextCheckOnUtc = null;
        session.LastError = null;
        await _sessionService.UpdateSessionAsync(session);

        var money = FormatMoney(captured, currencyCode);
        await AddOrderNoteAsync(order, Keys.NoteCaptureRefunded, money);
        await _logger.InformationAsync($"Tamara in-store: staff refunded the capture of Tamara order {session.TamaraOrderId} (order #{order.Id}, {money})");

        return new TamaraCaptureRefundResult(true, await FormatAsync(Keys.CaptureRefunded, money));
    }

    private async Task<TamaraCaptureRefundResult> FailedAsync(string resourceKey, params object[] arguments) =>
        new(false, await FormatAsync(resourceKey, arguments));

    #endregion

    #region Reconciliation

    /// <summary>
    /// Brings our refund rows and the nopCommerce order in line with what Tamara shows for the order: confirms
    /// refunds whose answer was lost, and records and counts refunds made at Tamara (e.g. in its partner portal),
    /// each exactly once. Safe to call again with the same data.
    /// </summary>
    /// <remarks>
    /// The caller must hold the order's lock (<see cref="TamaraInStoreDefaults.OrderLockKey"/> with the Tamara order id);
    /// this method does not take it. It updates <paramref name="session"/> (RefundedAmount, TamaraStatus) and saves it:
    /// save that same instance afterwards, not an older copy. While a refund from nopCommerce is in flight it changes nothing.
    /// </remarks>
    public virtual async Task ReconcileRefundsAsync(Order order, TamaraSession session, TamaraOrder tamaraOrder)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(tamaraOrder);

        var reconciliation = await ReconcileUnderLockAsync(order, session, tamaraOrder);
        if (reconciliation.InFlight || !reconciliation.Match.HasNewRefunds)
            return;

        await ReflectInNopCommerceAsync(order, tamaraOrder, reconciliation.Match.Confirmed.Concat(reconciliation.Match.MadeAtTamara).ToList(), awaitRepeatedClick: true);
    }

    /// <summary>
    /// Matches and saves our rows; does not count anything in nopCommerce
    /// </summary>
    private async Task<TamaraRefundReconciliation> ReconcileUnderLockAsync(Order order, TamaraSession session, TamaraOrder tamaraOrder)
    {
        var utcNow = UtcNow;
        var rows = (await _sessionService.GetRefundsByOrderIdAsync(order.Id))
            .Where(row => string.Equals(row.TamaraOrderId, session.TamaraOrderId, StringComparison.OrdinalIgnoreCase))
            .ToList();

        if (rows.Any(row => row.State == TamaraRefundState.Requested && utcNow - row.CreatedOnUtc < UnconfirmedRefundGracePeriod))
            return TamaraRefundReconciliation.RefundInFlight;

        var match = TamaraRefundMatcher.Match(rows, session, tamaraOrder, utcNow);

        // each refund is booked before it is counted, by one server of a farm only (both may hold the stock lock): a
        // refund the other server booked meanwhile is neither saved nor counted here again
        var bookedElsewhere = false;
        foreach (var row in match.Confirmed.ToList())
        {
            if (await _sessionService.TryConfirmRefundAsync(row, utcNow))
                continue;

            match.Confirmed.Remove(row);
            bookedElsewhere = true;
        }

        foreach (var row in match.Enriched)
            await _sessionService.UpdateRefundAsync(row);

        foreach (var row in match.MadeAtTamara.ToList())
        {
            row.PrimaryStoreCurrencyAmount = await ToPrimaryStoreCurrencyAsync(row.Amount, order);
            if (await _sessionService.TryInsertRefundAsync(row))
            {
                rows.Add(row);
                continue;
            }

            match.MadeAtTamara.Remove(row);
            bookedElsewhere = true;
        }

        if (bookedElsewhere)
        {
            await _logger.InformationAsync($"Tamara in-store: refunds of Tamara order {session.TamaraOrderId} were booked by another server meanwhile");
            rows = (await _sessionService.GetRefundsByOrderIdAsync(order.Id))
                .Where(row => string.Equals(row.TamaraOrderId, session.TamaraOrderId, StringComparison.OrdinalIgnoreCase))
                .ToList();
            match.StillPending.RemoveAll(pending => rows.All(row => row.Id != pending.Id || !TamaraRefundMatcher.IsPending(row)));
        }

        // Tamara's refunded total is fully explained by the rows above, so an old attempt it does not show never happened;
        // unless Tamara says it is still processing something for the order: then the attempt may still land
        var stillProcessing = tamaraOrder.Processing == true;
        foreach (var row in match.StillPending.Where(row => !stillProcessing && utcNow - row.CreatedOnUtc >= UnconfirmedRefundGracePeriod).ToList())
        {
            row.State = TamaraRefundState.Failed;
            row.LastError = "Tamara has no record of this refund";
            await _sessionService.UpdateRefundAsync(row);
            match.StillPending.Remove(row);
            await AddOrderNoteAsync(order, Keys.NoteNeverArrived, FormatMoney(row.Amount, row.CurrencyCode), row.MerchantRefundId);
        }

        var recorded = rows.Where(row => row.State == TamaraRefundState.Succeeded).Sum(row => row.Amount);
        var tamaraRefunded = tamaraOrder.RefundedAmount?.Amount ?? decimal.Zero;
        if (recorded > tamaraRefunded)
            await _logger.WarningAsync($"Tamara in-store: order #{order.Id} records {recorded} refunded, Tamara order {session.TamaraOrderId} shows {tamaraRefunded}");

        session.RefundedAmount = recorded;
        if (!string.IsNullOrEmpty(tamaraOrder.Status))
            session.TamaraStatus = tamaraOrder.Status;
        await _sessionService.UpdateSessionAsync(session);

        return new TamaraRefundReconciliation(false, match, rows);
    }

    /// <summary>
    /// Counts refunds Tamara made, that the core did not count, into the order through the core's offline refund
    /// (refunded amount, payment status, notes, event, e-mails)
    /// </summary>
    /// <param name="awaitRepeatedClick">
    /// Whether a refund from nopCommerce counted here may still be clicked again by a clerk who was only told its
    /// answer was lost (see <see cref="TamaraRefund.CountedOffline"/>)
    /// </param>
    private async Task ReflectInNopCommerceAsync(Order order, TamaraOrder tamaraOrder, IList<TamaraRefund> rows, bool awaitRepeatedClick)
    {
        var tamaraFullyRefunded = IsFullyRefunded(tamaraOrder);

        for (var index = 0; index < rows.Count; index++)
        {
            var row = rows[index];
            var money = FormatMoney(row.Amount, row.CurrencyCode);

            if (row.Source == TamaraRefundSource.Tamara)
            {
                if (string.IsNullOrEmpty(row.RefundId))
                    await AddOrderNoteAsync(order, Keys.NoteMadeAtTamaraWithoutId, money);
                else
                    await AddOrderNoteAsync(order, Keys.NoteMadeAtTamara, row.RefundId, money);
            }
            else
                await AddOrderNoteAsync(order, Keys.NoteConfirmed, RefundIdOrPlaceholder(row), money);

            var remaining = order.OrderTotal - order.RefundedAmount;
            if (remaining <= decimal.Zero)
                continue;

            // the last refund of a fully refunded Tamara order takes the rest, so conversions never leave nopCommerce short
            var amount = tamaraFullyRefunded && index == rows.Count - 1
                ? remaining
                : Math.Min(row.PrimaryStoreCurrencyAmount, remaining);

            if (await CountOfflineAsync(order, amount, money) && awaitRepeatedClick
                && row.Source == TamaraRefundSource.NopCommerce && amount == row.PrimaryStoreCurrencyAmount)
            {
                row.CountedOffline = true;
                await _sessionService.UpdateRefundAsync(row);
            }
        }
    }

    /// <returns>Whether nopCommerce counted the amount</returns>
    private async Task<bool> CountOfflineAsync(Order order, decimal amount, string money)
    {
        try
        {
            if (order.RefundedAmount == decimal.Zero && amount == order.OrderTotal && _orderProcessingService.CanRefundOffline(order))
            {
                await _orderProcessingService.RefundOfflineAsync(order);
                return true;
            }

            if (_orderProcessingService.CanPartiallyRefundOffline(order, amount))
            {
                await _orderProcessingService.PartiallyRefundOfflineAsync(order, amount);
                return true;
            }
        }
        catch (Exception exception)
        {
            await _logger.ErrorAsync($"Tamara in-store: could not count a refund of {amount} into order #{order.Id}", exception);
        }

        await AddOrderNoteAsync(order, Keys.NoteNotCounted, money, order.PaymentStatus.ToString());
        return false;
    }

    #endregion

    #region Utilities

    private async Task<TamaraSession> GetPaidSessionAsync(int orderId)
    {
        var sessions = await _sessionService.GetSessionsByOrderIdAsync(orderId);
        return sessions.LastOrDefault(IsPaid);
    }

    private static bool IsPaid(TamaraSession session) =>
        session?.State == TamaraSessionState.Paid && !string.IsNullOrEmpty(session.TamaraOrderId);

    private Task<bool> TryWithOrderLockAsync(string tamaraOrderId, Func<Task> action) =>
        TamaraOrderLock.TryRunAsync(_locker, tamaraOrderId, action, TamaraOrderLock.StaffActionAttempts, TamaraOrderLock.StaffActionRetryDelay);

    /// <summary>
    /// A 4xx answer (or a call that was never sent, or one a CDN stopped before Tamara) means Tamara refunded nothing; anything
    /// else may have refunded
    /// </summary>
    private static bool IsRefusal(TamaraApiException exception) =>
        !exception.OutcomeUnknown && exception.Kind is TamaraErrorKind.Api or TamaraErrorKind.Configuration or TamaraErrorKind.Blocked;

    private static bool RefundsEverything(RefundPaymentRequest request) =>
        !request.IsPartialRefund || request.AmountToRefund >= request.Order.OrderTotal - request.Order.RefundedAmount;

    private static bool IsFullyRefunded(TamaraOrder tamaraOrder)
    {
        if (tamaraOrder.Status == TamaraOrderStatus.FullyRefunded)
            return true;

        var captured = tamaraOrder.CapturedAmount?.Amount ?? decimal.Zero;
        return captured > decimal.Zero && (tamaraOrder.RefundedAmount?.Amount ?? decimal.Zero) >= captured;
    }

    private DateTime UtcNow => _timeProvider.GetUtcNow().UtcDateTime;

    private static decimal ExchangeRate(Order order) => order.CurrencyRate > decimal.Zero ? order.CurrencyRate : decimal.One;

    /// <summary>Each earlier conversion may have rounded by up to half a minor unit</summary>
    private static decimal RoundingTolerance(string currencyCode, int earlierRefunds) =>
        (earlierRefunds + 1) / (decimal)Math.Pow(10, TamaraMoneyRounding.DecimalPlaces(currencyCode));

    /// <summary>
    /// Order currency to primary store currency, rounded to the primary currency's minor unit
    /// </summary>
    private async Task<decimal> ToPrimaryStoreCurrencyAsync(decimal amount, Order order)
    {
        var primaryCurrency = await _currencyService.GetCurrencyByIdAsync(_currencySettings.PrimaryStoreCurrencyId);
        return TamaraMoneyRounding.Round(amount / ExchangeRate(order), primaryCurrency?.CurrencyCode);
    }

    private static RefundPaymentResult Success(bool fullyRefunded) => new()
    {
        NewPaymentStatus = fullyRefunded ? PaymentStatus.Refunded : PaymentStatus.PartiallyRefunded
    };

    private async Task<RefundPaymentResult> ErrorAsync(string resourceKey, params object[] arguments)
    {
        var result = new RefundPaymentResult();
        result.AddError(await FormatAsync(resourceKey, arguments));
        return result;
    }

    private async Task<string> FormatAsync(string resourceKey, params object[] arguments)
    {
        var text = await _localizationService.GetResourceAsync(resourceKey);
        return arguments.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, arguments);
    }

    private async Task AddOrderNoteAsync(Order order, string resourceKey, params object[] arguments)
    {
        await _noteWriter.AddAsync(order, await FormatAsync(resourceKey, arguments));
    }

    /// <summary>Tamara's refund id, or our own reference while Tamara's is not known</summary>
    private static string RefundIdOrPlaceholder(TamaraRefund row) => string.IsNullOrEmpty(row.RefundId) ? row.MerchantRefundId : row.RefundId;

    private static string FormatMoney(decimal amount, string currencyCode) => TamaraMoneyRounding.Format(amount, currencyCode);

    private static string Truncate(string text) =>
        text is { Length: > MaxErrorLength } ? text[..MaxErrorLength] : text;

    #endregion
}
