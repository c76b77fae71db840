using System.Text.RegularExpressions;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Checkout;

/// <summary>
/// The <c>platform</c> of a QR session (POST /checkout/in-store): the name of the integration, required by Tamara's schema
/// (its default shape is PARTNERNAME_POS_QR). A store may set its own; a blank value sends the plugin's default, so a QR
/// session never goes out without it.
/// </summary>
public static partial class TamaraQrPlatform
{
    public static bool IsValid(string platform)
    {
        var value = platform?.Trim();
        return !string.IsNullOrEmpty(value) && value.Length <= TamaraInStoreDefaults.QrPlatformMaxLength && Allowed().IsMatch(value);
    }

    /// <summary>What is sent: the given value trimmed, or the default when it is blank</summary>
    public static string ValueOrDefault(string platform) =>
        string.IsNullOrWhiteSpace(platform) ? TamaraInStoreDefaults.DefaultQrPlatform : platform.Trim();

    public static string Of(TamaraInStoreSettings settings) => ValueOrDefault(settings?.QrPlatform);

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex Allowed();
}
