using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Reconciliation;

/// <summary>
/// Reconciles the sessions of every store created within the window with Tamara: reads only, a few sessions at a time, each
/// worker in its own DI scope and request context, as the poller's (<see cref="Sync.TamaraTaskWorkers"/>): nopCommerce's scoped
/// services are not for concurrent use, and a fix that marks an order paid runs nopCommerce's paid processing
/// </summary>
public class TamaraReconciliationService : ITamaraReconciliationService
{
    private const string ResourcePrefix = "Plugins.Payments.TamaraInStore.Reconciliation.";

    private readonly IHttpContextAccessor _httpContextAccessor;
    private readonly ILocalizationService _localizationService;
    private readonly ILogger _logger;
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly ISettingService _settingService;
    private readonly TamaraReconciliationReportStore _reportStore;
    private readonly TamaraSessionService _sessionService;
    private readonly TimeProvider _timeProvider;

    public TamaraReconciliationService(IHttpContextAccessor httpContextAccessor,
        ILocalizationService localizationService,
        ILogger logger,
        IServiceScopeFactory scopeFactory,
        ISettingService settingService,
        TamaraReconciliationReportStore reportStore,
        TamaraSessionService sessionService,
        TimeProvider timeProvider)
    {
        _httpContextAccessor = httpContextAccessor;
        _localizationService = localizationService;
        _logger = logger;
        _scopeFactory = scopeFactory;
        _settingService = settingService;
        _reportStore = reportStore;
        _sessionService = sessionService;
        _timeProvider = timeProvider;
    }

    protected virtual TimeSpan RunBudget => TamaraInStoreDefaults.Reconciliation.RunBudget;

    public virtual Task<TamaraReconciliationReport> GetLastReportAsync() => _reportStore.GetLastAsync();

    public virtual async Task<TamaraReconciliationReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var days = TamaraReconciliationWindow.Days(await _settingService.LoadSettingAsync<TamaraInStoreSettings>());
        var report = new TamaraReconciliationReport { StartedOnUtc = now, WindowDays = days, Completed = true, Problem = string.Empty };

        var sessions = await _sessionService.GetSessionsCreatedSinceAsync(now.AddDays(-days));
        if (sessions.Count > 0)
            await CompareAsync(sessions.Select(session => session.Id).ToList(), report, cancellationToken);

        report.FinishedOnUtc = _timeProvider.GetUtcNow().UtcDateTime;
        await _reportStore.SaveAsync(report);
        await LogSummaryAsync(report);

        return report;
    }

    private async Task CompareAsync(IReadOnlyList<int> sessionIds, TamaraReconciliationReport report, CancellationToken cancellationToken)
    {
        var queue = new ConcurrentQueue<int>(sessionIds);
        var outcomes = new ConcurrentBag<TamaraSessionReconciliation>();
        var gate = new TamaraReconciliationGate(_timeProvider, RunBudget);

        await Task.WhenAll(TamaraTaskWorkers.Start(Math.Min(TamaraInStoreDefaults.Reconciliation.Workers, sessionIds.Count),
            _scopeFactory, _httpContextAccessor, provider => WorkAsync(provider, queue, outcomes, gate, cancellationToken)));

        var compared = outcomes.Where(outcome => outcome.Compared).ToList();
        report.SessionsCompared = compared.Count;
        report.Findings = compared.Where(outcome => outcome.Finding is not null).Select(outcome => outcome.Finding)
            .OrderBy(finding => finding.Fixed).ThenBy(finding => finding.SessionId).ToList();
        report.SessionsAgreeing = compared.Count(outcome => outcome.Finding is null || outcome.Finding.Fixed);
        report.Completed = compared.Count == sessionIds.Count;
        if (!report.Completed)
            report.Problem = await DescribeProblemAsync(sessionIds.Count, compared.Count, gate, outcomes);
    }

    private async Task WorkAsync(IServiceProvider services, ConcurrentQueue<int> queue, ConcurrentBag<TamaraSessionReconciliation> outcomes,
        TamaraReconciliationGate gate, CancellationToken cancellationToken)
    {
        var reconciler = services.GetRequiredService<TamaraSessionReconciler>();

        while (await gate.WaitForTurnAsync(cancellationToken) && queue.TryDequeue(out var sessionId))
        {
            TamaraSessionReconciliation outcome;
            try
            {
                outcome = await reconciler.ReconcileAsync(sessionId, gate, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                await _logger.ErrorAsync($"Tamara in-store: reconciling session {sessionId} failed: {exception.Message}", exception);
                outcome = new TamaraSessionReconciliation { Error = exception.Message };
            }

            if (outcome.TamaraUnavailable)
            {
                // every worker waits; this session is read again after the pause
                gate.Pause(outcome.RetryAfter);
                queue.Enqueue(sessionId);
                continue;
            }

            outcomes.Add(outcome);
        }
    }

    private async Task<string> DescribeProblemAsync(int total, int compared, TamaraReconciliationGate gate, IEnumerable<TamaraSessionReconciliation> outcomes)
    {
        var problems = new List<string>();
        if (gate.StoppedByPause)
        {
            problems.Add(string.Format(await _localizationService.GetResourceAsync(ResourcePrefix + "Problem.TamaraAskedToWait"),
                (int)Math.Ceiling(gate.LongestPause.TotalSeconds), (int)RunBudget.TotalMinutes, compared, total));
        }
        else if (compared + outcomes.Count(outcome => !outcome.Compared) < total)
        {
            problems.Add(string.Format(await _localizationService.GetResourceAsync(ResourcePrefix + "Problem.OutOfTime"),
                (int)RunBudget.TotalMinutes, compared, total));
        }

        var failed = outcomes.Where(outcome => !outcome.Compared).ToList();
        if (failed.Count > 0)
        {
            problems.Add(string.Format(await _localizationService.GetResourceAsync(ResourcePrefix + "Problem.NotRead"),
                failed.Count, failed.First().Error));
        }

        return string.Join(" ", problems);
    }

    private async Task LogSummaryAsync(TamaraReconciliationReport report)
    {
        var disagreements = report.Findings.Count;
        var fixedCount = report.Findings.Count(finding => finding.Fixed);

        string summary;
        if (report.SessionsCompared == 0 && report.Completed)
            summary = string.Format(await _localizationService.GetResourceAsync(ResourcePrefix + "Log.NoSessions"), report.WindowDays);
        else if (disagreements == 0)
            summary = string.Format(await _localizationService.GetResourceAsync(ResourcePrefix + "Log.AllAgree"), report.SessionsCompared);
        else
            summary = string.Format(await _localizationService.GetResourceAsync(ResourcePrefix + "Log.Disagreements"), report.SessionsCompared, disagreements, fixedCount);

        if (!report.Completed)
            summary += " " + string.Format(await _localizationService.GetResourceAsync(ResourcePrefix + "Log.Incomplete"), report.Problem);

        if (report.Completed && disagreements == fixedCount)
            await _logger.InformationAsync(summary);
        else
            await _logger.WarningAsync(summary);
    }
}
