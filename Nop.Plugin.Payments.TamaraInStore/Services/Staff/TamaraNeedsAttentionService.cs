using System.Globalization;
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
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Staff;

/// <summary>
/// The two ways staff take a Tamara payment out of "needs attention": accept what Tamara captured (the order is
/// marked as paid, with a note of the difference) or refund it at Tamara. Afterwards refunds and the pick-up of
/// portal refunds work as for any paid order.
/// </summary>
public class TamaraNeedsAttentionService
{
    private const string ResourcePrefix = "Plugins.Payments.TamaraInStore.OrderBlock.Accept.";

    private readonly TamaraOrderNoteWriter _noteWriter;
    private readonly ILocalizationService _localizationService;
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

    public TamaraNeedsAttentionService(TamaraOrderNoteWriter noteWriter,
        ILocalizationService localizationService,
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
        _localizationService = localizationService;
        _locker = locker;
        _logger = logger;
        _orderProcessingService = orderProcessingService;
        _orderService = orderService;
        _settingService = settingService;
        _tamaraClient = tamaraClient;
        _orderPayment = orderPayment;
        _refundService = refundService;
        _sessionService = sessionService;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Refunds everything Tamara captured for the session; see <see cref="TamaraRefundService.RefundCaptureAsync"/></summary>
    public virtual async Task<TamaraStaffActionResult> RefundCaptureAsync(Order order, TamaraSession session)
    {
        var refunded = await _refundService.RefundCaptureAsync(order, session);
        return new TamaraStaffActionResult(refunded.Success, refunded.Message);
    }

    /// <summary>
    /// Accepts what Tamara captured as the order's payment: marks the nopCommerce order as paid through the core (with
    /// a note of the difference to the order total), makes the session Paid and counts refunds Tamara already made.
    /// Takes the order's lock.
    /// </summary>
    /// <param name="onlyWhenCovered">
    /// Accept only when Tamara holds at least the order total (a selection of orders, where nobody reads each difference);
    /// any other order is refused with its difference
    /// </param>
    public virtual async Task<TamaraStaffActionResult> AcceptCaptureAsync(Order order, TamaraSession session, bool onlyWhenCovered = false)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(session);

        TamaraStaffActionResult result = null;
        var locked = await TamaraOrderLock.TryRunAsync(_locker, session.TamaraOrderId,
            async () => result = await AcceptUnderLockAsync(order.Id, session.Id, onlyWhenCovered), TamaraOrderLock.StaffActionAttempts, TamaraOrderLock.StaffActionRetryDelay);

        return locked && result is not null ? result : await AnswerAsync(false, "Busy");
    }

    private async Task<TamaraStaffActionResult> AcceptUnderLockAsync(int orderId, int sessionId, bool onlyWhenCovered)
    {
        // read both again inside the lock: the order sync may have changed them meanwhile
        var session = await _sessionService.GetSessionByIdAsync(sessionId);
        var order = await _orderService.GetOrderByIdAsync(orderId);
        if (session?.State != TamaraSessionState.NeedsAttention || order is null)
            return await AnswerAsync(false, "NotNeedingAttention");

        var settings = await _settingService.LoadSettingAsync<TamaraInStoreSettings>(session.StoreId);
        TamaraOrder tamaraOrder;
        try
        {
            tamaraOrder = await _tamaraClient.GetOrderAsync(settings, session.TamaraOrderId);
        }
        catch (TamaraApiException exception)
        {
            await _logger.WarningAsync($"Tamara in-store: could not read Tamara order {session.TamaraOrderId} to accept its capture (order #{order.Id})", exception);
            return await AnswerAsync(false, "ReadFailed", exception.Message);
        }

        var captured = tamaraOrder.CapturedAmount?.Amount ?? decimal.Zero;
        var refunded = tamaraOrder.RefundedAmount?.Amount ?? decimal.Zero;
        if (captured <= decimal.Zero || refunded >= captured)
            return await AnswerAsync(false, "NothingCaptured", tamaraOrder.Status ?? "-");

        if (!string.Equals(tamaraOrder.CapturedAmount.Currency, session.CurrencyCode, StringComparison.OrdinalIgnoreCase))
            return await AnswerAsync(false, "CurrencyMismatch", tamaraOrder.CapturedAmount.Currency, session.CurrencyCode);

        // the same guards as the sync's own payment, on the order as it is now that Tamara answered
        var payment = await _orderPayment.MarkPaidAsync(session, tamaraOrder, onlyWhenCovered
            ? async fresh =>
            {
                var total = OrderTotal(fresh, session.CurrencyCode);
                var held = captured - refunded;
                return held >= total ? null : new TamaraMarkPaidResult(TamaraMarkPaidOutcome.Refused, fresh, Reason: await FormatAsync("ShortOfTotal",
                    TamaraCapturedAmount.Format(held, session.CurrencyCode), TamaraCapturedAmount.Format(total, session.CurrencyCode),
                    TamaraCapturedAmount.Format(total - held, session.CurrencyCode)));
            }
            : null);
        switch (payment.Outcome)
        {
            case TamaraMarkPaidOutcome.Refused:
                return new TamaraStaffActionResult(false, payment.Reason);
            case TamaraMarkPaidOutcome.PaidOtherwise or TamaraMarkPaidOutcome.PaidByThisSession:
                // paid by other means (cash, another link): keeping both would take the money twice
                return await AnswerAsync(false, "OrderAlreadyPaid");
            case TamaraMarkPaidOutcome.NoOrder:
                return await AnswerAsync(false, "NotNeedingAttention");
            case not TamaraMarkPaidOutcome.Marked:
                return await AnswerAsync(false, "CannotMarkPaid", payment.Order.OrderStatus, payment.Order.PaymentStatus);
        }

        order = payment.Order;
        var captureId = payment.CaptureId;
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var orderTotal = OrderTotal(order, session.CurrencyCode);
        session.State = TamaraSessionState.Paid;
        // refunding the whole order later then gives back exactly what Tamara captured
        session.Amount = orderTotal;
        session.PaidOnUtc ??= now;
        session.NextCheckOnUtc = null;
        session.LastError = null;
        session.CapturedAmount = captured;
        session.TamaraStatus = tamaraOrder.Status;
        await _sessionService.UpdateSessionAsync(session);

        await _noteWriter.AddAsync(order, await FormatAsync("Note", TamaraCapturedAmount.Format(captured, session.CurrencyCode),
            TamaraCapturedAmount.Format(orderTotal, session.CurrencyCode), FormatDifference(captured - orderTotal, session.CurrencyCode), captureId ?? "-"));
        await _logger.InformationAsync($"Tamara in-store: staff accepted the capture of Tamara order {session.TamaraOrderId} for order #{order.Id}");

        // refunds Tamara made meanwhile (e.g. in its portal) now count like on any paid order; we hold the lock it requires
        if (refunded > decimal.Zero || tamaraOrder.Transactions?.Refunds?.Count > 0)
            await _refundService.ReconcileRefundsAsync(order, session, tamaraOrder);

        return new TamaraStaffActionResult(true, await FormatAsync("Done"), OrderChanged: true);
    }

    private static decimal OrderTotal(Order order, string currencyCode) =>
        TamaraMoneyRounding.Round(order.OrderTotal * (order.CurrencyRate > decimal.Zero ? order.CurrencyRate : decimal.One), currencyCode);

    private static string FormatDifference(decimal difference, string currencyCode) =>
        (difference > decimal.Zero ? "+" : difference < decimal.Zero ? "-" : string.Empty) + TamaraCapturedAmount.Format(Math.Abs(difference), currencyCode);

    private async Task<TamaraStaffActionResult> AnswerAsync(bool success, string key, params object[] arguments) =>
        new(success, await FormatAsync(key, arguments));

    private async Task<string> FormatAsync(string key, params object[] arguments)
    {
        var text = await _localizationService.GetResourceAsync(ResourcePrefix + key);
        return arguments.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, arguments);
    }
}
