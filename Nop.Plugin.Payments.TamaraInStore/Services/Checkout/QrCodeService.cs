using QRCoder;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Checkout;

/// <summary>
/// Draws a link as a QR code the customer can scan at the counter
/// </summary>
public class QrCodeService
{
    /// <summary>A PNG data URI (data:image/png;base64,…) for an img tag; empty for an empty link</summary>
    public virtual string ToPngDataUri(string text, int pixelsPerModule = 8)
    {
        if (string.IsNullOrWhiteSpace(text))
            return string.Empty;

        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(pixelsPerModule);

        return $"data:image/png;base64,{Convert.ToBase64String(png)}";
    }
}
