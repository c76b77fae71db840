using Nop.Plugin.Payments.TamaraInStore.Services.Api;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Api;

[TestFixture]
public class SensitiveDataMaskerTests
{
    [TestCase("966532298658", "*********658")]
    [TestCase("+966 53 229 8658", "*********658")]
    [TestCase("534274516", "******516")]
    [TestCase("12", "***")]
    [TestCase("", "")]
    [TestCase(null, null)]
    public void Phone_keeps_its_last_three_digits(string phone, string expected) =>
        Assert.That(SensitiveDataMasker.MaskPhone(phone), Is.EqualTo(expected));

    [TestCase("customer@emailhere.com", "c***@emailhere.com")]
    [TestCase("not-an-email", "***")]
    [TestCase("@x.com", "***")]
    public void Email_keeps_its_first_letter_and_domain(string email, string expected) =>
        Assert.That(SensitiveDataMasker.MaskEmail(email), Is.EqualTo(expected));

    [Test]
    public void Secrets_are_hidden_completely() =>
        Assert.That(SensitiveDataMasker.MaskSecret("Bearer abc.def.ghi"), Is.EqualTo("***"));

    [Test]
    public void Json_body_is_masked_field_by_field_at_any_depth()
    {
        var masked = SensitiveDataMasker.MaskBody(GuideSamples.OrderFullyCaptured);

        Assert.That(masked, Does.Not.Contain("966532298658"));
        Assert.That(masked, Does.Not.Contain("customer@email.com"));
        Assert.That(masked, Does.Not.Contain("Mona"));
        Assert.That(masked, Does.Not.Contain("Lisa"));
        Assert.That(masked, Does.Not.Contain("3764 Al Urubah Rd"));
        Assert.That(masked, Does.Contain("\"phone_number\":\"*********658\""));
        Assert.That(masked, Does.Contain("\"email\":\"c***@email.com\""));
        Assert.That(masked, Does.Contain("0ac038ef-de4a-491c-828e-b02ec0d4582d"), "ids stay readable");
        Assert.That(masked, Does.Contain("\"amount\":300"), "amounts stay readable");
        Assert.That(masked, Does.Contain("\"national_id\":\"\""), "empty values stay empty");
    }

    [Test]
    public void Numeric_phone_and_tokens_in_json_are_masked()
    {
        var masked = SensitiveDataMasker.MaskBody("""{ "phone_number": 966500000123, "token": "secret-value", "nested": [ { "email": "a.b@c.org" } ] }""");

        Assert.That(masked, Is.EqualTo("""{"phone_number":"*********123","token":"***","nested":[{"email":"a***@c.org"}]}"""));
    }

    [Test]
    public void Free_text_is_masked_by_pattern()
    {
        var masked = SensitiveDataMasker.MaskText("Phone +966 534 274 516 of x.y@z.com rejected; Authorization: Bearer abc.def-123");

        Assert.That(masked, Does.Not.Contain("534 274"));
        Assert.That(masked, Does.Contain("516"));
        Assert.That(masked, Does.Not.Contain("x.y@z.com"));
        Assert.That(masked, Does.Contain("x***@z.com"));
        Assert.That(masked, Does.Not.Contain("abc.def-123"));
    }

    [Test]
    public void Non_json_body_is_masked_as_text() =>
        Assert.That(SensitiveDataMasker.MaskBody("<html>call 0501234567</html>"), Is.EqualTo("<html>call *******567</html>"));

    [Test]
    public void Query_values_of_sensitive_parameters_are_masked() =>
        Assert.That(SensitiveDataMasker.MaskQuery("/merchants/customer/id-verification-status?phone_number=%2B966534274516&country_code=SA"),
            Is.EqualTo("/merchants/customer/id-verification-status?phone_number=%2A%2A%2A%2A%2A%2A%2A%2A%2A516&country_code=SA"));
}
