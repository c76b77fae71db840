namespace TamaraSimulator;

public static class OrderStatuses
{
    public const string New = "new";
    public const string Approved = "approved";
    public const string Authorised = "authorised";
    public const string PartiallyCaptured = "partially_captured";
    public const string FullyCaptured = "fully_captured";
    public const string Declined = "declined";
    public const string Expired = "expired";
    public const string Canceled = "canceled";
    public const string PartiallyRefunded = "partially_refunded";
    public const string FullyRefunded = "fully_refunded";
}
