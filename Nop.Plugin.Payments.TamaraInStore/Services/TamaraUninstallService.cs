using System.Globalization;
using System.Text;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Orders;
using Nop.Services.Stores;

namespace Nop.Plugin.Payments.TamaraInStore.Services;

/// <summary>
/// What uninstalling must do before nopCommerce drops the plugin's tables: void the payment links still open, write
/// each Tamara order's ids and refund history to its order notes, and delete the webhooks registered at Tamara.
/// Never throws: a failure is logged and the uninstall goes on.
/// </summary>
public class TamaraUninstallService
{
    private const string ResourcePrefix = "Plugins.Payments.TamaraInStore.Uninstall.";

    private readonly TamaraOrderNoteWriter _noteWriter;
    private readonly ILocalizationService _localizationService;
    private readonly ILogger _logger;
    private readonly IOrderService _orderService;
    private readonly ISettingService _settingService;
    private readonly IStoreService _storeService;
    private readonly ITamaraClient _tamaraClient;
    private readonly TamaraOrderSyncService _orderSyncService;
    private readonly TamaraSessionService _sessionService;
    private readonly TimeProvider _timeProvider;

    public TamaraUninstallService(TamaraOrderNoteWriter noteWriter,
        ILocalizationService localizationService,
        ILogger logger,
        IOrderService orderService,
        ISettingService settingService,
        IStoreService storeService,
        ITamaraClient tamaraClient,
        TamaraOrderSyncService orderSyncService,
        TamaraSessionService sessionService,
        TimeProvider timeProvider)
    {
        _noteWriter = noteWriter;
        _localizationService = localizationService;
        _logger = logger;
        _orderService = orderService;
        _settingService = settingService;
        _storeService = storeService;
        _tamaraClient = tamaraClient;
        _orderSyncService = orderSyncService;
        _sessionService = sessionService;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    public virtual async Task PrepareAsync()
    {
        IList<TamaraSession> sessions = new List<TamaraSession>();
        await TryAsync("reading the Tamara sessions", async () => sessions = await _sessionService.GetAllSessionsAsync());

        // every link Tamara may still take a payment on, also one that expired here while its void failed
        foreach (var session in sessions.Where(TamaraLiveLink.IsLive))
            await TryAsync($"voiding Tamara order {session.TamaraOrderId}", () => VoidAsync(session));

        foreach (var orderSessions in sessions.Where(session => session.OrderId > 0).GroupBy(session => session.OrderId))
            await TryAsync($"writing the Tamara records of order #{orderSessions.Key}", () => WriteNotesAsync(orderSessions.Key));

        await TryAsync("deleting the Tamara webhooks", DeleteWebhooksAsync);
    }

    private async Task VoidAsync(TamaraSession session)
    {
        var result = await _orderSyncService.VoidSessionAsync(session, "the plugin is being uninstalled");
        if (!result.Succeeded && result.Outcome != TamaraVoidOutcome.NotNew)
            await _logger.WarningAsync($"Tamara in-store: uninstall could not void Tamara order {session.TamaraOrderId} ({result.Outcome}: {result.Error}); void it in Tamara's partner portal");
    }

    /// <summary>One note per order, read again after the voids so it shows the final states</summary>
    private async Task WriteNotesAsync(int orderId)
    {
        var text = new StringBuilder(await _localizationService.GetResourceAsync(ResourcePrefix + "Note"));

        foreach (var session in await _sessionService.GetSessionsByOrderIdAsync(orderId))
        {
            text.AppendLine().Append(await FormatAsync("Session", session.TamaraOrderId ?? "-", session.CheckoutId ?? "-", session.State,
                session.TamaraStatus ?? "-", Money(session.Amount, session.CurrencyCode), Money(session.CapturedAmount, session.CurrencyCode),
                Money(session.RefundedAmount, session.CurrencyCode)));
        }

        foreach (var refund in await _sessionService.GetRefundsByOrderIdAsync(orderId))
        {
            text.AppendLine().Append(await FormatAsync("Refund", refund.RefundId ?? "-", refund.MerchantRefundId ?? "-", refund.CaptureId ?? "-",
                refund.TamaraOrderId ?? "-", Money(refund.Amount, refund.CurrencyCode), refund.State, refund.Source,
                refund.CreatedOnUtc.ToString("u", CultureInfo.InvariantCulture)));
        }

        await _noteWriter.AddAsync(orderId, text.ToString());
    }

    private async Task DeleteWebhooksAsync()
    {
        var storeIds = new List<int> { 0 };
        storeIds.AddRange((await _storeService.GetAllStoresAsync()).Select(store => store.Id));
        var deleted = new HashSet<string>(StringComparer.Ordinal);

        foreach (var storeId in storeIds)
        {
            var settings = await _settingService.LoadSettingAsync<TamaraInStoreSettings>(storeId);
            if (string.IsNullOrEmpty(settings?.WebhookId) || string.IsNullOrEmpty(settings.ApiToken))
                continue;

            // a store without its own values inherits the default store's registration
            var registration = $"{settings.ApiBaseUrlOverride}|{settings.UseSandbox}|{settings.ApiToken}|{settings.WebhookId}";
            if (!deleted.Add(registration))
                continue;

            await TryAsync($"deleting Tamara webhook {settings.WebhookId} of store {storeId}", () => _tamaraClient.DeleteWebhookAsync(settings, settings.WebhookId));
            if (!string.IsNullOrEmpty(settings.DisputeWebhookId))
                await TryAsync($"deleting Tamara dispute webhook {settings.DisputeWebhookId} of store {storeId}", () => _tamaraClient.DeleteWebhookAsync(settings, settings.DisputeWebhookId));
        }
    }

    private async Task TryAsync(string what, Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception exception)
        {
            try
            {
                await _logger.ErrorAsync($"Tamara in-store: uninstall went on after {what} failed: {exception.Message}", exception);
            }
            catch
            {
                // the uninstall must go on even when the log cannot be written
            }
        }
    }

    private async Task<string> FormatAsync(string key, params object[] arguments) =>
        string.Format(CultureInfo.InvariantCulture, await _localizationService.GetResourceAsync(ResourcePrefix + key), arguments);

    private static string Money(decimal amount, string currencyCode) => TamaraCapturedAmount.Format(amount, currencyCode);
}
