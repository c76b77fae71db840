using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.TamaraInStore.Models;

/// <summary>
/// The counter page: the payment link as a QR code and the live status of the Tamara session
/// </summary>
public record CheckoutCompletedModel : BaseNopModel
{
    public Guid OrderGuid { get; set; }

    /// <summary>PNG data URI; empty when Tamara's link is not known (the session was recovered after a lost answer)</summary>
    public string QrCodeDataUri { get; set; }

    public string CheckoutDeeplink { get; set; }

    public string MaskedPhoneNumber { get; set; }

    /// <summary>A QR session: the code is the only way to the link, shown large for the customer to scan; no SMS went out</summary>
    public bool IsQr { get; set; }

    /// <summary>Seconds until the link expires, counted down in the page</summary>
    public int SecondsLeft { get; set; }

    public string StatusUrl { get; set; }

    public SessionStatusModel Status { get; set; }
}
