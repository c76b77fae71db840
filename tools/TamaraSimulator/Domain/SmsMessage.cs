namespace TamaraSimulator;

/// <summary>A payment link "sent" by SMS; nothing leaves the machine.</summary>
public sealed record SmsMessage(
    string PhoneNumber,
    string OrderId,
    string CheckoutId,
    string Link,
    decimal Amount,
    string Currency,
    string Text,
    DateTimeOffset SentAt);
