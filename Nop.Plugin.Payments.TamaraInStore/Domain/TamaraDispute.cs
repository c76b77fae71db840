using Nop.Core;

namespace Nop.Plugin.Payments.TamaraInStore.Domain;

/// <summary>
/// A customer's dispute of one of our Tamara orders, as last read from Tamara
/// </summary>
public class TamaraDispute : BaseEntity
{
    /// <summary>Tamara's dispute id (unique)</summary>
    public string DisputeId { get; set; }

    public int SessionId { get; set; }

    /// <summary>nopCommerce order id of the session</summary>
    public int OrderId { get; set; }

    public int StoreId { get; set; }

    public string TamaraOrderId { get; set; }

    /// <summary>Tamara's dispute status, as text (open, awaiting_merchant_response, under_review, claim_accepted, ...)</summary>
    public string Status { get; set; }

    public string Reason { get; set; }

    public decimal Amount { get; set; }

    public string CurrencyCode { get; set; }

    /// <summary>Until when the merchant may answer; empty when Tamara names no deadline</summary>
    public DateTime? RespondByUtc { get; set; }

    /// <summary>When Tamara last changed the dispute, as it says</summary>
    public DateTime? TamaraUpdatedOnUtc { get; set; }

    public DateTime CreatedOnUtc { get; set; }

    public DateTime UpdatedOnUtc { get; set; }
}
