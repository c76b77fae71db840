using Nop.Data;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;
using Nop.Services.Configuration;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Disputes;

/// <summary>
/// Disputes of our Tamara orders: read from Tamara when a dispute webhook arrives, kept one row per dispute.
/// </summary>
/// <remarks>
/// A dispute Tamara settles by refunding the customer changes the order's refunds at Tamara without a refund call of
/// ours. Such a refund is never booked here: after reading the disputes the order itself is synced, and the sync books
/// every refund it finds in Tamara's order once, by Tamara's refund id, under the order's lock (as it does for refunds
/// made in the partner portal). Duplicate or out-of-order dispute deliveries therefore book nothing twice.
/// </remarks>
public class TamaraDisputeService
{
    private readonly IRepository<TamaraDispute> _disputeRepository;
    private readonly ILogger _logger;
    private readonly ISettingService _settingService;
    private readonly ITamaraClient _tamaraClient;
    private readonly TamaraOrderSyncService _orderSyncService;
    private readonly TimeProvider _timeProvider;

    public TamaraDisputeService(IRepository<TamaraDispute> disputeRepository,
        ILogger logger,
        ISettingService settingService,
        ITamaraClient tamaraClient,
        TamaraOrderSyncService orderSyncService,
        TimeProvider timeProvider)
    {
        _disputeRepository = disputeRepository;
        _logger = logger;
        _settingService = settingService;
        _tamaraClient = tamaraClient;
        _orderSyncService = orderSyncService;
        _timeProvider = timeProvider;
    }

    /// <summary>Whether a webhook delivery is a dispute event (registration type "dispute")</summary>
    public static bool IsDisputeEvent(string eventType) =>
        !string.IsNullOrEmpty(eventType)
        && (TamaraInStoreDefaults.DisputeWebhookEvents.Contains(eventType, StringComparer.OrdinalIgnoreCase)
            || eventType.StartsWith("OrderDispute", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Reads the order's disputes from Tamara, stores them, then syncs the order so a refund Tamara made for a dispute is
    /// booked (once). Never throws except when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    /// <returns>The order sync's result, or a <see cref="TamaraSyncOutcome.TamaraUnavailable"/> / <see cref="TamaraSyncOutcome.Failed"/> one when the disputes could not be read</returns>
    public virtual async Task<TamaraSyncResult> RefreshAsync(TamaraSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);

        var settings = await _settingService.LoadSettingAsync<TamaraInStoreSettings>(session.StoreId);
        try
        {
            var disputes = await _tamaraClient.GetDisputesAsync(settings, session.TamaraOrderId, cancellationToken);
            foreach (var dispute in disputes.Where(dispute => !string.IsNullOrWhiteSpace(dispute.DisputeId)))
            {
                // a list may carry other orders' disputes when Tamara ignores the filter
                if (!string.IsNullOrEmpty(dispute.OrderId) && !string.Equals(dispute.OrderId, session.TamaraOrderId, StringComparison.Ordinal))
                    continue;

                await SaveAsync(session, dispute);
            }
        }
        catch (TamaraApiException exception)
        {
            await _logger.WarningAsync($"Tamara in-store: reading the disputes of Tamara order {session.TamaraOrderId} failed ({exception.Endpoint}, {exception.StatusCode}): {exception.Message}", exception);
            return new TamaraSyncResult
            {
                Outcome = exception.IsTransient ? TamaraSyncOutcome.TamaraUnavailable : TamaraSyncOutcome.Failed,
                StatusCode = exception.StatusCode,
                RetryAfter = exception.RetryAfter,
                Error = exception.Message
            };
        }

        return await _orderSyncService.SyncAsync(session, TamaraSyncTrigger.Webhook, cancellationToken);
    }

    /// <summary>The disputes of a nopCommerce order, newest first</summary>
    public virtual async Task<IList<TamaraDispute>> GetDisputesByOrderIdAsync(int orderId)
    {
        return await _disputeRepository.Table
            .Where(dispute => dispute.OrderId == orderId)
            .OrderByDescending(dispute => dispute.Id)
            .ToListAsync();
    }

    private async Task SaveAsync(TamaraSession session, TamaraOrderDispute read)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var stored = await _disputeRepository.Table.FirstOrDefaultAsync(dispute => dispute.DisputeId == read.DisputeId);

        // an answer older than what is stored (a slow read overtaken by a later one) changes nothing
        if (stored?.TamaraUpdatedOnUtc is { } storedOn && read.UpdatedAtUtc is { } readOn && readOn < storedOn)
            return;

        var dispute = stored ?? new TamaraDispute { DisputeId = read.DisputeId, CreatedOnUtc = now };
        dispute.SessionId = session.Id;
        dispute.OrderId = session.OrderId;
        dispute.StoreId = session.StoreId;
        dispute.TamaraOrderId = session.TamaraOrderId;
        dispute.Status = Truncate(read.Status, 64);
        dispute.Reason = Truncate(read.Reason, 1024);
        dispute.Amount = read.Amount?.Amount ?? dispute.Amount;
        dispute.CurrencyCode = read.Amount?.Currency ?? dispute.CurrencyCode ?? session.CurrencyCode;
        dispute.RespondByUtc = read.RespondByUtc ?? dispute.RespondByUtc;
        dispute.TamaraUpdatedOnUtc = read.UpdatedAtUtc ?? dispute.TamaraUpdatedOnUtc;
        dispute.UpdatedOnUtc = now;

        if (stored is not null)
        {
            await _disputeRepository.UpdateAsync(dispute, false);
            return;
        }

        try
        {
            await _disputeRepository.InsertAsync(dispute, false);
        }
        catch (Exception)
        {
            // another delivery of the same dispute inserted it first (unique index): update that row instead
            var inserted = await _disputeRepository.Table.FirstOrDefaultAsync(other => other.DisputeId == read.DisputeId);
            if (inserted is null)
                throw;

            dispute.Id = inserted.Id;
            dispute.CreatedOnUtc = inserted.CreatedOnUtc;
            await _disputeRepository.UpdateAsync(dispute, false);
        }
    }

    private static string Truncate(string value, int length) =>
        value is { Length: > 0 } && value.Length > length ? value[..length] : value;
}
