using System.Net;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Api;

[TestFixture]
public class TamaraErrorParserTests
{
    [Test]
    public void Errors_as_objects()
    {
        var error = TamaraErrorParser.Parse(HttpStatusCode.BadRequest,
            """{ "message": "Invalid", "errors": [ { "error_code": "a", "error_message": "A bad" }, { "error_code": 42, "message": "B bad" }, { "code": "c", "description": "C bad" } ] }""");

        Assert.That(error.Message, Is.EqualTo("Invalid: A bad; B bad; C bad"));
        Assert.That(error.ErrorCodes, Is.EqualTo(new[] { "a", "42", "c" }));
        Assert.That(error.HasTamaraMessage, Is.True);
    }

    [Test]
    public void Errors_as_strings_without_message()
    {
        var error = TamaraErrorParser.Parse(HttpStatusCode.UnprocessableEntity, """{ "errors": [ "phone invalid", "amount too low" ] }""");

        Assert.That(error.Message, Is.EqualTo("phone invalid; amount too low"));
        Assert.That(error.ErrorCodes, Is.Empty);
    }

    [Test]
    public void Errors_as_dictionary()
    {
        var error = TamaraErrorParser.Parse(HttpStatusCode.BadRequest, """{ "message": "Invalid", "errors": { "phone_number": ["is required"], "locale": "unknown" } }""");

        Assert.That(error.Message, Is.EqualTo("Invalid: phone_number: is required; locale: unknown"));
    }

    [Test]
    public void Top_level_error_code_and_repeated_message()
    {
        var error = TamaraErrorParser.Parse(HttpStatusCode.Conflict, """{ "message": "Not new", "error_code": "order_not_new", "errors": [ { "error_code": "order_not_new", "error_message": "Not new" } ] }""");

        Assert.That(error.Message, Is.EqualTo("Not new"));
        Assert.That(error.ErrorCodes, Is.EqualTo(new[] { "order_not_new" }));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("<html><body>502 Bad Gateway</body></html>")]
    [TestCase("[1,2]")]
    [TestCase("""{ "message": null, "errors": null }""")]
    [TestCase("""{ "message": "   " }""")]
    public void Unreadable_bodies_give_a_generic_message(string body)
    {
        var error = TamaraErrorParser.Parse(HttpStatusCode.BadGateway, body);

        Assert.That(error.Message, Is.EqualTo("Tamara answered HTTP 502 (BadGateway) without a readable error message"));
        Assert.That(error.HasTamaraMessage, Is.False);
        Assert.That(error.ErrorCodes, Is.Empty);
    }
}
