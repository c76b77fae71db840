using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Models;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Staff;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Checkout;
using Nop.Plugin.Payments.TamaraInStore.Services.Disputes;
using Nop.Plugin.Payments.TamaraInStore.Services.Refunds;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;
using Nop.Services.Helpers;
using Nop.Services.Localization;

namespace Nop.Plugin.Payments.TamaraInStore.Factories;

public class TamaraOrderBlockModelFactory
{
    private readonly IDateTimeHelper _dateTimeHelper;
    private readonly ILocalizationService _localizationService;
    private readonly QrCodeService _qrCodeService;
    private readonly TamaraOrderNoteWriter _noteWriter;
    private readonly TamaraSessionService _sessionService;
    private readonly TamaraStaffPolicy _policy;
    private readonly TimeProvider _timeProvider;
    private readonly TamaraDisputeService _disputeService;

    /// <param name="disputeService">Without it (a test composition) the card shows no disputes</param>
    public TamaraOrderBlockModelFactory(IDateTimeHelper dateTimeHelper,
        ILocalizationService localizationService,
        QrCodeService qrCodeService,
        TamaraOrderNoteWriter noteWriter,
        TamaraSessionService sessionService,
        TamaraStaffPolicy policy,
        TimeProvider timeProvider,
        TamaraDisputeService disputeService = null)
    {
        _disputeService = disputeService;
        _dateTimeHelper = dateTimeHelper;
        _localizationService = localizationService;
        _qrCodeService = qrCodeService;
        _noteWriter = noteWriter;
        _sessionService = sessionService;
        _policy = policy;
        _timeProvider = timeProvider;
    }

    public virtual async Task<OrderBlockModel> PrepareOrderBlockModelAsync(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);

        var model = new OrderBlockModel { OrderId = order.Id };
        var session = await _sessionService.GetLatestSessionByOrderIdAsync(order.Id);

        model.Timeline = (await _noteWriter.GetNotesAsync(order.Id))
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

        foreach (var dispute in _disputeService is null ? [] : await _disputeService.GetDisputesByOrderIdAsync(order.Id))
        {
            model.Disputes.Add(new OrderBlockDisputeModel
            {
                DisputeId = dispute.DisputeId,
                StatusKey = dispute.Status,
                Status = await DisputeStatusTextAsync(_localizationService, dispute.Status),
                Amount = TamaraCapturedAmount.Format(dispute.Amount, dispute.CurrencyCode),
                Reason = dispute.Reason,
                RespondBy = dispute.RespondByUtc is { } respondBy ? await _dateTimeHelper.ConvertToUserTimeAsync(respondBy, DateTimeKind.Utc) : null,
                UpdatedOn = await _dateTimeHelper.ConvertToUserTimeAsync(dispute.UpdatedOnUtc, DateTimeKind.Utc)
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

    /// <summary>A dispute status in the page's language; one Tamara has not documented, as it came</summary>
    internal static async Task<string> DisputeStatusTextAsync(ILocalizationService localizationService, string status)
    {
        var key = $"Plugins.Payments.TamaraInStore.Dispute.Status.{status}";
        var text = await localizationService.GetResourceAsync(key);
        return string.IsNullOrEmpty(text) || text == key ? status : text;
    }

    /// <summary>"Awaiting your answer, answer by 2026-12-15 10:00" (the Gregorian calendar in every language)</summary>
    internal static async Task<string> FormatDisputeAsync(ILocalizationService localizationService, string status, DateTime? respondBy)
    {
        var text = await DisputeStatusTextAsync(localizationService, status);
        if (respondBy is not { } deadline)
            return text;

        var format = await localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Dispute.WithDeadline");
        return string.Format(format, text, deadline.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
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
