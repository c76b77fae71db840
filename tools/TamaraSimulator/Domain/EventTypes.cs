namespace TamaraSimulator;

public static class EventTypes
{
    public const string OrderApproved = "order_approved";
    public const string OrderDeclined = "order_declined";
    public const string OrderAuthorised = "order_authorised";
    public const string OrderCanceled = "order_canceled";
    public const string OrderCaptured = "order_captured";
    public const string OrderRefunded = "order_refunded";
    public const string OrderExpired = "order_expired";
    public const string OrderUpdated = "order_updated";

    public static readonly IReadOnlySet<string> All = new HashSet<string>
    {
        OrderApproved, OrderDeclined, OrderAuthorised, OrderCanceled,
        OrderCaptured, OrderRefunded, OrderExpired, OrderUpdated,
    };

    /// <summary>The events of a <c>type: "dispute"</c> webhook registration, as the reference schema lists them.</summary>
    public static readonly IReadOnlySet<string> DisputeEvents = new HashSet<string>
    {
        "OrderDisputeAwaitingMerchantResponse", "OrderDisputeClosedMerchantAcceptedClaim", "OrderDisputeClosedTamaraAcceptedClaim",
        "OrderDisputeClosedTamaraAcceptedAndMerchantRefundedClaim", "OrderDisputeClosedClaimCancelled", "OrderDisputeWasUpdated",
    };

    /// <summary>The events a webhook registration of <paramref name="type"/> may list; null for a type the schema does not have.</summary>
    public static IReadOnlySet<string>? ForRegistrationType(string type) => type switch
    {
        "order" => All,
        "dispute" => DisputeEvents,
        _ => null,
    };
}
