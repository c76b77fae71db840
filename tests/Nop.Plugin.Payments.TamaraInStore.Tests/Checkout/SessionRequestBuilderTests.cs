using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Checkout;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Checkout;

public class SessionRequestBuilderTests
{
    private static TamaraSessionRequestInput Input(TamaraOrderAmounts amounts, decimal rate, decimal total, string currency) => new()
    {
        Amounts = amounts,
        CurrencyRate = rate,
        CurrencyCode = currency,
        TotalAmount = total,
        PhoneNumber = "966501234567",
        Email = "mona@example.com",
        Locale = "ar_SA",
        PaymentType = "PAY_BY_INSTALMENTS",
        OrderReferenceId = "ref",
        OrderNumber = "ref",
        StoreCode = "Branch A",
        ExpiryMinutes = 15,
        AdjustmentName = "Fees, discounts and rounding"
    };

    private static decimal Sum(Nop.Plugin.Payments.TamaraInStore.Services.Api.Models.CreateInStoreSessionRequest request) =>
        request.Items.Sum(item => item.TotalAmount.Amount) + (request.ShippingAmount?.Amount ?? 0m);

    [TestCase("ACME_POS_QR", "ACME_POS_QR")]
    [TestCase("  ACME_POS_QR ", "ACME_POS_QR")]
    [TestCase(null, "NOPCOMMERCE_POS_QR")]
    [TestCase("   ", "NOPCOMMERCE_POS_QR")]
    public void A_qr_request_always_carries_a_platform(string configured, string sent)
    {
        var input = Input(new TamaraOrderAmounts([], 0m), 1m, 300m, "SAR");
        input.QrPlatform = configured;

        var request = new TamaraSessionRequestBuilder().BuildQr(input);

        Assert.That(request.Platform, Is.EqualTo(sent));
    }

    [Test]
    public void Items_carry_names_skus_types_and_converted_amounts()
    {
        var amounts = new TamaraOrderAmounts(
        [
            new TamaraOrderLine("Lego City", "SA-1", "11", true, 2, 10m, 1m, 2.48m, 19m),
            new TamaraOrderLine("E-book", null, "12", false, 1, 4m, 0m, 0.52m, 4m)
        ], 5m);

        var request = new TamaraSessionRequestBuilder().Build(Input(amounts, 3.75m, 28m * 3.75m, "SAR"));

        Assert.Multiple(() =>
        {
            Assert.That(request.TotalAmount.Amount, Is.EqualTo(105m));
            Assert.That(request.Items, Has.Count.EqualTo(2), "no adjustment when everything adds up");
            Assert.That(request.Items[0].Type, Is.EqualTo("Physical"));
            Assert.That(request.Items[0].UnitPrice.Amount, Is.EqualTo(37.5m));
            Assert.That(request.Items[0].DiscountAmount.Amount, Is.EqualTo(3.75m));
            Assert.That(request.Items[0].TaxAmount.Amount, Is.EqualTo(9.3m));
            Assert.That(request.Items[0].TotalAmount.Amount, Is.EqualTo(71.25m));
            Assert.That(request.Items[1].Type, Is.EqualTo("Digital"));
            Assert.That(request.Items[1].Sku, Is.EqualTo("12"), "product id when the product has no SKU");
            Assert.That(request.ShippingAmount.Amount, Is.EqualTo(18.75m));
            Assert.That(request.AdditionalData.StoreCode, Is.EqualTo("Branch A"));
            Assert.That(request.ExpiryTime, Is.EqualTo(15));
            Assert.That(Sum(request), Is.EqualTo(request.TotalAmount.Amount));
        });
    }

    [Test]
    public void Fees_above_the_item_totals_become_an_explicit_adjustment_line()
    {
        var amounts = new TamaraOrderAmounts([new TamaraOrderLine("Lego", "SA-1", "11", true, 1, 100m, 0m, 13.04m, 100m)], 0m);

        var request = new TamaraSessionRequestBuilder().Build(Input(amounts, 1m, 107.5m, "SAR"));

        var adjustment = request.Items.Single(item => item.ReferenceId == TamaraInStoreDefaults.AdjustmentReferenceId);
        Assert.That(adjustment.TotalAmount.Amount, Is.EqualTo(7.5m));
        Assert.That(Sum(request), Is.EqualTo(107.5m));
    }

    [Test]
    public void An_order_discount_or_gift_card_becomes_item_discount_spread_over_items_then_shipping()
    {
        var amounts = new TamaraOrderAmounts(
        [
            new TamaraOrderLine("A", "A", "1", true, 1, 60m, 0m, 0m, 60m),
            new TamaraOrderLine("B", "B", "2", true, 1, 40m, 0m, 0m, 40m)
        ], 10m);

        var request = new TamaraSessionRequestBuilder().Build(Input(amounts, 1m, 5m, "SAR"));

        Assert.Multiple(() =>
        {
            Assert.That(request.Items.Select(item => item.TotalAmount.Amount), Is.EqualTo(new[] { 0m, 0m }));
            Assert.That(request.Items.Select(item => item.DiscountAmount.Amount), Is.EqualTo(new[] { 60m, 40m }));
            Assert.That(request.ShippingAmount.Amount, Is.EqualTo(5m));
            Assert.That(Sum(request), Is.EqualTo(5m));
        });
    }

    [Test]
    public void Kuwaiti_dinars_keep_three_decimals()
    {
        var amounts = new TamaraOrderAmounts([new TamaraOrderLine("A", "A", "1", true, 3, 33.333333m, 0m, 0m, 99.999999m)], 0m);

        var request = new TamaraSessionRequestBuilder().Build(Input(amounts, 0.307m, 99.999999m * 0.307m, "KWD"));

        Assert.That(request.TotalAmount.Amount, Is.EqualTo(30.700m));
        Assert.That(request.Items[0].UnitPrice.Amount, Is.EqualTo(10.233m));
        Assert.That(Sum(request), Is.EqualTo(30.700m));
    }

    [TestCase("SAR", 3.75)]
    [TestCase("AED", 3.6725)]
    [TestCase("KWD", 0.307)]
    [TestCase("BHD", 0.376)]
    [TestCase("OMR", 0.3845)]
    public void Random_carts_always_add_up_to_the_total_exactly(string currency, double rateValue)
    {
        var rate = (decimal)rateValue;
        var random = new Random(4242);
        var decimals = TamaraMoneyRounding.DecimalPlaces(currency);

        for (var run = 0; run < 2000; run++)
        {
            var lines = Enumerable.Range(0, random.Next(1, 6)).Select(index =>
            {
                var quantity = random.Next(1, 5);
                var unit = Math.Round((decimal)random.NextDouble() * 300m, 4);
                var discount = Math.Round(unit * quantity * (decimal)random.NextDouble() * 0.3m, 4);
                var total = unit * quantity - discount;
                return new TamaraOrderLine($"P{index}", $"S{index}", $"{index}", random.Next(2) == 0, quantity, unit, discount, Math.Round(total * 0.15m / 1.15m, 4), total);
            }).ToList();
            var shipping = random.Next(3) == 0 ? 0m : Math.Round((decimal)random.NextDouble() * 40m, 4);
            var linesTotal = lines.Sum(line => line.TotalAmount) + shipping;

            // order-level discounts, gift cards, payment fees: the total may be anywhere between 0 and a bit above the lines
            var orderTotal = Math.Round(linesTotal * (decimal)(random.NextDouble() * 1.2), 4);

            var request = new TamaraSessionRequestBuilder().Build(Input(new TamaraOrderAmounts(lines, shipping), rate, orderTotal * rate, currency));
            var amounts = request.Items.SelectMany(item => new[] { item.TotalAmount.Amount, item.UnitPrice.Amount, item.DiscountAmount.Amount, item.TaxAmount.Amount })
                .Append(request.ShippingAmount?.Amount ?? 0m).Append(request.TotalAmount.Amount).ToList();

            Assert.That(Sum(request), Is.EqualTo(request.TotalAmount.Amount), $"run {run}");
            Assert.That(request.TotalAmount.Amount, Is.EqualTo(Math.Round(orderTotal * rate, decimals, MidpointRounding.AwayFromZero)), $"run {run}");
            Assert.That(amounts, Has.All.GreaterThanOrEqualTo(0m), $"run {run}");
            Assert.That(amounts.All(amount => Math.Round(amount, decimals) == amount), Is.True, $"run {run}: minor units");
        }
    }

    [Test]
    public void Rounding_is_away_from_zero()
    {
        Assert.That(TamaraMoneyRounding.Round(0.125m, "SAR"), Is.EqualTo(0.13m));
        Assert.That(TamaraMoneyRounding.Round(0.0125m, "KWD"), Is.EqualTo(0.013m));
    }
}
