using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Nop.Services.Configuration;
using Nop.Services.Logging;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Sync;

/// <summary>
/// Scheduled task: asks Tamara about every pending session that is due, for all stores in one query
/// </summary>
/// <remarks>
/// Due sessions are checked by up to <see cref="TamaraPollConcurrency"/> workers at once, oldest due first, each worker in a
/// DI scope of its own (<see cref="TamaraTaskWorkers"/>): nopCommerce's scoped services (work context, per-request caches,
/// the order processing chain with its e-mails and events) are not made for concurrent use. When Tamara answers 429 or
/// 5xx, no worker sends with that API token until its pause ends (<see cref="TamaraTokenBackoff"/>). A time budget per run
/// keeps the run short; sessions not checked stay due and come first next time.
/// </remarks>
public class TamaraPendingSessionsTask : IScheduleTask
{
    private readonly IHttpContextAccessor _httpContextAccessor;
    private readonly IServiceScopeFactory _serviceScopeFactory;
    private readonly ISettingService _settingService;
    private readonly TamaraSessionService _sessionService;
    private readonly TamaraTokenBackoff _tokenBackoff;
    private readonly TimeProvider _timeProvider;

    public TamaraPendingSessionsTask(IHttpContextAccessor httpContextAccessor,
        IServiceScopeFactory serviceScopeFactory,
        ISettingService settingService,
        TamaraSessionService sessionService,
        TamaraTokenBackoff tokenBackoff,
        TimeProvider timeProvider)
    {
        _httpContextAccessor = httpContextAccessor;
        _serviceScopeFactory = serviceScopeFactory;
        _settingService = settingService;
        _sessionService = sessionService;
        _tokenBackoff = tokenBackoff;
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
        foreach (var storeId in dueSessions.Select(session => session.StoreId).Distinct())
            settingsByStore[storeId] = await _settingService.LoadSettingAsync<TamaraInStoreSettings>(storeId);

        var checkable = dueSessions
            .Select(session => (Session: session, ApiToken: settingsByStore[session.StoreId].ApiToken))
            .Where(due => !string.IsNullOrEmpty(due.ApiToken))
            .ToList();
        if (checkable.Count == 0)
            return;

        var queue = new TamaraPollQueue(checkable, _tokenBackoff);
        var workers = Math.Min(TamaraPollConcurrency.ForRun(settingsByStore.Values.Where(settings => !string.IsNullOrEmpty(settings.ApiToken))),
            checkable.Count);

        await Task.WhenAll(TamaraTaskWorkers.Start(workers, _serviceScopeFactory, _httpContextAccessor,
            services => CheckDueSessionsAsync(services, queue, settingsByStore, startedAt)));
    }

    /// <summary>One worker: takes the next due session until none is left or the run's time budget is spent</summary>
    private async Task CheckDueSessionsAsync(IServiceProvider services, TamaraPollQueue queue,
        IReadOnlyDictionary<int, TamaraInStoreSettings> settingsByStore, long startedAt)
    {
        var orderSyncService = services.GetRequiredService<TamaraOrderSyncService>();
        var logger = services.GetRequiredService<ILogger>();

        while (BudgetLeft(startedAt) > TimeSpan.Zero)
        {
            var (session, apiToken, wait) = queue.Next();
            if (session is null)
            {
                // only paused tokens have sessions left: wait for the first pause to end, if the run lasts that long
                if (wait is not { } pause || pause >= BudgetLeft(startedAt))
                    return;

                await Task.Delay(pause, _timeProvider);
                continue;
            }

            try
            {
                var result = await orderSyncService.SyncAsync(session, TamaraSyncTrigger.Poll);
                if (result.Outcome == TamaraSyncOutcome.TamaraUnavailable)
                    _tokenBackoff.PauseAfterFailure(apiToken, PollInterval(settingsByStore[session.StoreId]), result.RetryAfter, result.Unreachable);
                else if (result.Outcome is not (TamaraSyncOutcome.Failed or TamaraSyncOutcome.Busy or TamaraSyncOutcome.UnknownOrder))
                    _tokenBackoff.Succeeded(apiToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                await logger.ErrorAsync($"Tamara in-store: checking Tamara order {session.TamaraOrderId} failed: {exception.Message}", exception);
            }
        }
    }

    private TimeSpan BudgetLeft(long startedAt) => TamaraInStoreDefaults.PendingSessionsRunBudget - _timeProvider.GetElapsedTime(startedAt);

    private static TimeSpan PollInterval(TamaraInStoreSettings settings) =>
        TimeSpan.FromSeconds(Math.Max(settings.PollIntervalSeconds, TamaraInStoreDefaults.MinPollIntervalSeconds));
}
