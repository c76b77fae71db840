namespace TamaraSimulator;

public static class DeliveryOutcomes
{
    public const string Delivered = "delivered";
    public const string Failed = "failed";
    public const string Dropped = "dropped";
    public const string GaveUp = "gave_up";
}

/// <summary>One attempt to deliver one notification to one webhook.</summary>
public sealed record NotificationDeliveryAttempt(
    string DeliveryId,
    string NotificationId,
    string WebhookId,
    string Url,
    string OrderId,
    string EventType,
    int Attempt,
    string Outcome,
    int? StatusCode,
    string? Error,
    string Token,
    DateTimeOffset At);
