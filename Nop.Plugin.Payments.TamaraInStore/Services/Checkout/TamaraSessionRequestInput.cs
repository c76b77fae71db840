namespace Nop.Plugin.Payments.TamaraInStore.Services.Checkout;

/// <summary>
/// Everything a session request is made of. Amounts are in the primary store currency except <see cref="TotalAmount"/>,
/// which is already in the order currency (it is what the customer owes, and it decides)
/// </summary>
public class TamaraSessionRequestInput
{
    public TamaraOrderAmounts Amounts { get; set; }

    /// <summary>Primary store currency → order currency</summary>
    public decimal CurrencyRate { get; set; } = 1m;

    public string CurrencyCode { get; set; }

    public decimal TotalAmount { get; set; }

    public string PhoneNumber { get; set; }

    public string Email { get; set; }

    public string Locale { get; set; }

    public string PaymentType { get; set; }

    public string OrderReferenceId { get; set; }

    public string OrderNumber { get; set; }

    public string StoreCode { get; set; }

    /// <summary>The QR session's platform (<see cref="TamaraQrPlatform"/>); not used by SMS sessions</summary>
    public string QrPlatform { get; set; }

    public int ExpiryMinutes { get; set; }

    /// <summary>Item name of the line that carries fees and rounding (shown to the customer by Tamara)</summary>
    public string AdjustmentName { get; set; }
}
