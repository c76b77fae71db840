using System.Text.RegularExpressions;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Checkout;

/// <summary>
/// The POS device id sent as X-Device-Id for QR checkout: short, and only characters that travel safely in a header
/// and a cookie
/// </summary>
public static partial class TamaraDeviceId
{
    public static bool IsValid(string deviceId)
    {
        var value = deviceId?.Trim();
        return !string.IsNullOrEmpty(value) && value.Length <= TamaraInStoreDefaults.DeviceIdMaxLength && Allowed().IsMatch(value);
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]+$")]
    private static partial Regex Allowed();
}
