namespace Nop.Plugin.Payments.TamaraInStore.Services.Operations;

/// <summary>
/// One session as the operations page lists it, with its order's number
/// </summary>
public class TamaraOperationsRow
{
    public int SessionId { get; set; }

    /// <summary>0 when no order was placed for the session</summary>
    public int OrderId { get; set; }

    public string CustomOrderNumber { get; set; }

    /// <summary>The checkout the session was created for; empty for a Tamara payment learnt from a webhook, without any checkout</summary>
    public Guid OrderGuid { get; set; }

    public int StoreId { get; set; }

    public string TamaraOrderId { get; set; }

    public string TamaraStatus { get; set; }

    public int StateId { get; set; }

    public decimal Amount { get; set; }

    public string CurrencyCode { get; set; }

    public decimal CapturedAmount { get; set; }

    public decimal RefundedAmount { get; set; }

    public string PhoneNumber { get; set; }

    public DateTime CreatedOnUtc { get; set; }

    public DateTime ExpiresOnUtc { get; set; }

    public DateTime? PaidOnUtc { get; set; }

    public string LastError { get; set; }

    /// <summary>The staff member who created the session; null before plugin 1.04</summary>
    public int? StaffCustomerId { get; set; }

    public string Till { get; set; }

    /// <summary>The status of the session's latest dispute; null when its order was never disputed</summary>
    public string DisputeStatus { get; set; }

    /// <summary>Until when the latest dispute may be answered</summary>
    public DateTime? DisputeRespondByUtc { get; set; }

    /// <summary>0 when no order was placed</summary>
    public int OrderStatusId { get; set; }

    /// <summary>0 when no order was placed</summary>
    public int PaymentStatusId { get; set; }

    public bool OrderDeleted { get; set; }

    /// <summary>No later session belongs to the same order: the one the staff actions act on</summary>
    public bool IsNewestOfOrder { get; set; }

    /// <summary>A session of the same order needs attention while Tamara still holds money of it</summary>
    public bool OrderHoldsCaptureNeedingAttention { get; set; }

    /// <summary>A Tamara order no checkout of this store created, that carries money: a person must settle it</summary>
    public bool IsPaymentWithoutOrder => OrderId == 0 && OrderGuid == Guid.Empty;

    public TamaraOperationsState State => TamaraOperationsQuery.StateOf(StateId, CapturedAmount, RefundedAmount);
}
