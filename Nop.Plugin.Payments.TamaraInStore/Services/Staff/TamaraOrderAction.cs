namespace Nop.Plugin.Payments.TamaraInStore.Services.Staff;

/// <summary>
/// What staff can do to an order's Tamara payment, from the order page's Tamara card or the operations page
/// </summary>
public enum TamaraOrderAction
{
    CheckNow = 10,

    Void = 20,

    SendNewLink = 30,

    /// <summary>Needs attention, way out 1: Tamara's capture becomes the order's payment</summary>
    AcceptCapture = 40,

    /// <summary>Needs attention, way out 2: Tamara's capture is refunded in full at Tamara</summary>
    RefundCapture = 50,

    /// <summary>Refunds at Tamara a payment taken for an order already paid by other means</summary>
    RefundDoublePayment = 60
}
