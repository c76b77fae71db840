using Nop.Core;

namespace Nop.Plugin.Payments.TamaraInStore.Domain;

/// <summary>
/// The right to send the one refund a page was opened for. A page (the order card, the partial refund popup) knows the
/// last refund of the order it showed; the click made from it claims that basis. A unique index lets exactly one click per
/// basis through, on whichever server of a web farm it runs; a page opened after that refund has a basis of its own.
/// </summary>
public class TamaraRefundClaim : BaseEntity
{
    public int SessionId { get; set; }

    /// <summary>Id of the order's last <see cref="TamaraRefund"/> the page knew of; 0 before any</summary>
    public int Basis { get; set; }

    public DateTime CreatedOnUtc { get; set; }
}
