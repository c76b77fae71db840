using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Checkout;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Checkout;

public class QrCodeTests
{
    private static readonly byte[] _pngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Test]
    public void A_link_becomes_a_png_data_uri()
    {
        var uri = new QrCodeService().ToPngDataUri("https://checkout.tamara.co/in-store/abc");

        Assert.That(uri, Does.StartWith("data:image/png;base64,"));
        var png = Convert.FromBase64String(uri["data:image/png;base64,".Length..]);
        Assert.That(png.Take(_pngSignature.Length), Is.EqualTo(_pngSignature));
    }

    [Test]
    public void An_empty_link_draws_nothing()
    {
        Assert.That(new QrCodeService().ToPngDataUri(" "), Is.Empty);
    }

    // the package leaves System.Drawing.Common out (QRCoder depends on it for renderers the plugin does not use)
    [Test]
    public void Drawing_a_code_never_loads_System_Drawing()
    {
        new QrCodeService().ToPngDataUri("https://checkout.tamara.co/in-store/abc");

        var loaded = AppDomain.CurrentDomain.GetAssemblies().Select(assembly => assembly.GetName().Name);
        Assert.That(loaded, Does.Not.Contain("System.Drawing.Common"));
    }
}
