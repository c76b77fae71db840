namespace Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

/// <summary>
/// Order statuses Tamara reports. Any other text is kept as it comes and treated as "not paid yet".
/// </summary>
public static class TamaraOrderStatus
{
    public const string New = "new";
    public const string Approved = "approved";
    public const string Authorised = "authorised";
    public const string PartiallyCaptured = "partially_captured";
    public const string FullyCaptured = "fully_captured";
    public const string PartiallyRefunded = "partially_refunded";
    public const string FullyRefunded = "fully_refunded";
    public const string Declined = "declined";
    public const string Expired = "expired";
    public const string Canceled = "canceled";
    public const string Updated = "updated";

    /// <summary>
    /// Tamara will not take a payment on the order any more (declined, expired, canceled) or already took it; anything else,
    /// an unknown status included, may still be paid
    /// </summary>
    public static bool IsFinal(string status) => status?.Trim().ToLowerInvariant() is Declined or Expired or Canceled
        or FullyCaptured or PartiallyRefunded or FullyRefunded;
}
