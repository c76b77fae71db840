using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Moq;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Checkout;

/// <summary>
/// nopCommerce asks HidePaymentMethodAsync only to list the payment methods: a shopper can still post
/// paymentmethod=Payments.TamaraInStore, fill in the payment info and confirm. The payment-info step and
/// ProcessPaymentAsync apply the same rules, and nothing reaches Tamara when they refuse.
/// </summary>
public class StaffOnlyCheckoutTests
{
    private static readonly IFormCollection SomeonesPhone = new FormCollection(new Dictionary<string, StringValues>
    {
        ["PhoneNumber"] = "0509876543",
        ["Email"] = "victim@example.com",
        ["Locale"] = "ar_SA",
        ["PaymentType"] = ""
    });

    private static string Text(string key) => CheckoutFixture.English[key];

    private static void AssertNothingSentToTamara(CheckoutFixture fixture)
    {
        fixture.Client.Verify(c => c.CreateInStoreSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<CreateInStoreSessionRequest>(), It.IsAny<CancellationToken>()), Times.Never);
        fixture.Client.Verify(c => c.VoidCheckoutSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.That(fixture.Sessions.Rows, Is.Empty);
    }

    [Test]
    public async Task The_payment_step_refuses_a_shopper_on_their_own()
    {
        var fixture = new CheckoutFixture { Staff = null };

        var errors = await fixture.Create().ValidatePaymentFormAsync(SomeonesPhone);

        Assert.That(errors, Is.EqualTo(new[] { Text("Plugins.Payments.TamaraInStore.Checkout.Errors.StaffOnly") }));
    }

    [Test]
    public async Task Placing_the_order_refuses_a_shopper_on_their_own_and_texts_nobody()
    {
        var fixture = new CheckoutFixture { Staff = null };
        fixture.TamaraCreates();

        var result = await fixture.Create().ProcessPaymentAsync(CheckoutFixture.PaymentRequest(26.666667m, phone: "966509876543"));

        Assert.That(result.Success, Is.False);
        Assert.That(result.Errors, Is.EqualTo(new[] { Text("Plugins.Payments.TamaraInStore.Checkout.Errors.StaffOnly") }));
        AssertNothingSentToTamara(fixture);
    }

    [Test]
    public async Task Staff_impersonating_the_customer_may_place_the_order()
    {
        var fixture = new CheckoutFixture();
        fixture.TamaraCreates();

        var result = await fixture.Create().ProcessPaymentAsync(CheckoutFixture.PaymentRequest(26.666667m));

        Assert.That(result.Success, Is.True);
        Assert.That(fixture.WorkContext.OriginalCustomerIfImpersonated, Is.SameAs(fixture.Staff));
    }

    [Test]
    public async Task A_shopper_on_their_own_may_pay_when_tamara_is_not_limited_to_staff()
    {
        var fixture = new CheckoutFixture { Staff = null };
        fixture.Settings.OfferOnlyToStaff = false;
        fixture.TamaraCreates();

        Assert.That(await fixture.Create().ValidatePaymentFormAsync(SomeonesPhone), Is.Empty);
        Assert.That((await fixture.Create().ProcessPaymentAsync(CheckoutFixture.PaymentRequest(26.666667m))).Success, Is.True);
    }

    [Test]
    public async Task Placing_the_order_refuses_a_currency_other_than_the_merchant_countrys()
    {
        var fixture = new CheckoutFixture();
        fixture.Currency.CurrencyCode = "AED";

        var result = await fixture.Create().ProcessPaymentAsync(CheckoutFixture.PaymentRequest(26.666667m));

        Assert.That(result.Errors, Is.EqualTo(new[] { string.Format(Text("Plugins.Payments.TamaraInStore.Checkout.Errors.CurrencyNotSupported"), "AED") }));
        AssertNothingSentToTamara(fixture);
    }

    [Test]
    public async Task Placing_the_order_refuses_without_an_api_token()
    {
        var fixture = new CheckoutFixture();
        fixture.Settings.ApiToken = null;

        var result = await fixture.Create().ProcessPaymentAsync(CheckoutFixture.PaymentRequest(26.666667m));

        Assert.That(result.Errors, Is.EqualTo(new[] { Text("Plugins.Payments.TamaraInStore.Checkout.Errors.Unavailable") }));
        AssertNothingSentToTamara(fixture);
    }

    // 26.666667 (primary) × 3.75 = 100 SAR
    [TestCase(101, 0, "Plugins.Payments.TamaraInStore.Checkout.Errors.BelowMinimum", 101)]
    [TestCase(0, 99, "Plugins.Payments.TamaraInStore.Checkout.Errors.AboveMaximum", 99)]
    public async Task Placing_the_order_refuses_a_total_outside_the_stores_limits(decimal min, decimal max, string key, decimal limit)
    {
        var fixture = new CheckoutFixture();
        fixture.Settings.MinOrderTotal = min;
        fixture.Settings.MaxOrderTotal = max;

        var result = await fixture.Create().ProcessPaymentAsync(CheckoutFixture.PaymentRequest(26.666667m));

        Assert.That(result.Errors, Is.EqualTo(new[] { string.Format(Text(key), limit, "SAR") }));
        AssertNothingSentToTamara(fixture);
    }

    [Test]
    public async Task The_payment_step_refuses_a_cart_above_the_stores_highest_total()
    {
        // the cart: 100 (primary) × 3.75 = 375 SAR
        var fixture = new CheckoutFixture();
        fixture.Settings.MaxOrderTotal = 300m;

        var errors = await fixture.Create().ValidatePaymentFormAsync(SomeonesPhone);

        Assert.That(errors, Is.EqualTo(new[] { string.Format(Text("Plugins.Payments.TamaraInStore.Checkout.Errors.AboveMaximum"), 300m, "SAR") }));
    }
}
