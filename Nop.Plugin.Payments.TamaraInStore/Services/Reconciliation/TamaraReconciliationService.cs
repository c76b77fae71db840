using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Reconciliation;

/// <summary>
/// Reconciles the sessions of every store created within the window with Tamara: reads only, newest first, a few sessions at
/// a time at a pace Tamara accepts, each worker in its own DI scope and request context, as the poller's
/// (<see cref="Sync.TamaraTaskWorkers"/>): nopCommerce's scoped services are not for concurrent use, and a fix that marks an
/// order paid runs nopCommerce's paid processing. A session whose Tamara status is final and that agreed at its last
/// comparison is not read again while nothing changes on our side; a run that runs out of time leaves the rest of its pass,
/// newest first, to the next run.
/// </summary>
public class TamaraReconciliationService : ITamaraReconciliationService
{
    private const string ResourcePrefix = "Plugins.Payments.TamaraInStore.Reconciliation.";

    private readonly IHttpContextAccessor _httpContextAccessor;
    private readonly ILocalizationService _localizationService;
    private readonly ILogger _logger;
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly ISettingService _settingService;
    private readonly TamaraReconciliationMarkStore _markStore;
    private readonly TamaraReconciliationReportStore _reportStore;
    private readonly TamaraSessionService _sessionService;
    private readonly TimeProvider _timeProvider;

    public TamaraReconciliationService(IHttpContextAccessor httpContextAccessor,
        ILocalizationService localizationService,
        ILogger logger,
        IServiceScopeFactory scopeFactory,
        ISettingService settingService,
        TamaraReconciliationMarkStore markStore,
        TamaraReconciliationReportStore reportStore,
        TamaraSessionService sessionService,
        TimeProvider timeProvider)
    {
        _httpContextAccessor = httpContextAccessor;
        _markStore = markStore;
        _localizationService = localizationService;
        _logger = logger;
        _scopeFactory = scopeFactory;
        _settingService = settingService;
        _reportStore = reportStore;
        _sessionService = sessionService;
        _timeProvider = timeProvider;
    }

    protected virtual TimeSpan RunBudget => TamaraInStoreDefaults.Reconciliation.RunBudget;

    protected virtual double ReadsPerSecond => TamaraInStoreDefaults.Reconciliation.ReadsPerSecond;

    public virtual Task<TamaraReconciliationReport> GetLastReportAsync() => _reportStore.GetLastAsync();

    public virtual async Task<TamaraReconciliationReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var days = TamaraReconciliationWindow.Days(await _settingService.LoadSettingAsync<TamaraInStoreSettings>());
        var report = new TamaraReconciliationReport { StartedOnUtc = now, WindowDays = days, Completed = true, Problem = string.Empty };

        var sessions = await _sessionService.GetSessionsCreatedSinceAsync(now.AddDays(-days));
        if (sessions.Count > 0)
        {
            var previous = await _reportStore.GetLastAsync();
            var continued = previous is { StoppedForTime: true, PassStartedOnUtc: { } started } && started >= now.AddDays(-days);
            report.PassStartedOnUtc = continued ? previous.PassStartedOnUtc : now;
            report.SessionsInWindow = sessions.Count;

            var firstSessionId = sessions.Min(session => session.Id);
            var marks = await _markStore.GetFromSessionIdAsync(firstSessionId);
            var unread = sessions
                .Where(session => !continued || !marks.TryGetValue(session.Id, out var mark) || mark.ComparedOnUtc < report.PassStartedOnUtc)
                .OrderByDescending(session => session.CreatedOnUtc).ThenByDescending(session => session.Id)
                .Select(session => session.Id)
                .ToList();
            report.SessionsComparedEarlier = sessions.Count - unread.Count;

            var outcomes = unread.Count > 0 ? await CompareAsync(unread, marks, report, cancellationToken) : new Dictionary<int, TamaraSessionReconciliation>();
            if (continued)
                CarryOverFindings(previous, report, sessions.Select(session => session.Id).Except(unread).ToHashSet());

            await _markStore.SaveAsync(Mark(outcomes, marks, now));
            await _markStore.ForgetBeforeSessionIdAsync(firstSessionId);
        }

        report.FinishedOnUtc = _timeProvider.GetUtcNow().UtcDateTime;
        await _reportStore.SaveAsync(report);
        await LogSummaryAsync(report);

        return report;
    }

    private async Task<Dictionary<int, TamaraSessionReconciliation>> CompareAsync(IReadOnlyList<int> sessionIds,
        IReadOnlyDictionary<int, TamaraReconciliationMark> marks, TamaraReconciliationReport report, CancellationToken cancellationToken)
    {
        var queue = new ConcurrentQueue<int>(sessionIds);
        var outcomes = new ConcurrentDictionary<int, TamaraSessionReconciliation>();
        var gate = new TamaraReconciliationGate(_timeProvider, RunBudget, ReadsPerSecond);

        await Task.WhenAll(TamaraTaskWorkers.Start(Math.Min(TamaraInStoreDefaults.Reconciliation.Workers, sessionIds.Count),
            _scopeFactory, _httpContextAccessor, provider => WorkAsync(provider, queue, marks, outcomes, gate, cancellationToken)));

        var compared = outcomes.Values.Where(outcome => outcome.Compared).ToList();
        report.SessionsCompared = compared.Count;
        report.SessionsSkipped = outcomes.Values.Count(outcome => outcome.Skipped);
        report.Findings = compared.Where(outcome => outcome.Finding is not null).Select(outcome => outcome.Finding)
            .OrderBy(finding => finding.Fixed).ThenBy(finding => finding.SessionId).ToList();
        report.SessionsAgreeing = compared.Count(outcome => outcome.Finding is null || outcome.Finding.Fixed);
        report.Completed = report.SessionsCompared + report.SessionsSkipped == sessionIds.Count;
        if (!report.Completed)
        {
            var failed = outcomes.Values.Where(outcome => !outcome.Compared && !outcome.Skipped && !outcome.OutOfTime).ToList();
            report.StoppedForTime = report.SessionsCompared + report.SessionsSkipped + failed.Count < sessionIds.Count;
            report.Problem = await DescribeProblemAsync(sessionIds.Count, report.SessionsCompared + report.SessionsSkipped, gate, failed);
        }

        return new Dictionary<int, TamaraSessionReconciliation>(outcomes);
    }

    /// <summary>Disagreements an earlier run of the pass found and that this run did not read again stay on the report</summary>
    private static void CarryOverFindings(TamaraReconciliationReport previous, TamaraReconciliationReport report, ISet<int> readEarlierInPass)
    {
        var carried = previous.Findings.Where(finding => !finding.Fixed && readEarlierInPass.Contains(finding.SessionId)).ToList();
        if (carried.Count == 0)
            return;

        report.Findings = report.Findings.Concat(carried)
            .OrderBy(finding => finding.Fixed).ThenBy(finding => finding.SessionId).ToList();
    }

    private static List<TamaraReconciliationMark> Mark(IReadOnlyDictionary<int, TamaraSessionReconciliation> outcomes,
        IReadOnlyDictionary<int, TamaraReconciliationMark> marks, DateTime now)
    {
        var changed = new List<TamaraReconciliationMark>();
        foreach (var (sessionId, outcome) in outcomes.Where(pair => pair.Value.Compared))
        {
            var mark = marks.GetValueOrDefault(sessionId) ?? new TamaraReconciliationMark { SessionId = sessionId };
            mark.ComparedOnUtc = now;
            mark.TamaraStatus = outcome.TamaraStatus;
            mark.AgreedFingerprint = outcome.AgreedFingerprint;
            changed.Add(mark);
        }

        return changed;
    }

    private async Task WorkAsync(IServiceProvider services, ConcurrentQueue<int> queue, IReadOnlyDictionary<int, TamaraReconciliationMark> marks,
        ConcurrentDictionary<int, TamaraSessionReconciliation> outcomes, TamaraReconciliationGate gate, CancellationToken cancellationToken)
    {
        var reconciler = services.GetRequiredService<TamaraSessionReconciler>();

        while (await gate.WaitForTurnAsync(cancellationToken) && queue.TryDequeue(out var sessionId))
        {
            TamaraSessionReconciliation outcome;
            try
            {
                outcome = await reconciler.ReconcileAsync(sessionId, marks.GetValueOrDefault(sessionId), gate, cancellationToken);
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

            if (outcome.OutOfTime)
                return;

            outcomes[sessionId] = outcome;
        }
    }

    private async Task<string> DescribeProblemAsync(int total, int handled, TamaraReconciliationGate gate, IReadOnlyList<TamaraSessionReconciliation> failed)
    {
        var problems = new List<string>();
        if (gate.StoppedByPause)
        {
            problems.Add(string.Format(await _localizationService.GetResourceAsync(ResourcePrefix + "Problem.TamaraAskedToWait"),
                (int)Math.Ceiling(gate.LongestPause.TotalSeconds), (int)RunBudget.TotalMinutes, handled, total));
        }
        else if (handled + failed.Count < total)
        {
            problems.Add(string.Format(await _localizationService.GetResourceAsync(ResourcePrefix + "Problem.OutOfTime"),
                (int)RunBudget.TotalMinutes, handled, total));
        }

        if (failed.Count > 0)
        {
            problems.Add(string.Format(await _localizationService.GetResourceAsync(ResourcePrefix + "Problem.NotRead"),
                failed.Count, failed[0].Error));
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
