using System.Net;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Reconciliation;

/// <summary>
/// Reconciles one session: reads its order from Tamara (a read only), compares, and has the order sync apply a missed capture
/// or portal refund. One instance per worker scope.
/// </summary>
public class TamaraSessionReconciler
{
    private const string ResourcePrefix = "Plugins.Payments.TamaraInStore.Reconciliation.";

    private readonly TamaraOrderNoteWriter _noteWriter;
    private readonly ILocalizationService _localizationService;
    private readonly IOrderService _orderService;
    private readonly ISettingService _settingService;
    private readonly ITamaraClient _tamaraClient;
    private readonly TamaraOrderSyncService _orderSyncService;
    private readonly TamaraSessionService _sessionService;
    private readonly TimeProvider _timeProvider;

    public TamaraSessionReconciler(TamaraOrderNoteWriter noteWriter,
        ILocalizationService localizationService,
        IOrderService orderService,
        ISettingService settingService,
        ITamaraClient tamaraClient,
        TamaraOrderSyncService orderSyncService,
        TamaraSessionService sessionService,
        TimeProvider timeProvider)
    {
        _noteWriter = noteWriter;
        _localizationService = localizationService;
        _orderService = orderService;
        _settingService = settingService;
        _tamaraClient = tamaraClient;
        _orderSyncService = orderSyncService;
        _sessionService = sessionService;
        _timeProvider = timeProvider;
    }

    /// <param name="lastSeen">What the last run that compared this session saw; null when none did</param>
    /// <param name="gate">The run's, shared by its workers</param>
    public virtual async Task<TamaraSessionReconciliation> ReconcileAsync(int sessionId, TamaraReconciliationMark lastSeen,
        TamaraReconciliationGate gate, CancellationToken cancellationToken)
    {
        var session = await _sessionService.GetSessionByIdAsync(sessionId);
        var settings = await _settingService.LoadSettingAsync<TamaraInStoreSettings>(session.StoreId);
        if (string.IsNullOrEmpty(settings.ApiToken))
            return new TamaraSessionReconciliation { Error = await _localizationService.GetResourceAsync(ResourcePrefix + "Problem.NoApiToken") };

        var ourOrder = await GetOrderAsync(session);
        var ourRefunds = await GetRefundsAsync(ourOrder);
        var fingerprint = TamaraReconciliationFingerprint.Of(session, ourOrder, ourRefunds);
        if (lastSeen?.AgreedFingerprint == fingerprint && TamaraReconciliationFingerprint.IsFinal(lastSeen.TamaraStatus))
            return new TamaraSessionReconciliation { Skipped = true };

        if (!await gate.WaitForReadAsync(cancellationToken))
            return new TamaraSessionReconciliation { OutOfTime = true };

        TamaraOrder tamaraOrder;
        try
        {
            tamaraOrder = await _tamaraClient.GetOrderAsync(settings, session.TamaraOrderId, cancellationToken);
        }
        catch (TamaraApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return new TamaraSessionReconciliation
            {
                Compared = true,
                Finding = Finding(session, ourOrder, new(TamaraReconciliationVerdict.UnknownAtTamara,
                    $"Tamara: order {session.TamaraOrderId} not found (404); session: {session.State}", false))
            };
        }
        catch (TamaraApiException exception) when (exception.IsTransient)
        {
            return new TamaraSessionReconciliation { TamaraUnavailable = true, RetryAfter = exception.RetryAfter, Error = Describe(exception) };
        }
        catch (TamaraApiException exception)
        {
            return new TamaraSessionReconciliation { Error = Describe(exception) };
        }

        if (TamaraReconciliationComparer.Compare(session, ourOrder, ourRefunds, tamaraOrder) is null)
            return TamaraSessionReconciliation.Agrees(tamaraOrder.Status, fingerprint);

        // our side as it is now, after Tamara's answer: a webhook may have applied it meanwhile
        session = await _sessionService.GetSessionByIdAsync(sessionId);
        var (currentOrder, disagreement) = await CompareAsync(session, tamaraOrder);
        if (disagreement is null)
            return new TamaraSessionReconciliation { Compared = true, TamaraStatus = tamaraOrder.Status };

        if (!disagreement.SafeToFix)
            return new TamaraSessionReconciliation { Compared = true, TamaraStatus = tamaraOrder.Status, Finding = Finding(session, currentOrder, disagreement) };

        // the sync reads Tamara again under the order's lock and applies it as for a webhook: a webhook racing this run
        // leaves it nothing to do
        var synced = await gate.OneFixAtATimeAsync(
            () => _orderSyncService.SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Reconciliation, cancellationToken), cancellationToken);
        var appliedHere = disagreement.Verdict == TamaraReconciliationVerdict.CapturedButNotPaid
            ? synced.Outcome == TamaraSyncOutcome.Paid
            : synced.OrderChanged;

        var freshSession = await _sessionService.GetSessionByIdAsync(sessionId);
        var (order, remaining) = await CompareAsync(freshSession, tamaraOrder);
        if (appliedHere && order is not null)
            await AddFixedNoteAsync(order, disagreement);

        if (remaining is null)
        {
            // fixed meanwhile by a webhook or the poller: nothing to report
            // the next run reads it again: what our side looks like after a fix is not what was compared
            return appliedHere
                ? new TamaraSessionReconciliation { Compared = true, TamaraStatus = tamaraOrder.Status, Finding = Finding(freshSession, order, disagreement, isFixed: true) }
                : new TamaraSessionReconciliation { Compared = true, TamaraStatus = tamaraOrder.Status };
        }

        return new TamaraSessionReconciliation { Compared = true, TamaraStatus = tamaraOrder.Status, Finding = Finding(freshSession, order, remaining) };
    }

    private async Task<(Order Order, TamaraReconciliationDisagreement Disagreement)> CompareAsync(TamaraSession session, TamaraOrder tamaraOrder)
    {
        var order = await GetOrderAsync(session);
        return (order, TamaraReconciliationComparer.Compare(session, order, await GetRefundsAsync(order), tamaraOrder));
    }

    private async Task<List<TamaraRefund>> GetRefundsAsync(Order order) =>
        order is null ? new List<TamaraRefund>() : (await _sessionService.GetRefundsByOrderIdAsync(order.Id)).ToList();

    /// <summary>The session's order; one saved without being linked (see the order sync) by its order GUID</summary>
    private async Task<Order> GetOrderAsync(TamaraSession session) =>
        session.OrderId > 0
            ? await _orderService.GetOrderByIdAsync(session.OrderId)
            : await _orderService.GetOrderByGuidAsync(session.OrderGuid);

    private async Task AddFixedNoteAsync(Order order, TamaraReconciliationDisagreement disagreement)
    {
        var text = await _localizationService.GetResourceAsync(ResourcePrefix + "Note.Fixed." + disagreement.Verdict);
        await _noteWriter.AddAsync(order, string.Format(text, disagreement.Detail));
    }

    private static TamaraReconciliationFinding Finding(TamaraSession session, Order order, TamaraReconciliationDisagreement disagreement, bool isFixed = false) => new()
    {
        SessionId = session.Id,
        OrderId = order?.Id ?? 0,
        CustomOrderNumber = order?.CustomOrderNumber,
        StoreId = session.StoreId,
        TamaraOrderId = session.TamaraOrderId,
        Verdict = disagreement.Verdict,
        Detail = disagreement.Detail,
        Fixed = isFixed
    };

    private static string Describe(TamaraApiException exception) =>
        exception.StatusCode is { } statusCode ? $"{(int)statusCode} {exception.Message}" : $"{exception.Kind}: {exception.Message}";
}
