using Nop.Plugin.Payments.TamaraInStore.Services.Sync;
using Nop.Services.Configuration;
using Nop.Services.Logging;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Payments.TamaraInStore.Services;

/// <summary>
/// Scheduled task: asks Tamara about every pending session that is due, for all stores in one query
/// </summary>
/// <remarks>
/// Sessions are checked one after another. The task runs inside one request scope and nopCommerce's scoped services
/// (work context, per-request caches, the order processing chain with its e-mails and events) are not made for
/// concurrent use; a time budget per run keeps the run short instead, and the oldest-due sessions come first next time.
/// </remarks>
public class TamaraPendingSessionsTask : IScheduleTask
{
    private readonly ILogger _logger;
    private readonly ISettingService _settingService;
    private readonly TamaraOrderSyncService _orderSyncService;
    private readonly TamaraSessionService _sessionService;
    private readonly TimeProvider _timeProvider;

    public TamaraPendingSessionsTask(ILogger logger,
        ISettingService settingService,
        TamaraOrderSyncService orderSyncService,
        TamaraSessionService sessionService,
        TimeProvider timeProvider)
    {
        _logger = logger;
        _settingService = settingService;
        _orderSyncService = orderSyncService;
        _sessionService = sessionService;
        _timeProvider = timeProvider;
    }

    public async Task ExecuteAsync()
    {
        var startedAt = _timeProvider.GetTimestamp();
        // a session checked during the previous run is due one interval after that check, a moment after this run
        // starts: the slack keeps it from waiting a whole extra interval
        var dueBefore = _timeProvider.GetUtcNow().UtcDateTime + TamaraInStoreDefaults.PollDueSlack;
        var dueSessions = await _sessionService.GetDueSessionsAsync(dueBefore, TamaraInStoreDefaults.PendingSessionsPerRun);
        if (dueSessions.Count == 0)
            return;

        var settingsByStore = new Dictionary<int, TamaraInStoreSettings>();
        // API tokens that Tamara throttled or could not serve in this run; never logged
        var backedOffTokens = new HashSet<string>(StringComparer.Ordinal);

        foreach (var session in dueSessions)
        {
            if (_timeProvider.GetElapsedTime(startedAt) > TamaraInStoreDefaults.PendingSessionsRunBudget)
                break;

            if (!settingsByStore.TryGetValue(session.StoreId, out var settings))
            {
                settings = await _settingService.LoadSettingAsync<TamaraInStoreSettings>(session.StoreId);
                settingsByStore[session.StoreId] = settings;
            }

            if (string.IsNullOrEmpty(settings.ApiToken) || backedOffTokens.Contains(settings.ApiToken))
                continue;

            try
            {
                var result = await _orderSyncService.SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);
                if (result.Outcome == TamaraSyncOutcome.TamaraUnavailable)
                    backedOffTokens.Add(settings.ApiToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                await _logger.ErrorAsync($"Tamara in-store: checking Tamara order {session.TamaraOrderId} failed: {exception.Message}", exception);
            }
        }
    }
}
