using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Nop.Plugin.Payments.TamaraInStore.Services;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Checkout;

public class PaymentInfoValidationTests
{
    private static IFormCollection Form(string phone, string email, string locale = "ar_SA", string paymentType = "") =>
        new FormCollection(new Dictionary<string, StringValues>
        {
            ["PhoneNumber"] = phone,
            ["Email"] = email,
            ["Locale"] = locale,
            ["PaymentType"] = paymentType
        });

    private static string Text(string key) => CheckoutFixture.English[key];

    [Test]
    public async Task A_valid_form_has_no_errors()
    {
        var errors = await new CheckoutFixture().Create().ValidatePaymentFormAsync(Form("0501234567", "mona@example.com"));
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task Missing_phone_and_email_are_named()
    {
        var errors = await new CheckoutFixture().Create().ValidatePaymentFormAsync(Form("", ""));
        Assert.That(errors, Is.EquivalentTo(new[]
        {
            Text("Plugins.Payments.TamaraInStore.Checkout.Errors.PhoneRequired"),
            Text("Plugins.Payments.TamaraInStore.Checkout.Errors.EmailRequired")
        }));
    }

    [Test]
    public async Task Invalid_phone_names_the_country_and_invalid_email_is_reported()
    {
        var errors = await new CheckoutFixture().Create().ValidatePaymentFormAsync(Form("0112345678", "not-an-email"));
        Assert.That(errors, Is.EquivalentTo(new[]
        {
            string.Format(Text("Plugins.Payments.TamaraInStore.Checkout.Errors.PhoneInvalid"), "SA"),
            Text("Plugins.Payments.TamaraInStore.Checkout.Errors.EmailInvalid")
        }));
    }

    [Test]
    public async Task Unsupported_currency_is_reported()
    {
        var fixture = new CheckoutFixture();
        fixture.Currency.CurrencyCode = "EUR";
        var errors = await fixture.Create().ValidatePaymentFormAsync(Form("0501234567", "mona@example.com"));
        Assert.That(errors, Is.EqualTo(new[] { string.Format(Text("Plugins.Payments.TamaraInStore.Checkout.Errors.CurrencyNotSupported"), "EUR") }));
    }

    [Test]
    public async Task Payment_info_keeps_normalised_values_for_the_payment()
    {
        var request = await new CheckoutFixture().Create().GetPaymentInfoAsync(Form(" +966 50 123 4567 ", "mona@example.com", "", ""));

        Assert.Multiple(() =>
        {
            Assert.That(request.CustomValues[TamaraInStoreDefaults.CustomValueNames.PhoneNumber], Is.EqualTo("966501234567"));
            Assert.That(request.CustomValues[TamaraInStoreDefaults.CustomValueNames.Email], Is.EqualTo("mona@example.com"));
            Assert.That(request.CustomValues[TamaraInStoreDefaults.CustomValueNames.Locale], Is.EqualTo("ar_SA"), "from the working language");
            Assert.That(request.CustomValues[TamaraInStoreDefaults.CustomValueNames.PaymentType], Is.EqualTo("PAY_BY_INSTALMENTS"));
            Assert.That(request.CustomValues.All(value => !value.DisplayToCustomer), Is.True);
        });
    }
}
