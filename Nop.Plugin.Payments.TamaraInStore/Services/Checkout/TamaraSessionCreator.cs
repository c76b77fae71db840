using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Services.Localization;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Checkout;

/// <summary>
/// Asks Tamara for an in-store session and records it. When Tamara's answer is lost, finds out by the order reference
/// whether the session exists, so a retry never texts the customer a second link.
/// </summary>
public class TamaraSessionCreator
{
    private static readonly string[] _closedStatuses = ["declined", "expired", "canceled"];

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
    /// Creates the session at Tamara and stores it; on failure returns a message for the person at the counter
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

        var (response, status, error) = await CreateOrRecoverAsync(settings, request.OrderReferenceId,
            () => _tamaraClient.CreateInStoreSessionAsync(settings, request));
        if (error is not null)
        {
            await _sessionService.ReleasePhoneLinkSlotAsync(slot);
            return (null, error);
        }

        template.Channel = TamaraSessionChannel.Sms;
        template.PhoneNumber = request.PhoneNumber;
        template.Email = request.Email;
        template.PaymentType = request.PaymentType;
        await StoreAsync(settings, template, response, status, request.TotalAmount, request.Locale);

        await _logger.InformationAsync($"Tamara in-store: session created, Tamara order {template.TamaraOrderId}, " +
            $"reference {request.OrderReferenceId}, {request.TotalAmount}, link sent to {SensitiveDataMasker.MaskPhone(request.PhoneNumber)}");

        return (template, null);
    }

    /// <summary>
    /// Creates a QR session at Tamara for a POS device and stores it; nobody is texted, so no phone link limit applies.
    /// On failure returns a message for the person at the counter.
    /// </summary>
    public virtual async Task<(TamaraSession Session, string Error)> CreateQrAsync(TamaraInStoreSettings settings, string deviceId,
        CreateInStoreQrSessionRequest request, TamaraSession template)
    {
        var (response, status, error) = await CreateOrRecoverAsync(settings, request.OrderReferenceId,
            () => _tamaraClient.CreateInStoreQrSessionAsync(settings, deviceId, request));
        if (error is not null)
            return (null, error);

        // recovered after a lost answer: the order details carry no link, so there is no code to show and nobody can pay
        // that session; it expires at Tamara unused
        if (string.IsNullOrEmpty(response.CheckoutDeeplink))
        {
            await _logger.WarningAsync($"Tamara in-store: QR session of Tamara order {response.OrderId} has no link to show (reference {request.OrderReferenceId}); not used");
            return (null, await ErrorAsync("Plugins.Payments.TamaraInStore.Checkout.Errors.QrNoLink"));
        }

        template.Channel = TamaraSessionChannel.Qr;
        template.DeviceId = deviceId;
        await StoreAsync(settings, template, response, status, request.Amount, request.Locale);

        await _logger.InformationAsync($"Tamara in-store: QR session created, Tamara order {template.TamaraOrderId}, " +
            $"reference {request.OrderReferenceId}, {request.Amount}, shown at device {deviceId}");

        return (template, null);
    }

    private async Task StoreAsync(TamaraInStoreSettings settings, TamaraSession template, CreateInStoreSessionResponse response,
        string status, TamaraMoney amount, string locale)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        template.CheckoutId = response.CheckoutId;
        template.TamaraOrderId = response.OrderId;
        template.CheckoutDeeplink = response.CheckoutDeeplink;
        template.TamaraStatus = status;
        template.State = TamaraSessionState.Pending;
        template.Amount = amount.Amount;
        template.CurrencyCode = amount.Currency;
        template.Locale = locale;
        template.CreatedOnUtc = now;
        template.ExpiresOnUtc = now.AddMinutes(Math.Max(settings.SessionLifetimeMinutes, TamaraInStoreDefaults.MinSessionLifetimeMinutes));
        template.NextCheckOnUtc = now.AddSeconds(Math.Max(settings.PollIntervalSeconds, TamaraInStoreDefaults.MinPollIntervalSeconds));
        await _sessionService.InsertSessionAsync(template);
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

    private async Task<(CreateInStoreSessionResponse Response, string Status, string Error)> CreateOrRecoverAsync(
        TamaraInStoreSettings settings, string orderReferenceId, Func<Task<CreateInStoreSessionResponse>> create)
    {
        try
        {
            var response = await create();
            if (string.IsNullOrEmpty(response?.OrderId))
                return await RecoverAsync(settings, orderReferenceId, null);

            return (response, "new", null);
        }
        catch (TamaraApiException exception) when (exception.OutcomeUnknown || exception.Kind == TamaraErrorKind.InvalidResponse)
        {
            return await RecoverAsync(settings, orderReferenceId, exception);
        }
        catch (TamaraApiException exception) when (exception.Kind == TamaraErrorKind.Api && exception.StatusCode is { } code && (int)code is >= 400 and < 500)
        {
            await _logger.WarningAsync($"Tamara in-store: session refused ({(int)code}) for reference {orderReferenceId}: {exception.Message}");
            return (null, null, await ErrorAsync("Plugins.Payments.TamaraInStore.Checkout.Errors.Refused", TamaraMessage(exception)));
        }
        catch (TamaraApiException exception)
        {
            await _logger.ErrorAsync($"Tamara in-store: session not created for reference {orderReferenceId}", exception);
            return (null, null, await ErrorAsync(exception.Kind == TamaraErrorKind.Configuration
                ? "Plugins.Payments.TamaraInStore.Checkout.Errors.NotConfigured"
                : "Plugins.Payments.TamaraInStore.Checkout.Errors.Failed", TamaraMessage(exception)));
        }
    }

    /// <summary>
    /// The create call may have worked although no answer came back: ask Tamara for the order by our reference
    /// </summary>
    private async Task<(CreateInStoreSessionResponse Response, string Status, string Error)> RecoverAsync(
        TamaraInStoreSettings settings, string orderReferenceId, TamaraApiException cause)
    {
        await _logger.WarningAsync($"Tamara in-store: no usable answer to the session request for reference {orderReferenceId}; looking the order up", cause);

        TamaraOrder order;
        try
        {
            order = await _tamaraClient.GetOrderByReferenceIdAsync(settings, orderReferenceId);
        }
        catch (TamaraApiException exception)
        {
            await _logger.WarningAsync($"Tamara in-store: look-up of reference {orderReferenceId} failed", exception);
            order = null;
        }

        if (string.IsNullOrEmpty(order?.OrderId))
            return (null, null, await ErrorAsync("Plugins.Payments.TamaraInStore.Checkout.Errors.NoAnswer"));

        var status = string.IsNullOrEmpty(order.Status) ? "new" : order.Status;
        if (_closedStatuses.Contains(status, StringComparer.OrdinalIgnoreCase))
            return (null, null, await ErrorAsync("Plugins.Payments.TamaraInStore.Checkout.Errors.RecoveredClosed", status));

        // the order details carry neither the checkout id nor the link: an SMS went out, but no QR code can be shown
        return (new CreateInStoreSessionResponse { OrderId = order.OrderId }, status, null);
    }

    private static string TamaraMessage(TamaraApiException exception) =>
        string.IsNullOrWhiteSpace(exception.Message) ? exception.StatusCode?.ToString() ?? string.Empty : exception.Message;

    private async Task<string> ErrorAsync(string key, params object[] args)
    {
        var text = await _localizationService.GetResourceAsync(key);
        return args.Length == 0 ? text : string.Format(text, args);
    }
}
