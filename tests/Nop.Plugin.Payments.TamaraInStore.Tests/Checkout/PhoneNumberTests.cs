using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Checkout;

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

    [TestCase("KW", "5000 1234", "96550001234")]
    [TestCase("KW", "+965 9000 1234", "96590001234")]
    [TestCase("BH", "3600 1234", "97336001234")]
    [TestCase("BH", "00973 3600 1234", "97336001234")]
    [TestCase("QA", "3312 3456", "97433123456")]
    [TestCase("QA", "+974 5512 3456", "97455123456")]
    [TestCase("OM", "9212 3456", "96892123456")]
    [TestCase("OM", "+968 7212 3456", "96872123456")]
    public void Gulf_mobiles_of_every_country_become_international_digits(string country, string input, string expected)
    {
        Assert.That(_service.Normalize(input, country), Is.EqualTo(expected));
    }

    [TestCase("KW", "2222 1234")] // Kuwait City landline
    [TestCase("BH", "1700 1234")] // Manama landline
    [TestCase("QA", "4412 3456")] // Doha landline
    [TestCase("OM", "2412 3456")] // Muscat landline
    [TestCase("AE", "04 123 4567")] // Dubai landline
    [TestCase("KW", "+966501234567")] // a Saudi mobile for a Kuwaiti merchant
    public void Landlines_and_other_countries_mobiles_are_refused(string country, string input)
    {
        Assert.That(_service.Normalize(input, country), Is.Null);
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
