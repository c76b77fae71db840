using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Payments.TamaraInStore.Models;

/// <summary>
/// The payment-info step: where Tamara sends the payment link, or the till that shows it as a QR code, and how
/// </summary>
public record PaymentInfoModel : BaseNopModel
{
    [NopResourceDisplayName("Plugins.Payments.TamaraInStore.PaymentInfo.PhoneNumber")]
    public string PhoneNumber { get; set; }

    [NopResourceDisplayName("Plugins.Payments.TamaraInStore.PaymentInfo.Email")]
    public string Email { get; set; }

    [NopResourceDisplayName("Plugins.Payments.TamaraInStore.PaymentInfo.Locale")]
    public string Locale { get; set; }

    [NopResourceDisplayName("Plugins.Payments.TamaraInStore.PaymentInfo.PaymentType")]
    public string PaymentType { get; set; }

    /// <summary><see cref="TamaraInStoreDefaults.Channels"/>: the link by SMS (the default) or a QR code shown at the till</summary>
    public string Channel { get; set; }

    /// <summary>The till's POS device id for a QR session, pre-filled from the till's last one or the store's</summary>
    [NopResourceDisplayName("Plugins.Payments.TamaraInStore.PaymentInfo.DeviceId")]
    public string DeviceId { get; set; }

    /// <summary>Whether the store offers QR checkout (it has a device id)</summary>
    public bool QrOffered { get; set; }

    public bool IsQr => string.Equals(Channel, TamaraInStoreDefaults.Channels.Qr, StringComparison.OrdinalIgnoreCase);

    public IList<SelectListItem> AvailableLocales { get; set; } = new List<SelectListItem>();

    /// <summary>Shown only when Tamara offers more than one type for this cart</summary>
    public IList<SelectListItem> AvailablePaymentTypes { get; set; } = new List<SelectListItem>();

    /// <summary>Tamara answers the ID-verification question for Saudi and Emirati numbers only</summary>
    public bool CanCheckIdVerification { get; set; }
}
