namespace TamaraSimulator;

/// <summary>A customer's dispute of a paid order, as Tamara's dispute API lists it.</summary>
public sealed record SimDispute(
    string DisputeId,
    string OrderId,
    string? OrderReferenceId,
    string Status,
    string Reason,
    decimal Amount,
    string Currency,
    DateTimeOffset RespondBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? RefundId);

/// <summary>The dispute statuses of Tamara's dispute API.</summary>
public static class DisputeStatuses
{
    public const string Open = "open";
    public const string AwaitingMerchantResponse = "awaiting_merchant_response";
    public const string UnderReview = "under_review";
    public const string ClaimAccepted = "claim_accepted";
    public const string ClaimRejected = "claim_rejected";
    public const string Closed = "closed";
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlySet<string> All = new HashSet<string>
    {
        Open, AwaitingMerchantResponse, UnderReview, ClaimAccepted, ClaimRejected, Closed, Cancelled,
    };

    /// <summary>The statuses a dispute may be moved to while it is still open.</summary>
    public static readonly IReadOnlySet<string> Ongoing = new HashSet<string> { Open, AwaitingMerchantResponse, UnderReview };
}

/// <summary>How a dispute ends (the simulator's control API), with the event Tamara sends and who moves money.</summary>
public static class DisputeOutcomes
{
    /// <summary>The merchant accepted the claim (and refunds the customer through the usual refund call).</summary>
    public const string MerchantAccepted = "merchant_accepted";

    /// <summary>Tamara accepted the claim and refunded the customer itself: the order's refunds change without a call of ours.</summary>
    public const string TamaraRefunded = "tamara_refunded";

    /// <summary>Tamara accepted the claim and the merchant had refunded the customer already.</summary>
    public const string MerchantRefunded = "merchant_refunded";

    /// <summary>The claim was rejected in the merchant's favour.</summary>
    public const string Rejected = "rejected";

    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyDictionary<string, (string Status, string EventType)> All =
        new Dictionary<string, (string, string)>
        {
            [MerchantAccepted] = (DisputeStatuses.ClaimAccepted, EventTypes.DisputeClosedMerchantAccepted),
            [TamaraRefunded] = (DisputeStatuses.ClaimAccepted, EventTypes.DisputeClosedTamaraAccepted),
            [MerchantRefunded] = (DisputeStatuses.ClaimAccepted, EventTypes.DisputeClosedTamaraAcceptedMerchantRefunded),
            [Rejected] = (DisputeStatuses.ClaimRejected, EventTypes.DisputeUpdated),
            [Cancelled] = (DisputeStatuses.Cancelled, EventTypes.DisputeClaimCancelled),
        };
}
