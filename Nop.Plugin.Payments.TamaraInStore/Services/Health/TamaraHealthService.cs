using Nop.Data;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Services.Configuration;
using Nop.Services.Logging;
using Nop.Services.Stores;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Health;

/// <summary>
/// Records when webhooks arrive, when the poller runs and whether Tamara answers, per store, and tells what is wrong:
/// webhooks being lost, a stalled poller, Tamara unreachable. Each warning is written to nopCommerce's log once, when it
/// starts (and once more when it ends), whichever server notices it.
/// </summary>
/// <remarks>
/// Cheap on purpose: observations are kept in memory (<see cref="TamaraHealthMemory"/>) and a store's row is written at most
/// once a minute per server; every write takes the later of the stored and the observed times, so the servers of a web
/// farm never move a row backwards.
/// </remarks>
public class TamaraHealthService
{
    /// <summary>The row of what every store shares (the poller)</summary>
    public const int SharedStoreId = 0;

    private readonly IRepository<TamaraStoreHealth> _healthRepository;
    private readonly ILogger _logger;
    private readonly ISettingService _settingService;
    private readonly IStoreService _storeService;
    private readonly TamaraHealthMemory _memory;
    private readonly TimeProvider _timeProvider;

    public TamaraHealthService(IRepository<TamaraStoreHealth> healthRepository,
        ILogger logger,
        ISettingService settingService,
        IStoreService storeService,
        TamaraHealthMemory memory,
        TimeProvider timeProvider)
    {
        _healthRepository = healthRepository;
        _logger = logger;
        _settingService = settingService;
        _storeService = storeService;
        _memory = memory;
        _timeProvider = timeProvider;
    }

    private DateTime Now => _timeProvider.GetUtcNow().UtcDateTime;

    /// <summary>An authentic webhook delivery for one of the store's orders arrived</summary>
    public virtual Task WebhookArrivedAsync(int storeId) => ObserveAsync(storeId, observed => observed.LastWebhookOnUtc = Now);

    /// <summary>The poller started a run (for every store)</summary>
    public virtual Task PollRanAsync() => ObserveAsync(SharedStoreId, observed => observed.LastPollOnUtc = Now);

    /// <summary>The poller found a payment that no webhook had announced</summary>
    public virtual Task PollFoundPaymentAsync(int storeId) => ObserveAsync(storeId, observed => observed.PollFoundPaymentOnUtc = Now);

    /// <summary>A read of Tamara for the store was answered (successfully or with an error answer), or got no answer at all</summary>
    public virtual Task TamaraReadAsync(int storeId, bool answered) => ObserveAsync(storeId, observed =>
    {
        if (answered)
        {
            observed.UnreachableSinceUtc = null;
            observed.Reached = true;
        }
        else
            observed.UnreachableSinceUtc ??= Now;
    });

    /// <summary>
    /// Every store's health, with the warnings it calls for now; warnings that started or ended since they were last
    /// logged are logged
    /// </summary>
    public virtual async Task<IList<TamaraStoreHealthView>> CheckAsync()
    {
        var now = Now;
        var rows = await _healthRepository.Table.ToListAsync();
        var shared = rows.Where(row => row.StoreId == SharedStoreId).OrderBy(row => row.Id).FirstOrDefault();
        var views = new List<TamaraStoreHealthView>();

        foreach (var store in await _storeService.GetAllStoresAsync())
        {
            var row = rows.Where(candidate => candidate.StoreId == store.Id).OrderBy(candidate => candidate.Id).FirstOrDefault();
            var settings = await _settingService.LoadSettingAsync<TamaraInStoreSettings>(store.Id);
            if (string.IsNullOrEmpty(settings?.ApiToken))
                continue;

            var interval = TimeSpan.FromSeconds(Math.Max(settings.PollIntervalSeconds, TamaraInStoreDefaults.MinPollIntervalSeconds));
            var warnings = TamaraHealthRules.Evaluate(now, row, shared, interval, TamaraHealthMemory.WritePeriod);
            await LogChangesAsync(store.Id, store.Name, row, warnings);
            views.Add(new TamaraStoreHealthView(store.Id, row?.LastWebhookOnUtc, shared?.LastPollOnUtc, warnings));
        }

        return views;
    }

    /// <summary>The same check, from the poller: at most once a minute per server</summary>
    public virtual async Task CheckIfDueAsync()
    {
        if (_memory.CheckDue(Now))
            await CheckAsync();
    }

    private async Task LogChangesAsync(int storeId, string storeName, TamaraStoreHealth row, TamaraHealthWarningKind warnings)
    {
        var logged = (TamaraHealthWarningKind)(row?.LoggedWarnings ?? 0);
        if (logged == warnings)
            return;

        foreach (var kind in Enum.GetValues<TamaraHealthWarningKind>().Where(kind => kind != TamaraHealthWarningKind.None))
        {
            if (warnings.HasFlag(kind) && !logged.HasFlag(kind))
                await _logger.WarningAsync($"Tamara in-store: store {storeName} ({storeId}): {Describe(kind)}");
            else if (!warnings.HasFlag(kind) && logged.HasFlag(kind))
                await _logger.InformationAsync($"Tamara in-store: store {storeName} ({storeId}): no longer the case: {Describe(kind)}");
        }

        await WriteAsync(storeId, stored => stored.LoggedWarnings = (int)warnings);
    }

    internal static string Describe(TamaraHealthWarningKind kind) => kind switch
    {
        TamaraHealthWarningKind.WebhooksLost => "the poller found payments that no webhook announced, and no webhook came since: webhooks are being lost (check the webhook on the configuration page)",
        TamaraHealthWarningKind.PollerStalled => $"the check of pending payments has not run for {TamaraHealthRules.StalledIntervals} poll intervals (check nopCommerce's schedule tasks)",
        TamaraHealthWarningKind.TamaraUnreachable => $"Tamara has not answered for {TamaraHealthRules.UnreachableFor.TotalMinutes:0} minutes",
        _ => kind.ToString()
    };

    private async Task ObserveAsync(int storeId, Action<TamaraHealthMemory.Observed> observe)
    {
        var observed = _memory.For(storeId);
        bool due;
        lock (observed)
        {
            observe(observed);
            due = observed.WrittenOnUtc is not { } written || Now - written >= TamaraHealthMemory.WritePeriod;
            if (due)
                observed.WrittenOnUtc = Now;
        }

        if (!due)
            return;

        try
        {
            await WriteAsync(storeId, row => Merge(row, observed));
        }
        catch (Exception exception)
        {
            // a health record never fails what it observes (a webhook, a poll)
            lock (observed)
                observed.WrittenOnUtc = null;
            await _logger.WarningAsync($"Tamara in-store: recording the health of store {storeId} failed: {exception.Message}", exception);
        }
    }

    private static void Merge(TamaraStoreHealth row, TamaraHealthMemory.Observed observed)
    {
        lock (observed)
        {
            row.LastWebhookOnUtc = Later(row.LastWebhookOnUtc, observed.LastWebhookOnUtc);
            row.LastPollOnUtc = Later(row.LastPollOnUtc, observed.LastPollOnUtc);
            row.PollFoundPaymentOnUtc = Later(row.PollFoundPaymentOnUtc, observed.PollFoundPaymentOnUtc);
            if (observed.UnreachableSinceUtc is { } since)
                row.TamaraUnreachableSinceUtc ??= since;
            else if (observed.Reached)
                row.TamaraUnreachableSinceUtc = null;

            observed.Reached = false;
        }
    }

    private async Task WriteAsync(int storeId, Action<TamaraStoreHealth> change)
    {
        var row = await _healthRepository.Table.Where(candidate => candidate.StoreId == storeId).OrderBy(candidate => candidate.Id).FirstOrDefaultAsync();
        if (row is null)
        {
            row = new TamaraStoreHealth { StoreId = storeId };
            change(row);
            row.UpdatedOnUtc = Now;
            await _healthRepository.InsertAsync(row, false);
            return;
        }

        change(row);
        row.UpdatedOnUtc = Now;
        await _healthRepository.UpdateAsync(row, false);
    }

    private static DateTime? Later(DateTime? stored, DateTime? observed) =>
        stored is null ? observed : observed is null ? stored : stored > observed ? stored : observed;
}
