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

namespace Nop.Plugin.Payments.TamaraInStore.Services.Staff;

/// <summary>
/// Gives back a Tamara payment taken for an order that was already paid by other means (a double payment). What Tamara
/// still holds of it is refunded there; nopCommerce's refund totals are left alone, since the order keeps its other
/// payment, and no refund row is written, so the refunds of the order's own payment are not affected.
/// </summary>
public class TamaraDoublePaymentRefund
{
    private const int LockAttempts = 4;
    private static readonly TimeSpan _lockRetryDelay = TimeSpan.FromMilliseconds(250);

    private readonly TamaraOrderNoteWriter _noteWriter;
    private readonly ILocker _locker;
    private readonly ILogger _logger;
    private readonly IOrderService _orderService;
    private readonly ISettingService _settingService;
    private readonly ITamaraClient _tamaraClient;
    private readonly TamaraSessionService _sessionService;
    private readonly TimeProvider _timeProvider;

    public TamaraDoublePaymentRefund(TamaraOrderNoteWriter noteWriter,
        ILocker locker,
        ILogger logger,
        IOrderService orderService,
        ISettingService settingService,
        ITamaraClient tamaraClient,
        TamaraSessionService sessionService,
        TimeProvider timeProvider)
    {
        _noteWriter = noteWriter;
        _locker = locker;
        _logger = logger;
        _orderService = orderService;
        _settingService = settingService;
        _tamaraClient = tamaraClient;
        _sessionService = sessionService;
        _timeProvider = timeProvider;
    }

    /// <summary>Tamara captured money for this session, which needs attention, while the order is paid by other means</summary>
    public static bool IsDoublePayment(Order order, TamaraSession session) =>
        session is { State: TamaraSessionState.NeedsAttention }
        && IsPaidOtherwise(order.PaymentStatus)
        && session.CapturedAmount > session.RefundedAmount;

    /// <summary>The order's payment status once it is paid (by Tamara's capture or by other means)</summary>
    public static bool IsPaidOtherwise(PaymentStatus paymentStatus) =>
        paymentStatus is PaymentStatus.Paid or PaymentStatus.PartiallyRefunded or PaymentStatus.Refunded;

    /// <summary>The newest session of the order whose Tamara payment is a double payment; null when there is none</summary>
    public virtual async Task<TamaraSession> FindAsync(Order order) =>
        (await _sessionService.GetSessionsByOrderIdAsync(order.Id)).LastOrDefault(session => IsDoublePayment(order, session));

    /// <summary>Refunds the double payment under the Tamara order's lock; Tamara's own figures decide what is left to refund</summary>
    public virtual async Task<TamaraDoublePaymentRefundResult> RefundAsync(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);

        var session = await FindAsync(order);
        if (session is null)
            return TamaraDoublePaymentRefundResult.NothingToRefund;

        var result = TamaraDoublePaymentRefundResult.Busy;
        await TamaraOrderLock.TryRunAsync(_locker, session.TamaraOrderId, async () => result = await RefundUnderLockAsync(order, session.Id),
            LockAttempts, _lockRetryDelay);
        return result;
    }

    private async Task<TamaraDoublePaymentRefundResult> RefundUnderLockAsync(Order order, int sessionId)
    {
        var session = await _sessionService.GetSessionByIdAsync(sessionId);
        if (!IsDoublePayment(order, session))
            return TamaraDoublePaymentRefundResult.NothingToRefund;

        var settings = await _settingService.LoadSettingAsync<TamaraInStoreSettings>(order.StoreId);
        try
        {
            // read first: an earlier click whose answer was lost has already refunded it
            var tamaraOrder = await _tamaraClient.GetOrderAsync(settings, session.TamaraOrderId);
            var currencyCode = tamaraOrder.CapturedAmount?.Currency ?? session.CurrencyCode;
            var captured = tamaraOrder.CapturedAmount?.Amount ?? decimal.Zero;
            var refundable = TamaraMoneyRounding.Round(captured - (tamaraOrder.RefundedAmount?.Amount ?? decimal.Zero), currencyCode);

            string refundId = null;
            if (refundable > decimal.Zero)
            {
                var response = await _tamaraClient.SimplifiedRefundAsync(settings, session.TamaraOrderId, new SimplifiedRefundRequest
                {
                    TotalAmount = new TamaraMoney(refundable, currencyCode),
                    Comment = $"Double payment: order {order.CustomOrderNumber} was paid by other means",
                    MerchantRefundId = $"{session.TamaraOrderId}-double-payment"
                });
                refundId = response?.RefundId;
            }

            session.CapturedAmount = captured;
            session.RefundedAmount = captured;
            // given back: nothing is left for anyone to look at
            session.State = TamaraSessionState.Refunded;
            session.NextCheckOnUtc = null;
            session.ClosedOnUtc ??= _timeProvider.GetUtcNow().UtcDateTime;
            session.LastError = $"Tamara: the double payment of {TamaraCapturedAmount.Format(refundable, currencyCode)} was refunded at Tamara.";
            await _sessionService.UpdateSessionAsync(session);

            var note = refundable > decimal.Zero
                ? $"Tamara: the double payment (Tamara order {session.TamaraOrderId}) was refunded at Tamara: {TamaraCapturedAmount.Format(refundable, currencyCode)}, refund {refundId ?? "-"}. The order keeps its other payment."
                : $"Tamara: the double payment (Tamara order {session.TamaraOrderId}) had already been refunded at Tamara.";
            await _noteWriter.AddAsync(order, note);
            await _logger.InformationAsync($"Tamara in-store: order {order.Id}: {note}");

            return new TamaraDoublePaymentRefundResult { Succeeded = true, Amount = TamaraCapturedAmount.Format(refundable, currencyCode) };
        }
        catch (TamaraApiException exception)
        {
            await _logger.WarningAsync($"Tamara in-store: refunding the double payment of Tamara order {session.TamaraOrderId} (order {order.Id}) failed", exception);
            return new TamaraDoublePaymentRefundResult { Error = exception.Message };
        }
    }
}

public class TamaraDoublePaymentRefundResult
{
    public bool Succeeded { get; init; }

    /// <summary>What was refunded, formatted with its currency</summary>
    public string Amount { get; init; }

    public string Error { get; init; }

    public bool IsBusy { get; init; }

    public static TamaraDoublePaymentRefundResult NothingToRefund { get; } = new() { Error = string.Empty };

    public static TamaraDoublePaymentRefundResult Busy { get; } = new() { IsBusy = true };
}
