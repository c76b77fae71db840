namespace TamaraSimulator;

/// <summary>One state-change event; <see cref="PayloadJson"/> is the exact body POSTed to webhooks.</summary>
public sealed record OrderNotification(
    string NotificationId,
    string OrderId,
    string EventType,
    string PayloadJson,
    DateTimeOffset CreatedAt);
