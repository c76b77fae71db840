using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Checkout;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Staff;

/// <summary>
/// "Send new link": a new Tamara session for an order already placed, sent the way the last one was (SMS or QR code),
/// after every link Tamara may still take a payment on is voided (see <see cref="TamaraLiveLink"/>), and only once each
/// void is confirmed: never two payable links. The link limit per phone number is asked first, so a refusal leaves the customer the
/// link they have.
/// </summary>
public class TamaraNewLinkService
{
    private readonly ILogger _logger;
    private readonly TamaraCheckoutService _checkoutService;
    private readonly TamaraOrderSyncService _orderSyncService;
    private readonly TamaraSessionService _sessionService;
    private readonly TamaraStaffAnswers _answers;

    public TamaraNewLinkService(ILogger logger,
        TamaraCheckoutService checkoutService,
        TamaraOrderSyncService orderSyncService,
        TamaraSessionService sessionService,
        TamaraStaffAnswers answers)
    {
        _logger = logger;
        _checkoutService = checkoutService;
        _orderSyncService = orderSyncService;
        _sessionService = sessionService;
        _answers = answers;
    }

    /// <summary>Sends a new link in place of <paramref name="session"/>, the order's newest; the caller has asked the policy</summary>
    public virtual async Task<TamaraOrderActionOutcome> SendAsync(Order order, TamaraSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(session);

        var limitRefusal = await _checkoutService.NewLinkRefusalAsync(order, session);
        if (limitRefusal is not null)
            return new TamaraOrderActionOutcome(order.Id, false, limitRefusal);

        foreach (var live in (await _sessionService.GetSessionsByOrderIdAsync(order.Id)).Where(TamaraLiveLink.IsLive))
        {
            var voided = await _orderSyncService.VoidSessionAsync(live, "by staff, before sending a new link", cancellationToken);
            if (voided.Succeeded)
                continue;

            // closed by Tamara meanwhile (declined, expired) is as good as voided; paid, or still payable, is not
            var now = await _sessionService.GetSessionByIdAsync(live.Id);
            if (TamaraLiveLink.IsLive(now) || now.State is TamaraSessionState.Paid or TamaraSessionState.NeedsAttention)
                return await _answers.VoidAnswerAsync(order.Id, voided);
        }

        session = await _sessionService.GetSessionByIdAsync(session.Id);

        try
        {
            var replacement = await _checkoutService.CreateReplacementSessionAsync(order, session);
            if (replacement is null)
                return await _answers.AnswerAsync(order.Id, false, "NewLink.Failed", false, string.Empty);
        }
        catch (Exception exception)
        {
            await _logger.ErrorAsync($"Tamara in-store: sending a new payment link for order {order.Id} failed: {exception.Message}", exception);
            return await _answers.AnswerAsync(order.Id, false, "NewLink.Failed", false, exception.Message);
        }

        return await _answers.AnswerAsync(order.Id, true, "NewLink.Sent");
    }
}
