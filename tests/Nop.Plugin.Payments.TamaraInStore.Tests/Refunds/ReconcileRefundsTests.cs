using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Refunds;

/// <summary>
/// What the order sync sees at Tamara, brought into our rows and into nopCommerce exactly once
/// </summary>
public class ReconcileRefundsTests
{
    [Test]
    public async Task A_portal_refund_is_reflected_once()
    {
        var context = new RefundTestContext(300m);
        var refundId = context.Tamara.RefundInPortal(50m);

        await context.ReconcileAsync();
        await context.ReconcileAsync();

        context.OrderProcessing.Verify(service => service.PartiallyRefundOfflineAsync(context.Order, 50m));
        context.VerifyOfflineRefunds(partial: 1, full: 0);
        var row = context.Refunds.Rows.Single();
        Assert.Multiple(() =>
        {
            Assert.That(row.Source, Is.EqualTo(TamaraRefundSource.Tamara));
            Assert.That(row.State, Is.EqualTo(TamaraRefundState.Succeeded));
            Assert.That(row.RefundId, Is.EqualTo(refundId));
            Assert.That(row.Amount, Is.EqualTo(50m));
            Assert.That(row.PrimaryStoreCurrencyAmount, Is.EqualTo(50m));
            Assert.That(context.Notes.Count(note => note == $"Refund {refundId} of 50.00 SAR made at Tamara."), Is.EqualTo(1));
            Assert.That(context.Order.RefundedAmount, Is.EqualTo(50m));
            Assert.That(context.Order.PaymentStatus, Is.EqualTo(PaymentStatus.PartiallyRefunded));
            Assert.That(context.Session.RefundedAmount, Is.EqualTo(50m));
            Assert.That(context.Session.TamaraStatus, Is.EqualTo(TamaraOrderStatus.PartiallyRefunded));
        });
    }

    [Test]
    public async Task A_full_portal_refund_of_an_unrefunded_order_is_an_offline_refund()
    {
        var context = new RefundTestContext(300m);
        context.Tamara.RefundInPortal(300m);

        await context.ReconcileAsync();
        await context.ReconcileAsync();

        context.VerifyOfflineRefunds(partial: 0, full: 1);
        Assert.That(context.Order.PaymentStatus, Is.EqualTo(PaymentStatus.Refunded));
        Assert.That(context.Order.RefundedAmount, Is.EqualTo(300m));
    }

    [Test]
    public async Task A_portal_refund_in_another_currency_is_converted_to_the_primary_currency()
    {
        // 100 USD at 0.3077 KWD: a portal refund of 10.000 KWD is 32.50 USD (32.4991...)
        var context = new RefundTestContext(100m, currency: "KWD", currencyRate: 0.3077m, primaryCurrency: "USD");
        context.Tamara.RefundInPortal(10.000m);

        await context.ReconcileAsync();

        Assert.That(context.Refunds.Rows.Single().PrimaryStoreCurrencyAmount, Is.EqualTo(32.50m));
        context.OrderProcessing.Verify(service => service.PartiallyRefundOfflineAsync(context.Order, 32.50m));
    }

    [Test]
    public async Task The_portal_refund_of_the_rest_takes_what_nop_commerce_has_left()
    {
        var context = new RefundTestContext(100m, currency: "KWD", currencyRate: 0.3077m, primaryCurrency: "USD");
        await context.PartiallyRefundAsync(33.33m);
        context.Tamara.RefundInPortal(30.770m - 10.256m);

        await context.ReconcileAsync();

        context.OrderProcessing.Verify(service => service.PartiallyRefundOfflineAsync(context.Order, 66.67m));
        Assert.That(context.Order.PaymentStatus, Is.EqualTo(PaymentStatus.Refunded));
        Assert.That(context.Order.RefundedAmount, Is.EqualTo(100m));
    }

    [TestCase(true, true)]
    [TestCase(true, false)]
    [TestCase(false, false)]
    public async Task A_refund_from_nop_commerce_seen_again_is_not_counted_again(bool listRefunds, bool echoMerchantRefundId)
    {
        var context = new RefundTestContext(300m);
        await context.PartiallyRefundAsync(100m);
        context.Tamara.ListRefunds = listRefunds;
        context.Tamara.EchoMerchantRefundId = echoMerchantRefundId;

        await context.ReconcileAsync();
        await context.ReconcileAsync();

        context.VerifyOfflineRefunds(partial: 0, full: 0);
        Assert.That(context.Refunds.Rows, Has.Count.EqualTo(1));
        Assert.That(context.Order.RefundedAmount, Is.EqualTo(100m));
    }

    [Test]
    public async Task A_refund_listed_without_ids_matches_our_row_by_amount()
    {
        var context = new RefundTestContext(300m);
        await context.PartiallyRefundAsync(100m);
        var row = context.Refunds.Rows.Single();
        row.RefundId = null;
        context.Refunds.Update(row);
        context.Tamara.EchoMerchantRefundId = false;

        await context.ReconcileAsync();

        context.VerifyOfflineRefunds(partial: 0, full: 0);
        Assert.That(context.Refunds.Rows.Single().RefundId, Is.EqualTo("refund-1"));
    }

    [Test]
    public async Task Refunded_amount_grown_without_a_list_is_one_row_for_the_difference()
    {
        var context = new RefundTestContext(300m);
        await context.PartiallyRefundAsync(100m);
        context.Tamara.ListRefunds = false;
        context.Tamara.RefundInPortal(40m);

        await context.ReconcileAsync();
        await context.ReconcileAsync();

        var rows = context.Refunds.Rows;
        Assert.That(rows, Has.Count.EqualTo(2));
        var difference = rows[1];
        Assert.Multiple(() =>
        {
            Assert.That(difference.Source, Is.EqualTo(TamaraRefundSource.Tamara));
            Assert.That(difference.RefundId, Is.Null);
            Assert.That(difference.Amount, Is.EqualTo(40m));
            Assert.That(rows.Where(row => row.State == TamaraRefundState.Succeeded).Sum(row => row.Amount), Is.EqualTo(context.Tamara.Refunded));
            Assert.That(context.Notes, Has.One.EqualTo("A refund of 40.00 SAR was made at Tamara (Tamara did not list it separately)."));
            Assert.That(context.Order.RefundedAmount, Is.EqualTo(140m));
        });
        context.VerifyOfflineRefunds(partial: 1, full: 0);
    }

    [Test]
    public async Task A_row_for_an_unlisted_refund_gains_its_id_when_tamara_lists_it_later()
    {
        var context = new RefundTestContext(300m);
        context.Tamara.ListRefunds = false;
        var refundId = context.Tamara.RefundInPortal(40m);
        await context.ReconcileAsync();

        context.Tamara.ListRefunds = true;
        await context.ReconcileAsync();

        Assert.That(context.Refunds.Rows.Single().RefundId, Is.EqualTo(refundId));
        context.VerifyOfflineRefunds(partial: 1, full: 0);
    }

    [Test]
    public async Task Two_portal_refunds_of_the_same_amount_are_two_refunds()
    {
        var context = new RefundTestContext(300m);
        context.Tamara.RefundInPortal(50m);
        await context.ReconcileAsync();
        context.Tamara.RefundInPortal(50m);

        await context.ReconcileAsync();
        await context.ReconcileAsync();

        Assert.That(context.Refunds.Rows.Select(row => row.RefundId), Is.EqualTo(new[] { "refund-1", "refund-2" }));
        context.VerifyOfflineRefunds(partial: 2, full: 0);
        Assert.That(context.Order.RefundedAmount, Is.EqualTo(100m));
    }

    [Test]
    public async Task A_portal_refund_that_nop_commerce_cannot_take_leaves_a_note_instead()
    {
        var context = new RefundTestContext(300m);
        context.Order.PaymentStatus = PaymentStatus.Pending;
        context.Tamara.RefundInPortal(50m);

        await context.ReconcileAsync();

        context.VerifyOfflineRefunds(partial: 0, full: 0);
        Assert.That(context.Refunds.Rows.Single().State, Is.EqualTo(TamaraRefundState.Succeeded));
        Assert.That(context.Notes, Has.Some.StartsWith("The refund of 50.00 SAR could not be added to the order's refunded amount automatically"));
    }
}
