using Microsoft.AspNetCore.Http;

namespace Nop.Plugin.Payments.TamaraInStore.Models;

/// <summary>
/// Reads the payment-info fields from a posted checkout form
/// </summary>
public static class PaymentInfoForm
{
    public static PaymentInfoModel Read(IFormCollection form) => new()
    {
        PhoneNumber = Value(form, nameof(PaymentInfoModel.PhoneNumber)),
        Email = Value(form, nameof(PaymentInfoModel.Email)),
        Locale = Value(form, nameof(PaymentInfoModel.Locale)),
        PaymentType = Value(form, nameof(PaymentInfoModel.PaymentType)),
        Channel = Value(form, nameof(PaymentInfoModel.Channel)),
        DeviceId = Value(form, nameof(PaymentInfoModel.DeviceId))
    };

    private static string Value(IFormCollection form, string key) =>
        form is not null && form.TryGetValue(key, out var value) ? value.ToString().Trim() : string.Empty;
}
