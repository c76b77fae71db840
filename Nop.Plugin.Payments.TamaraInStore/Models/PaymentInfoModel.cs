using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Payments.TamaraInStore.Models;

/// <summary>
/// The payment-info step: where Tamara sends the payment link, and how
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

    public IList<SelectListItem> AvailableLocales { get; set; } = new List<SelectListItem>();

    /// <summary>Shown only when Tamara offers more than one type for this cart</summary>
    public IList<SelectListItem> AvailablePaymentTypes { get; set; } = new List<SelectListItem>();

    /// <summary>Tamara answers the ID-verification question for Saudi and Emirati numbers only</summary>
    public bool CanCheckIdVerification { get; set; }
}
