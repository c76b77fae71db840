namespace Nop.Plugin.Payments.TamaraInStore.Services.Webhooks;

/// <summary>The state of one webhook registration of a store (order or dispute)</summary>
public record TamaraWebhookHealth(string Type, string WebhookId, TamaraWebhookState State, string ExpectedUrl)
{
    /// <summary>The URL Tamara delivers to, when it differs from <see cref="ExpectedUrl"/></summary>
    public string RegisteredUrl { get; init; }

    /// <summary>The events we need that the registration lacks</summary>
    public IReadOnlyList<string> MissingEvents { get; init; } = [];

    /// <summary>Why Tamara could not be asked</summary>
    public string Error { get; init; }

    public bool IsHealthy => State == TamaraWebhookState.Healthy;
}
