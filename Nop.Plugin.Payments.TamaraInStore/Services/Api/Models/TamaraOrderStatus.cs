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
}
