using Nop.Core;

namespace Nop.Plugin.Payments.TamaraInStore.Domain;

/// <summary>
/// One Tamara in-store checkout session, created for one nopCommerce order
/// </summary>
public class TamaraSession : BaseEntity
{
    /// <summary>nopCommerce order id; 0 until the order is placed</summary>
    public int OrderId { get; set; }

    public Guid OrderGuid { get; set; }

    public int StoreId { get; set; }

    public int CustomerId { get; set; }

    public string CheckoutId { get; set; }

    public string TamaraOrderId { get; set; }

    public string CheckoutDeeplink { get; set; }

    /// <summary>The last status Tamara reported, as text (unknown statuses are kept as they come)</summary>
    public string TamaraStatus { get; set; }

    public int StateId { get; set; }

    /// <summary>
    /// Order total sent to Tamara, in <see cref="CurrencyCode"/>; once staff accepted a capture of another amount, the
    /// order total they accepted it for
    /// </summary>
    public decimal Amount { get; set; }

    public string CurrencyCode { get; set; }

    public decimal CapturedAmount { get; set; }

    public decimal RefundedAmount { get; set; }

    /// <summary>Normalised phone number the payment link was sent to; empty for a QR session</summary>
    public string PhoneNumber { get; set; }

    public string Email { get; set; }

    public string Locale { get; set; }

    public string PaymentType { get; set; }

    public DateTime CreatedOnUtc { get; set; }

    public DateTime ExpiresOnUtc { get; set; }

    public DateTime? LastCheckedOnUtc { get; set; }

    /// <summary>Earliest time the poller may ask Tamara again (backs off after 429/5xx)</summary>
    public DateTime? NextCheckOnUtc { get; set; }

    public DateTime? PaidOnUtc { get; set; }

    public DateTime? ClosedOnUtc { get; set; }

    public string LastError { get; set; }

    /// <summary>How the link reaches the customer; see <see cref="Channel"/></summary>
    public int ChannelId { get; set; }

    /// <summary>The POS device (X-Device-Id) a QR session was created for; empty for SMS</summary>
    public string DeviceId { get; set; }

    /// <summary>The staff member who created the session: the admin at the counter, or the admin impersonating the customer</summary>
    public int? StaffCustomerId { get; set; }

    /// <summary>The till: the name the counter chose and keeps in a cookie, else a QR session's device id</summary>
    public string Till { get; set; }

    public TamaraSessionChannel Channel
    {
        get => (TamaraSessionChannel)ChannelId;
        set => ChannelId = (int)value;
    }

    public TamaraSessionState State
    {
        get => (TamaraSessionState)StateId;
        set => StateId = (int)value;
    }
}
