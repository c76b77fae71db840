using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Checkout;

public class PhoneNumberTests
{
    private readonly TamaraPhoneNumberService _service = new();

    [TestCase("0501234567")]
    [TestCase("501234567")]
    [TestCase("+966 50 123 4567")]
    [TestCase("00966501234567")]
    [TestCase("966501234567")]
    [TestCase("050-123-4567")]
    public void Saudi_mobiles_in_any_usual_form_become_international_digits(string input)
    {
        Assert.That(_service.Normalize(input, "SA"), Is.EqualTo("966501234567"));
    }

    [TestCase("0501234567")]
    [TestCase("+971 50 123 4567")]
    [TestCase("00971501234567")]
    public void Emirati_mobiles_become_international_digits(string input)
    {
        Assert.That(_service.Normalize(input, "AE"), Is.EqualTo("971501234567"));
    }

    [TestCase("")]
    [TestCase("abc")]
    [TestCase("12345")]
    [TestCase("0112345678")] // Riyadh landline: cannot receive the SMS
    [TestCase("+971501234567")] // Emirati mobile for a Saudi merchant
    public void Anything_else_is_refused_for_a_saudi_merchant(string input)
    {
        Assert.That(_service.Normalize(input, "SA"), Is.Null);
    }

    [Test]
    public void Masking_keeps_only_the_last_four_digits()
    {
        Assert.That(SensitiveDataMasker.MaskPhone("966501234567"), Is.EqualTo("*********567"));
    }
}
