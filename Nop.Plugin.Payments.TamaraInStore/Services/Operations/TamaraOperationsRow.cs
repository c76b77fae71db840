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

    /// <summary>0 when no order was placed</summary>
    public int OrderStatusId { get; set; }

    /// <summary>0 when no order was placed</summary>
    public int PaymentStatusId { get; set; }

    public bool OrderDeleted { get; set; }

    /// <summary>No later session belongs to the same order: the one the staff actions act on</summary>
    public bool IsNewestOfOrder { get; set; }

    /// <summary>A session of the same order needs attention while Tamara still holds money of it</summary>
    public bool OrderHoldsCaptureNeedingAttention { get; set; }

    public TamaraOperationsState State => TamaraOperationsQuery.StateOf(StateId, CapturedAmount, RefundedAmount);
}
