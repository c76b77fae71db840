using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Models;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Staff;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Checkout;
using Nop.Plugin.Payments.TamaraInStore.Services.Refunds;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;
using Nop.Services.Helpers;
using Nop.Services.Localization;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.TamaraInStore.Factories;

public class TamaraOrderBlockModelFactory
{
    /// <summary>Every order note the plugin writes starts with this</summary>
    public const string NotePrefix = "Tamara";

    private readonly IDateTimeHelper _dateTimeHelper;
    private readonly ILocalizationService _localizationService;
    private readonly IOrderService _orderService;
    private readonly QrCodeService _qrCodeService;
    private readonly TamaraSessionService _sessionService;
    private readonly TamaraStaffPolicy _policy;
    private readonly TimeProvider _timeProvider;

    public TamaraOrderBlockModelFactory(IDateTimeHelper dateTimeHelper,
        ILocalizationService localizationService,
        IOrderService orderService,
        QrCodeService qrCodeService,
        TamaraSessionService sessionService,
        TamaraStaffPolicy policy,
        TimeProvider timeProvider)
    {
        _dateTimeHelper = dateTimeHelper;
        _localizationService = localizationService;
        _orderService = orderService;
        _qrCodeService = qrCodeService;
        _sessionService = sessionService;
        _policy = policy;
        _timeProvider = timeProvider;
    }

    public virtual async Task<OrderBlockModel> PrepareOrderBlockModelAsync(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);

        var model = new OrderBlockModel { OrderId = order.Id };
        var session = await _sessionService.GetLatestSessionByOrderIdAsync(order.Id);

        model.Timeline = (await _orderService.GetOrderNotesByOrderIdAsync(order.Id))
            .Where(note => note.Note?.StartsWith(NotePrefix, StringComparison.Ordinal) == true)
            .OrderByDescending(note => note.CreatedOnUtc).ThenByDescending(note => note.Id)
            .Select(note => new OrderBlockEventModel { CreatedOn = note.CreatedOnUtc, Text = note.Note })
            .ToList();
        foreach (var item in model.Timeline)
            item.CreatedOn = await _dateTimeHelper.ConvertToUserTimeAsync(item.CreatedOn, DateTimeKind.Utc);

        if (session is null)
            return model;

        var refunds = await _sessionService.GetRefundsByOrderIdAsync(order.Id);
        model.HasSession = true;
        model.RefundBasisField = TamaraRefundBasis.HiddenField(order.Id, TamaraRefundBasis.Of(refunds));
        model.TamaraOrderId = session.TamaraOrderId;
        model.CheckoutId = session.CheckoutId;
        model.SentBy = session.Channel == TamaraSessionChannel.Qr
            ? string.Format(await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.OrderBlock.SentBy.Qr"), session.DeviceId)
            : string.Format(await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.OrderBlock.SentBy.Sms"), SensitiveDataMasker.MaskPhone(session.PhoneNumber));
        if (session.Channel == TamaraSessionChannel.Qr && session.State == TamaraSessionState.Pending)
            model.QrCodeDataUri = _qrCodeService.ToPngDataUri(session.CheckoutDeeplink);
        model.TamaraStatus = session.TamaraStatus;
        model.StateName = session.State.ToString();
        model.State = await _localizationService.GetResourceAsync($"Plugins.Payments.TamaraInStore.OrderBlock.State.{session.State}");
        model.ExpiresOn = await _dateTimeHelper.ConvertToUserTimeAsync(session.ExpiresOnUtc, DateTimeKind.Utc);
        model.LastCheckedOn = session.LastCheckedOnUtc is { } lastChecked ? await _dateTimeHelper.ConvertToUserTimeAsync(lastChecked, DateTimeKind.Utc) : null;
        model.Amount = TamaraCapturedAmount.Format(session.Amount, session.CurrencyCode);
        model.CapturedAmount = TamaraCapturedAmount.Format(session.CapturedAmount, session.CurrencyCode);
        model.RefundedAmount = TamaraCapturedAmount.Format(session.RefundedAmount, session.CurrencyCode);
        model.LastError = session.LastError;

        if (session.State == TamaraSessionState.Pending)
            model.TimeLeft = await FormatTimeLeftAsync(session.ExpiresOnUtc - _timeProvider.GetUtcNow().UtcDateTime);

        foreach (var refund in refunds)
        {
            model.Refunds.Add(new OrderBlockRefundModel
            {
                RefundId = refund.RefundId,
                CaptureId = refund.CaptureId,
                Amount = TamaraCapturedAmount.Format(refund.Amount, refund.CurrencyCode),
                CreatedOn = await _dateTimeHelper.ConvertToUserTimeAsync(refund.CreatedOnUtc, DateTimeKind.Utc),
                Source = await _localizationService.GetResourceAsync($"Plugins.Payments.TamaraInStore.OrderBlock.RefundSource.{refund.Source}"),
                State = await _localizationService.GetResourceAsync($"Plugins.Payments.TamaraInStore.OrderBlock.RefundState.{refund.State}")
            });
        }

        // any of the order's links, not only the newest: a replaced link may be the one paid twice
        var doublePaid = (await _sessionService.GetSessionsByOrderIdAsync(order.Id)).LastOrDefault(candidate => TamaraDoublePaymentRefund.IsDoublePayment(order, candidate));
        if (doublePaid is not null)
        {
            model.DoublePayment = string.Format(await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.OrderBlock.DoublePayment"),
                TamaraCapturedAmount.Format(doublePaid.CapturedAmount - doublePaid.RefundedAmount, doublePaid.CurrencyCode), doublePaid.TamaraOrderId);
        }

        model.Actions = await _policy.MayActAsync()
            ? TamaraStaffPolicy.AllowedActions(TamaraStaffSituation.Of(order, session, doublePaid is not null)).ToList()
            : new List<TamaraOrderAction>();

        return model;
    }

    private Task<string> FormatTimeLeftAsync(TimeSpan left) => FormatTimeLeftAsync(_localizationService, left);

    /// <summary>"12:05 left", or that the time is over</summary>
    internal static async Task<string> FormatTimeLeftAsync(ILocalizationService localizationService, TimeSpan left)
    {
        if (left <= TimeSpan.Zero)
            return await localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.OrderBlock.TimeLeft.Over");

        var format = await localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.OrderBlock.TimeLeft.Format");
        return string.Format(format, (int)left.TotalMinutes, left.Seconds);
    }
}
