using Nop.Plugin.Payments.TamaraInStore.Services.Staff;
using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.TamaraInStore.Models;

/// <summary>
/// The Tamara card on the admin order page
/// </summary>
public record OrderBlockModel : BaseNopModel
{
    public int OrderId { get; set; }

    public bool HasSession { get; set; }

    /// <summary>The hidden field with the refund state the page was opened on, posted with nopCommerce's Refund button (see TamaraRefundBasis)</summary>
    public string RefundBasisField { get; set; }

    public string TamaraOrderId { get; set; }

    public string CheckoutId { get; set; }

    /// <summary>How the link reached the customer: by SMS to a masked number, or as a QR code at a device</summary>
    public string SentBy { get; set; }

    /// <summary>The live QR session's code, for staff to show the customer (e.g. after "Send a new link"); else empty</summary>
    public string QrCodeDataUri { get; set; }

    public string TamaraStatus { get; set; }

    public string State { get; set; }

    /// <summary>The state's enum name, for styling</summary>
    public string StateName { get; set; }

    public DateTime? ExpiresOn { get; set; }

    /// <summary>Empty unless the session is still pending</summary>
    public string TimeLeft { get; set; }

    public string Amount { get; set; }

    public string CapturedAmount { get; set; }

    public string RefundedAmount { get; set; }

    public string LastError { get; set; }

    public DateTime? LastCheckedOn { get; set; }

    public IList<OrderBlockRefundModel> Refunds { get; set; } = new List<OrderBlockRefundModel>();

    /// <summary>Tamara's order notes, newest first</summary>
    public IList<OrderBlockEventModel> Timeline { get; set; } = new List<OrderBlockEventModel>();

    /// <summary>What this staff member may do now, as <see cref="TamaraStaffPolicy"/> decides; the buttons follow it</summary>
    public IList<TamaraOrderAction> Actions { get; set; } = new List<TamaraOrderAction>();

    public bool CanCheck => Actions.Contains(TamaraOrderAction.CheckNow);

    public bool CanVoid => Actions.Contains(TamaraOrderAction.Void);

    public bool CanSendNewLink => Actions.Contains(TamaraOrderAction.SendNewLink);

    /// <summary>A Tamara payment taken although the order was paid by other means; empty when there is none</summary>
    public string DoublePayment { get; set; }

    public bool CanRefundDoublePayment => Actions.Contains(TamaraOrderAction.RefundDoublePayment);

    /// <summary>The session needs attention: staff may accept Tamara's capture as the order's payment</summary>
    public bool CanAcceptCapture => Actions.Contains(TamaraOrderAction.AcceptCapture);

    /// <summary>The session needs attention: staff may refund Tamara's capture at Tamara</summary>
    public bool CanRefundCapture => Actions.Contains(TamaraOrderAction.RefundCapture);
}

public record OrderBlockRefundModel : BaseNopModel
{
    public string RefundId { get; set; }

    public string CaptureId { get; set; }

    public string Amount { get; set; }

    public DateTime CreatedOn { get; set; }

    public string Source { get; set; }

    public string State { get; set; }
}

public record OrderBlockEventModel : BaseNopModel
{
    public DateTime CreatedOn { get; set; }

    public string Text { get; set; }
}
