namespace Nop.Plugin.Payments.TamaraInStore.Domain;

/// <summary>
/// How the customer receives the payment link of a session
/// </summary>
public enum TamaraSessionChannel
{
    /// <summary>Tamara texts the link to the customer's mobile number (POST /checkout/in-store-session)</summary>
    Sms = 0,

    /// <summary>The link is shown as a QR code at the till and scanned by the customer; nobody is texted (POST /checkout/in-store)</summary>
    Qr = 10
}
