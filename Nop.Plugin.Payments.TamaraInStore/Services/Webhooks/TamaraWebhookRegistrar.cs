using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Services.Configuration;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Webhooks;

/// <summary>
/// A store's two webhook registrations at Tamara (order events, dispute events): registers them, tells whether each still
/// exists, points at the store and carries the events we need, and repairs them
/// </summary>
public class TamaraWebhookRegistrar
{
    private readonly ISettingService _settingService;
    private readonly ITamaraClient _tamaraClient;

    public TamaraWebhookRegistrar(ISettingService settingService, ITamaraClient tamaraClient)
    {
        _settingService = settingService;
        _tamaraClient = tamaraClient;
    }

    /// <summary>The registrations a store needs, each with its events</summary>
    public static IReadOnlyList<TamaraWebhook> Expected(string url) =>
    [
        new() { Type = TamaraInStoreDefaults.WebhookTypes.Order, Events = TamaraInStoreDefaults.WebhookEvents.ToList(), Url = url },
        new() { Type = TamaraInStoreDefaults.WebhookTypes.Dispute, Events = TamaraInStoreDefaults.DisputeWebhookEvents.ToList(), Url = url }
    ];

    /// <summary>Asks Tamara about each registration (GET /webhooks/{id}); never throws for Tamara's failures</summary>
    public virtual async Task<IList<TamaraWebhookHealth>> CheckAsync(TamaraInStoreSettings settings, string url, CancellationToken cancellationToken = default)
    {
        var health = new List<TamaraWebhookHealth>();
        foreach (var expected in Expected(url))
            health.Add(await CheckAsync(settings, expected, IdOf(settings, expected.Type), cancellationToken));

        return health;
    }

    /// <summary>
    /// Registers what is missing and corrects what is wrong: a registration Tamara still knows is changed in place
    /// (PUT /webhooks/{id}), a missing one is registered anew (POST /webhooks) and its id saved for the store
    /// </summary>
    /// <exception cref="TamaraApiException">Tamara refused or could not be reached; what was done before is kept</exception>
    public virtual async Task<IList<TamaraWebhook>> RepairAsync(TamaraInStoreSettings settings, int storeScope, string url, CancellationToken cancellationToken = default)
    {
        var registered = new List<TamaraWebhook>();
        foreach (var expected in Expected(url))
        {
            var webhookId = IdOf(settings, expected.Type);
            var webhook = string.IsNullOrEmpty(webhookId) ? null : await _tamaraClient.UpdateWebhookAsync(settings, webhookId, expected, cancellationToken);
            if (webhook is null)
            {
                webhook = await _tamaraClient.RegisterWebhookAsync(settings, expected, cancellationToken);
                await SaveIdAsync(settings, storeScope, expected.Type, webhook.WebhookId);
            }

            registered.Add(webhook);
        }

        return registered;
    }

    private async Task<TamaraWebhookHealth> CheckAsync(TamaraInStoreSettings settings, TamaraWebhook expected, string webhookId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(webhookId))
            return new TamaraWebhookHealth(expected.Type, null, TamaraWebhookState.NotRegistered, expected.Url);

        TamaraWebhook registered;
        try
        {
            registered = await _tamaraClient.GetWebhookAsync(settings, webhookId, cancellationToken);
        }
        catch (TamaraApiException exception)
        {
            return new TamaraWebhookHealth(expected.Type, webhookId, TamaraWebhookState.Unknown, expected.Url) { Error = exception.Message };
        }

        if (registered is null)
            return new TamaraWebhookHealth(expected.Type, webhookId, TamaraWebhookState.Missing, expected.Url);

        if (!SameUrl(registered.Url, expected.Url))
            return new TamaraWebhookHealth(expected.Type, webhookId, TamaraWebhookState.WrongUrl, expected.Url) { RegisteredUrl = registered.Url };

        var missingEvents = expected.Events.Except(registered.Events ?? [], StringComparer.OrdinalIgnoreCase).ToList();
        if (missingEvents.Count > 0)
            return new TamaraWebhookHealth(expected.Type, webhookId, TamaraWebhookState.MissingEvents, expected.Url) { MissingEvents = missingEvents };

        return new TamaraWebhookHealth(expected.Type, webhookId, TamaraWebhookState.Healthy, expected.Url);
    }

    /// <summary>The same address, whatever the case of its host and a trailing slash</summary>
    internal static bool SameUrl(string registered, string expected)
    {
        if (!Uri.TryCreate(registered, UriKind.Absolute, out var left) || !Uri.TryCreate(expected, UriKind.Absolute, out var right))
            return string.Equals(registered, expected, StringComparison.OrdinalIgnoreCase);

        return Uri.Compare(left, right, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
            && string.Equals(left.AbsolutePath.TrimEnd('/'), right.AbsolutePath.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
    }

    private static string IdOf(TamaraInStoreSettings settings, string type) =>
        type == TamaraInStoreDefaults.WebhookTypes.Dispute ? settings.DisputeWebhookId : settings.WebhookId;

    private async Task SaveIdAsync(TamaraInStoreSettings settings, int storeScope, string type, string webhookId)
    {
        if (type == TamaraInStoreDefaults.WebhookTypes.Dispute)
        {
            settings.DisputeWebhookId = webhookId;
            await _settingService.SaveSettingAsync(settings, x => x.DisputeWebhookId, storeScope, false);
        }
        else
        {
            settings.WebhookId = webhookId;
            await _settingService.SaveSettingAsync(settings, x => x.WebhookId, storeScope, false);
        }

        await _settingService.ClearCacheAsync();
    }
}
