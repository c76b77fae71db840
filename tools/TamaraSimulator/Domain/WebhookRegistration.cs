namespace TamaraSimulator;

public sealed record WebhookRegistration(
    string WebhookId,
    string Type,
    IReadOnlyList<string> Events,
    string Url,
    IReadOnlyDictionary<string, string> Headers,
    DateTimeOffset CreatedAt);
