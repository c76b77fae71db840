using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Checkout;

public class HidePaymentMethodTests
{
    private static readonly IList<ShoppingCartItem> Cart = [new ShoppingCartItem { ProductId = 11, Quantity = 1 }];

    private static Task<bool> HideAsync(CheckoutFixture fixture) => fixture.Create().HidePaymentMethodAsync(Cart);

    [Test]
    public async Task Shown_to_staff_impersonating_a_customer_with_a_supported_currency()
    {
        Assert.That(await HideAsync(new CheckoutFixture()), Is.False);
    }

    [Test]
    public async Task Hidden_without_an_api_token()
    {
        var fixture = new CheckoutFixture();
        fixture.Settings.ApiToken = " ";
        Assert.That(await HideAsync(fixture), Is.True);
    }

    [Test]
    public async Task Hidden_from_customers_shopping_alone_when_offered_only_to_staff()
    {
        var fixture = new CheckoutFixture { Staff = null };
        Assert.That(await HideAsync(fixture), Is.True);
    }

    [Test]
    public async Task Shown_to_customers_shopping_alone_when_not_limited_to_staff()
    {
        var fixture = new CheckoutFixture { Staff = null };
        fixture.Settings.OfferOnlyToStaff = false;
        Assert.That(await HideAsync(fixture), Is.False);
    }

    [TestCase("USD")]
    [TestCase("AED")]
    public async Task Hidden_when_the_currency_is_not_the_one_of_the_merchant_country(string currency)
    {
        var fixture = new CheckoutFixture();
        fixture.Currency.CurrencyCode = currency;
        Assert.That(await HideAsync(fixture), Is.True);
    }

    [TestCase("KW", "KWD", false)]
    [TestCase("AE", "AED", false)]
    [TestCase("AE", "SAR", true)]
    [TestCase("QA", "QAR", false)]
    public async Task Currency_follows_the_country(string country, string currency, bool hidden)
    {
        var fixture = new CheckoutFixture();
        fixture.Settings.CountryCode = country;
        fixture.Currency.CurrencyCode = currency;
        Assert.That(await HideAsync(fixture), Is.EqualTo(hidden));
    }

    [TestCase(0, 0, false)]
    [TestCase(376, 0, true)]
    [TestCase(0, 374, true)]
    [TestCase(0, 375, false)]
    public async Task Configured_limits_apply_to_the_total_in_the_order_currency(decimal min, decimal max, bool hiddenExpected)
    {
        // 100 (primary) × 3.75 = 375 SAR
        var fixture = new CheckoutFixture();
        fixture.Settings.MinOrderTotal = min;
        fixture.Settings.MaxOrderTotal = max;
        Assert.That(await HideAsync(fixture), Is.EqualTo(hiddenExpected));
    }

    [Test]
    public async Task Hidden_when_no_tamara_payment_type_accepts_the_total()
    {
        var fixture = new CheckoutFixture
        {
            PaymentTypes = [new TamaraPaymentType { Name = "PAY_BY_INSTALMENTS", MinLimit = new TamaraMoney(500, "SAR"), MaxLimit = new TamaraMoney(5000, "SAR") }]
        };
        Assert.That(await HideAsync(fixture), Is.True);
    }

    [Test]
    public async Task Shown_when_one_tamara_payment_type_accepts_the_total()
    {
        var fixture = new CheckoutFixture
        {
            PaymentTypes =
            [
                new TamaraPaymentType { Name = "PAY_BY_INSTALMENTS", MinLimit = new TamaraMoney(500, "SAR"), MaxLimit = new TamaraMoney(5000, "SAR") },
                new TamaraPaymentType { Name = "PAY_NOW", MinLimit = new TamaraMoney(1, "SAR"), MaxLimit = new TamaraMoney(400, "SAR") }
            ]
        };
        Assert.That(await HideAsync(fixture), Is.False);
    }

    [Test]
    public async Task Not_hidden_because_of_limits_when_tamara_cannot_be_reached()
    {
        var fixture = new CheckoutFixture { PaymentTypes = null };
        Assert.That(await HideAsync(fixture), Is.False);
    }
}
