using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;
using Nop.Services.Localization;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Checkout;

/// <summary>
/// Records an in-store session, then asks Tamara for it. When Tamara's answer is lost, finds out by the order reference
/// whether the session exists, so a retry never texts the customer a second link; when that cannot be known yet, the
/// recorded session stays "creating" and the poller finds out.
/// </summary>
public class TamaraSessionCreator
{
    private readonly ILocalizationService _localizationService;
    private readonly ILogger _logger;
    private readonly ITamaraClient _tamaraClient;
    private readonly TamaraSessionService _sessionService;
    private readonly TimeProvider _timeProvider;

    public TamaraSessionCreator(ILocalizationService localizationService,
        ILogger logger,
        ITamaraClient tamaraClient,
        TamaraSessionService sessionService,
        TimeProvider timeProvider)
    {
        _localizationService = localizationService;
        _logger = logger;
        _tamaraClient = tamaraClient;
        _sessionService = sessionService;
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// The merchant reference of the n-th session of a checkout: the order GUID for the first, then "{guid}-{n}".
    /// Tamara may refuse a reference it has already seen (a voided or expired session), so later sessions get their own.
    /// </summary>
    public static string ReferenceIdFor(Guid orderGuid, int sessionsSoFar) =>
        sessionsSoFar <= 0 ? orderGuid.ToString() : $"{orderGuid}-{sessionsSoFar}";

    /// <summary>
    /// Records the session, then creates it at Tamara; on failure returns a message for the person at the counter
    /// </summary>
    public virtual async Task<(TamaraSession Session, string Error)> CreateAsync(TamaraInStoreSettings settings,
        CreateInStoreSessionRequest request, TamaraSession template)
    {
        var refusal = await LinkLimitRefusalAsync(settings, request.PhoneNumber);
        if (refusal is not null)
            return (null, refusal);

        // the count above is a read: simultaneous checkouts for one number all pass it, the slot is taken atomically
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var windowMinutes = TamaraPhoneLinkLimit.WindowMinutes(settings);
        var slot = await _sessionService.TryReservePhoneLinkSlotAsync(request.PhoneNumber, TamaraPhoneLinkLimit.MaxLinks(settings),
            now.AddMinutes(-windowMinutes), now);
        if (slot is null)
        {
            await _logger.WarningAsync($"Tamara in-store: no new payment link for {SensitiveDataMasker.MaskPhone(request.PhoneNumber)}: " +
                $"every one of the {TamaraPhoneLinkLimit.MaxLinks(settings)} links of the last {windowMinutes} minutes is taken");
            return (null, await ErrorAsync("Plugins.Payments.TamaraInStore.Checkout.Errors.TooManyLinks", TamaraPhoneLinkLimit.MaxLinks(settings), windowMinutes));
        }

        template.Channel = TamaraSessionChannel.Sms;
        template.PhoneNumber = request.PhoneNumber;
        template.Email = request.Email;
        template.PaymentType = request.PaymentType;
        await RecordCreatingAsync(settings, template, request.OrderReferenceId, request.TotalAmount, request.Locale);

        var error = await CreateOrRecoverAsync(settings, template,
            () => _tamaraClient.CreateInStoreSessionAsync(settings, request));
        if (error is not null)
        {
            // only a refusal frees the slot: after an unknown outcome a link may exist
            if (template.State == TamaraSessionState.NotCreated)
                await _sessionService.ReleasePhoneLinkSlotAsync(slot);
            return (null, error);
        }

        await _logger.InformationAsync($"Tamara in-store: session created, Tamara order {template.TamaraOrderId}, " +
            $"reference {request.OrderReferenceId}, {request.TotalAmount}, link sent to {SensitiveDataMasker.MaskPhone(request.PhoneNumber)}");

        return (template, null);
    }

    /// <summary>
    /// Records a QR session for a POS device, then creates it at Tamara; nobody is texted, so no phone link limit applies.
    /// On failure returns a message for the person at the counter.
    /// </summary>
    public virtual async Task<(TamaraSession Session, string Error)> CreateQrAsync(TamaraInStoreSettings settings, string deviceId,
        CreateInStoreQrSessionRequest request, TamaraSession template)
    {
        template.Channel = TamaraSessionChannel.Qr;
        template.DeviceId = deviceId;
        await RecordCreatingAsync(settings, template, request.OrderReferenceId, request.Amount, request.Locale);

        var error = await CreateOrRecoverAsync(settings, template,
            () => _tamaraClient.CreateInStoreQrSessionAsync(settings, deviceId, request));
        if (error is not null)
            return (null, error);

        // recovered after a lost answer: the order details carry no link, so there is no code to show and nobody can pay
        // that session; it is closed here and watched until Tamara's own expiry in case it is paid all the same
        if (string.IsNullOrEmpty(template.CheckoutDeeplink))
        {
            var now = _timeProvider.GetUtcNow().UtcDateTime;
            template.State = TamaraSessionState.Canceled;
            template.ClosedOnUtc = now;
            template.LastError = "Recovered after a lost answer without a link to show; not used.";
            template.NextCheckOnUtc = TamaraLateCheck.Next(template, now);
            await _sessionService.UpdateSessionAsync(template);
            await _logger.WarningAsync($"Tamara in-store: QR session of Tamara order {template.TamaraOrderId} has no link to show (reference {request.OrderReferenceId}); not used");
            return (null, await ErrorAsync("Plugins.Payments.TamaraInStore.Checkout.Errors.QrNoLink"));
        }

        await _logger.InformationAsync($"Tamara in-store: QR session created, Tamara order {template.TamaraOrderId}, " +
            $"reference {request.OrderReferenceId}, {request.Amount}, shown at device {deviceId}");

        return (template, null);
    }

    /// <summary>
    /// The session is stored before Tamara is asked, so whatever becomes of the answer, the store knows a link may exist.
    /// Its first check by the poller comes after the longest the create call can take.
    /// </summary>
    private async Task RecordCreatingAsync(TamaraInStoreSettings settings, TamaraSession template, string orderReferenceId,
        TamaraMoney amount, string locale)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        // the create call is never repeated: one timeout is the longest it takes
        var timeout = TamaraCallBudget.EffectiveTimeoutSeconds(settings, TamaraRetryPolicy.Default);
        template.OrderReferenceId = orderReferenceId;
        template.State = TamaraSessionState.Creating;
        template.Amount = amount.Amount;
        template.CurrencyCode = amount.Currency;
        template.Locale = locale;
        template.CreatedOnUtc = now;
        template.ExpiresOnUtc = now.AddMinutes(Math.Max(settings.SessionLifetimeMinutes, TamaraInStoreDefaults.MinSessionLifetimeMinutes));
        template.NextCheckOnUtc = now.AddSeconds(timeout + Math.Max(settings.PollIntervalSeconds, TamaraInStoreDefaults.MinPollIntervalSeconds));
        await _sessionService.InsertSessionAsync(template);
    }

    private async Task MarkCreatedAsync(TamaraInStoreSettings settings, TamaraSession session, CreateInStoreSessionResponse response)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        session.CheckoutId = response.CheckoutId;
        session.TamaraOrderId = response.OrderId;
        session.CheckoutDeeplink = response.CheckoutDeeplink;
        session.TamaraStatus = TamaraOrderStatus.New;
        session.State = TamaraSessionState.Pending;
        session.LastError = null;
        session.NextCheckOnUtc = now.AddSeconds(Math.Max(settings.PollIntervalSeconds, TamaraInStoreDefaults.MinPollIntervalSeconds));
        await _sessionService.UpdateSessionAsync(session);
    }

    /// <summary>
    /// Null when the phone number may receive another payment link now; otherwise the message for the person at the counter.
    /// Counted in the plugin's own table, so every server of a web farm sees the same links.
    /// </summary>
    /// <param name="phoneNumber">Normalised, as stored with the sessions</param>
    public virtual async Task<string> LinkLimitRefusalAsync(TamaraInStoreSettings settings, string phoneNumber)
    {
        var maxLinks = TamaraPhoneLinkLimit.MaxLinks(settings);
        var windowMinutes = TamaraPhoneLinkLimit.WindowMinutes(settings);
        var since = _timeProvider.GetUtcNow().UtcDateTime.AddMinutes(-windowMinutes);

        var sent = await _sessionService.CountSessionsForPhoneSinceAsync(phoneNumber, since);
        if (sent < maxLinks)
            return null;

        await _logger.WarningAsync($"Tamara in-store: no new payment link for {SensitiveDataMasker.MaskPhone(phoneNumber)}: " +
            $"{sent} sent in the last {windowMinutes} minutes (limit {maxLinks})");
        return await ErrorAsync("Plugins.Payments.TamaraInStore.Checkout.Errors.TooManyLinks", sent, windowMinutes);
    }

    /// <summary>
    /// Asks Tamara and settles the recorded session: created (ids filled in), refused (closed as not created), or unknown
    /// (kept as "creating" for the poller); null when the session was created or recovered
    /// </summary>
    private async Task<string> CreateOrRecoverAsync(TamaraInStoreSettings settings, TamaraSession session,
        Func<Task<CreateInStoreSessionResponse>> create)
    {
        var reference = session.OrderReferenceId;
        try
        {
            var response = await create();
            if (string.IsNullOrEmpty(response?.OrderId))
                return await RecoverAsync(settings, session, null);

            await MarkCreatedAsync(settings, session, response);
            return null;
        }
        catch (TamaraApiException exception) when (exception.OutcomeUnknown || TamaraCreatingSession.SaysReferenceExists(exception))
        {
            return await RecoverAsync(settings, session, exception);
        }
        catch (TamaraApiException exception) when (exception.Kind == TamaraErrorKind.Api && exception.StatusCode is { } code && (int)code is >= 400 and < 500)
        {
            await _logger.WarningAsync($"Tamara in-store: session refused ({(int)code}) for reference {reference}: {exception.Message}");
            await CloseAsNotCreatedAsync(session, $"Tamara refused the session ({(int)code}): {TamaraMessage(exception)}");
            return await ErrorAsync("Plugins.Payments.TamaraInStore.Checkout.Errors.Refused", TamaraMessage(exception));
        }
        catch (TamaraApiException exception)
        {
            await _logger.ErrorAsync($"Tamara in-store: session not created for reference {reference}", exception);
            await CloseAsNotCreatedAsync(session, $"Not created: {TamaraMessage(exception)}");
            return await ErrorAsync(exception.Kind == TamaraErrorKind.Configuration
                ? "Plugins.Payments.TamaraInStore.Checkout.Errors.NotConfigured"
                : "Plugins.Payments.TamaraInStore.Checkout.Errors.Failed", TamaraMessage(exception));
        }
    }

    /// <summary>
    /// The create call may have worked although no usable answer came back (or Tamara says the reference is taken): ask
    /// Tamara for the order by our reference. Whatever cannot be settled now stays "creating", for the poller.
    /// </summary>
    private async Task<string> RecoverAsync(TamaraInStoreSettings settings, TamaraSession session, TamaraApiException cause)
    {
        var reference = session.OrderReferenceId;
        await _logger.WarningAsync($"Tamara in-store: no usable answer to the session request for reference {reference}; looking the order up", cause);

        TamaraOrder order;
        try
        {
            order = await _tamaraClient.GetOrderByReferenceIdAsync(settings, reference);
        }
        catch (TamaraApiException exception)
        {
            await _logger.WarningAsync($"Tamara in-store: look-up of reference {reference} failed; the session is kept and checked again", exception);
            return await KeepCreatingAsync(session, $"Tamara's answer was lost and the look-up by reference failed: {TamaraMessage(exception)}");
        }

        if (string.IsNullOrEmpty(order?.OrderId))
        {
            return await KeepCreatingAsync(session, cause is null
                ? "Tamara's answer carried no order; Tamara does not know the reference yet"
                : $"Tamara's answer was lost ({TamaraMessage(cause)}); Tamara does not know the reference yet");
        }

        TamaraCreatingSession.Adopt(session, order, _timeProvider.GetUtcNow().UtcDateTime);
        if (session.State == TamaraSessionState.Pending)
            session.NextCheckOnUtc = _timeProvider.GetUtcNow().UtcDateTime.AddSeconds(Math.Max(settings.PollIntervalSeconds, TamaraInStoreDefaults.MinPollIntervalSeconds));
        await _sessionService.UpdateSessionAsync(session);

        if (TamaraCreatingSession.IsClosed(order))
            return await ErrorAsync("Plugins.Payments.TamaraInStore.Checkout.Errors.RecoveredClosed", order.Status);

        // the order details carry neither the checkout id nor the link: an SMS went out, but no QR code can be shown
        return null;
    }

    /// <summary>Nothing is known for sure: the session stays "creating" and the clerk is told its fate is being checked</summary>
    private async Task<string> KeepCreatingAsync(TamaraSession session, string reason)
    {
        session.LastError = reason.Length > 1024 ? reason[..1024] : reason;
        await _sessionService.UpdateSessionAsync(session);
        return await ErrorAsync("Plugins.Payments.TamaraInStore.Checkout.Errors.OutcomeBeingChecked");
    }

    private async Task CloseAsNotCreatedAsync(TamaraSession session, string reason)
    {
        TamaraCreatingSession.CloseAsNotCreated(session, reason, _timeProvider.GetUtcNow().UtcDateTime);
        await _sessionService.UpdateSessionAsync(session);
    }

    private static string TamaraMessage(TamaraApiException exception) =>
        string.IsNullOrWhiteSpace(exception.Message) ? exception.StatusCode?.ToString() ?? string.Empty : exception.Message;

    private async Task<string> ErrorAsync(string key, params object[] args)
    {
        var text = await _localizationService.GetResourceAsync(key);
        return args.Length == 0 ? text : string.Format(text, args);
    }
}
