namespace Nop.Plugin.Payments.TamaraInStore.Services.Counter;

/// <summary>What the clerk sends from the counter: the customer's mobile number, how the link goes, and the sale's one-shot token</summary>
public sealed class TamaraCounterSendRequest
{
    public string PhoneNumber { get; init; }

    public string Name { get; init; }

    public string Email { get; init; }

    /// <summary>Show a QR code at the till instead of texting the link</summary>
    public bool Qr { get; init; }

    /// <summary>The till's POS device id (QR only)</summary>
    public string DeviceId { get; init; }

    /// <summary>The till's name, recorded with the session</summary>
    public string Till { get; init; }

    /// <summary>The token the page was given with the cart: a sale is sent once, however often the button is pressed</summary>
    public string SendToken { get; init; }
}
