using Nop.Core;

namespace Nop.Plugin.Payments.TamaraInStore.Domain;

/// <summary>
/// One refund of a Tamara order, whichever side started it
/// </summary>
public class TamaraRefund : BaseEntity
{
    public int OrderId { get; set; }

    public int SessionId { get; set; }

    public string TamaraOrderId { get; set; }

    /// <summary>Tamara's refund id; empty while the outcome is unknown</summary>
    public string RefundId { get; set; }

    public string CaptureId { get; set; }

    /// <summary>Our own id for the refund, sent as merchant_refund_id so a lost answer can be matched later</summary>
    public string MerchantRefundId { get; set; }

    /// <summary>Refunded amount in <see cref="CurrencyCode"/> (the order currency)</summary>
    public decimal Amount { get; set; }

    public string CurrencyCode { get; set; }

    /// <summary>The same amount in the primary store currency, as nopCommerce counts refunds</summary>
    public decimal PrimaryStoreCurrencyAmount { get; set; }

    public string Comment { get; set; }

    public int StateId { get; set; }

    public int SourceId { get; set; }

    public DateTime CreatedOnUtc { get; set; }

    public DateTime? CompletedOnUtc { get; set; }

    public string LastError { get; set; }

    /// <summary>
    /// Counted in nopCommerce through an offline refund, because the click that made it never got its answer; the
    /// same click repeated soon after completes it instead of sending it again
    /// </summary>
    public bool CountedOffline { get; set; }

    public TamaraRefundState State
    {
        get => (TamaraRefundState)StateId;
        set => StateId = (int)value;
    }

    public TamaraRefundSource Source
    {
        get => (TamaraRefundSource)SourceId;
        set => SourceId = (int)value;
    }
}
