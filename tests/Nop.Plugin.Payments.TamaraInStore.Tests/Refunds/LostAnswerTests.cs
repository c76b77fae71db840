using System.Net;
using Moq;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Keys = Nop.Plugin.Payments.TamaraInStore.Localization.TamaraInStoreLocaleResources.RefundKeys;
using Nop.Plugin.Payments.TamaraInStore.Services.Refunds;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Refunds;

/// <summary>
/// The refund call ends without an answer (timeout, 5xx, broken connection): never refund twice, count once
/// </summary>
public class LostAnswerTests
{
    [TestCase(true)]
    [TestCase(false)]
    public async Task A_lost_answer_that_tamara_shows_at_once_is_a_success(bool tamaraEchoesOurRefundId)
    {
        var context = new RefundTestContext(300m);
        context.Tamara.EchoMerchantRefundId = tamaraEchoesOurRefundId;
        context.TamaraRefundsButTimesOut();

        var result = await context.PartiallyRefundAsync(100m);

        Assert.That(result.Success, Is.True, string.Join("; ", result.Errors));
        Assert.That(result.NewPaymentStatus, Is.EqualTo(PaymentStatus.PartiallyRefunded));
        var row = context.Refunds.Rows.Single();
        Assert.That(row.State, Is.EqualTo(TamaraRefundState.Succeeded));
        Assert.That(row.RefundId, Is.EqualTo("refund-1"));
        Assert.That(context.Order.RefundedAmount, Is.EqualTo(100m));
        context.VerifyRefundCalls(1);
        context.VerifyOfflineRefunds(partial: 0, full: 0);
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task The_same_click_retried_after_a_lost_answer_does_not_refund_twice(bool tamaraEchoesOurRefundId)
    {
        var context = new RefundTestContext(300m);
        context.Tamara.EchoMerchantRefundId = tamaraEchoesOurRefundId;
        context.Tamara.DelayVisibility = true;
        context.TamaraRefundsButTimesOut();

        var first = await context.PartiallyRefundAsync(100m);

        Assert.That(first.Success, Is.False);
        Assert.That(first.Errors.Single(), Is.EqualTo(context.English(Keys.NotConfirmed, RefundTestContext.GraceMinutes)));
        Assert.That(context.Refunds.Rows.Single().State, Is.EqualTo(TamaraRefundState.Unknown));
        Assert.That(context.Order.RefundedAmount, Is.Zero);

        context.Tamara.RevealRefunds();
        context.TamaraAnswersNormally();
        var retry = await context.PartiallyRefundAsync(100m);

        Assert.That(retry.Success, Is.True, string.Join("; ", retry.Errors));
        Assert.That(retry.NewPaymentStatus, Is.EqualTo(PaymentStatus.PartiallyRefunded));
        context.VerifyRefundCalls(1);
        Assert.That(context.Tamara.RefundCount, Is.EqualTo(1));
        var row = context.Refunds.Rows.Single();
        Assert.That(row.State, Is.EqualTo(TamaraRefundState.Succeeded));
        Assert.That(row.RefundId, Is.EqualTo("refund-1"));
        Assert.That(context.Order.RefundedAmount, Is.EqualTo(100m));
        Assert.That(context.Order.PaymentStatus, Is.EqualTo(PaymentStatus.PartiallyRefunded));
        context.VerifyOfflineRefunds(partial: 0, full: 0);
    }

    [Test]
    public async Task A_full_refund_retried_after_a_lost_answer_ends_refunded_once()
    {
        var context = new RefundTestContext(300m);
        context.Tamara.DelayVisibility = true;
        context.TamaraRefundsButTimesOut();
        await context.RefundAsync();
        context.Tamara.RevealRefunds();

        var retry = await context.RefundAsync();

        Assert.That(retry.Success, Is.True, string.Join("; ", retry.Errors));
        Assert.That(retry.NewPaymentStatus, Is.EqualTo(PaymentStatus.Refunded));
        context.VerifyRefundCalls(1);
        Assert.That(context.Order.RefundedAmount, Is.EqualTo(300m));
    }

    [Test]
    public async Task A_different_amount_after_a_lost_answer_that_went_through_counts_the_earlier_one_and_sends_nothing()
    {
        var context = new RefundTestContext(300m);
        await context.PartialRefundWhoseAnswerIsLostAsync(100m);
        context.TamaraAnswersNormally();

        var other = await context.PartiallyRefundAsync(150m);

        Assert.That(other.Success, Is.False);
        Assert.That(other.Errors.Single(), Is.EqualTo(string.Format(context.English(Keys.EarlierWentThrough), "100.00 SAR")));
        context.VerifyRefundCalls(1);
        context.OrderProcessing.Verify(service => service.PartiallyRefundOfflineAsync(context.Order, 100m));
        context.VerifyOfflineRefunds(partial: 1, full: 0);
        Assert.That(context.Order.RefundedAmount, Is.EqualTo(100m));
        Assert.That(context.Order.PaymentStatus, Is.EqualTo(PaymentStatus.PartiallyRefunded));
    }

    [Test]
    public async Task After_being_told_the_earlier_refund_went_through_the_same_amount_again_is_a_new_refund()
    {
        var context = new RefundTestContext(300m);
        await context.PartialRefundWhoseAnswerIsLostAsync(100m);
        context.TamaraAnswersNormally();
        await context.PartiallyRefundAsync(150m);

        var deliberate = await context.PartiallyRefundAsync(100m);

        Assert.That(deliberate.Success, Is.True, string.Join("; ", deliberate.Errors));
        context.VerifyRefundCalls(2);
        Assert.That(context.Tamara.Refunded, Is.EqualTo(200m));
        Assert.That(context.Order.RefundedAmount, Is.EqualTo(200m));
    }

    [Test]
    public async Task A_retry_while_tamara_still_shows_nothing_sends_nothing()
    {
        var context = new RefundTestContext(300m);
        context.TamaraTimesOutWithoutRefunding();
        await context.PartiallyRefundAsync(100m);
        context.TamaraAnswersNormally();

        var retry = await context.PartiallyRefundAsync(100m);

        Assert.That(retry.Success, Is.False);
        Assert.That(retry.Errors.Single(), Is.EqualTo(context.English(Keys.EarlierNotConfirmed, "100.00 SAR", RefundTestContext.GraceMinutes)));
        context.VerifyRefundCalls(1);
        Assert.That(context.Refunds.Rows.Single().State, Is.EqualTo(TamaraRefundState.Unknown));
    }

    [Test]
    public async Task An_unconfirmed_refund_tamara_never_made_fails_after_the_grace_period_and_a_new_one_can_be_made()
    {
        var context = new RefundTestContext(300m);
        context.TamaraTimesOutWithoutRefunding();
        await context.PartiallyRefundAsync(100m);
        context.TamaraAnswersNormally();
        context.Clock.Advance(TamaraRefundService.UnconfirmedRefundGracePeriod + TimeSpan.FromSeconds(1));

        var retry = await context.PartiallyRefundAsync(100m);

        Assert.That(retry.Success, Is.True, string.Join("; ", retry.Errors));
        var rows = context.Refunds.Rows;
        Assert.That(rows.Select(row => row.State), Is.EqualTo(new[] { TamaraRefundState.Failed, TamaraRefundState.Succeeded }));
        Assert.That(context.Tamara.Refunded, Is.EqualTo(100m));
        Assert.That(context.Order.RefundedAmount, Is.EqualTo(100m));
        Assert.That(context.Notes, Has.Some.StartsWith("Tamara has no record of the unconfirmed refund of 100.00 SAR"));
    }

    [Test]
    public async Task The_order_sync_confirms_a_lost_answer_and_counts_it_once()
    {
        var context = new RefundTestContext(300m);
        await context.PartialRefundWhoseAnswerIsLostAsync(100m);

        await context.ReconcileAsync();
        await context.ReconcileAsync();

        context.OrderProcessing.Verify(service => service.PartiallyRefundOfflineAsync(context.Order, 100m));
        context.VerifyOfflineRefunds(partial: 1, full: 0);
        Assert.That(context.Refunds.Rows.Single().State, Is.EqualTo(TamaraRefundState.Succeeded));
        Assert.That(context.Order.RefundedAmount, Is.EqualTo(100m));

    }

    [Test]
    public async Task The_click_repeated_after_the_notification_counted_the_refund_is_told_so_and_sends_nothing()
    {
        var context = new RefundTestContext(300m);
        var page = context.OpenPage();
        await context.PartialRefundWhoseAnswerIsLostAsync(100m);
        // Tamara's order_refunded notification: the sync counts the refund as an offline refund
        await context.ReconcileAsync();
        context.TamaraAnswersNormally();

        // the same popup, clicked again
        var repeated = await context.PartiallyRefundFromPageAsync(page, 100m);

        Assert.Multiple(() =>
        {
            Assert.That(repeated.Success, Is.False, "a success would make nopCommerce count it again and send its refund e-mails twice");
            Assert.That(repeated.Errors.Single(), Is.EqualTo(context.English(Keys.RepeatedClick, "100.00 SAR", "refund-1")));
            Assert.That(context.Tamara.RefundCount, Is.EqualTo(1));
            Assert.That(context.Tamara.Refunded, Is.EqualTo(100m));
            Assert.That(context.Order.RefundedAmount, Is.EqualTo(100m), "counted once, by the offline refund");
            Assert.That(context.Order.PaymentStatus, Is.EqualTo(PaymentStatus.PartiallyRefunded));
            Assert.That(context.Refunds.Rows.Single().CountedOffline, Is.False);
            Assert.That(context.Notes, Has.Some.StartsWith("Tamara refund refund-1 of 100.00 SAR had already been made"));
        });
        context.VerifyRefundCalls(1);

        // a click from a page that shows the refund is a new refund
        var next = await context.PartiallyRefundFromPageAsync(context.OpenPage(), 100m);
        Assert.That(next.Success, Is.True, string.Join("; ", next.Errors));
        context.VerifyRefundCalls(2);
        Assert.That(context.Order.RefundedAmount, Is.EqualTo(200m));
    }

    [Test]
    public async Task A_new_refund_of_the_same_amount_from_a_page_that_shows_the_first_is_sent_within_the_hour()
    {
        var context = new RefundTestContext(300m);
        await context.PartialRefundWhoseAnswerIsLostAsync(100m);
        await context.ReconcileAsync();
        context.TamaraAnswersNormally();
        var pageShowingIt = context.OpenPage();

        var second = await context.PartiallyRefundFromPageAsync(pageShowingIt, 100m);

        Assert.That(second.Success, Is.True, string.Join("; ", second.Errors));
        context.VerifyRefundCalls(2);
        Assert.That(context.Tamara.Refunded, Is.EqualTo(200m));
        Assert.That(context.Order.RefundedAmount, Is.EqualTo(200m));
    }

    [Test]
    public async Task The_same_amount_long_after_a_notification_counted_the_refund_is_a_new_refund()
    {
        var context = new RefundTestContext(300m);
        await context.PartialRefundWhoseAnswerIsLostAsync(100m);
        await context.ReconcileAsync();
        context.TamaraAnswersNormally();
        context.Clock.Advance(TamaraRefundService.RepeatedClickWindow + TimeSpan.FromMinutes(1));

        var next = await context.PartiallyRefundAsync(100m);

        Assert.That(next.Success, Is.True, string.Join("; ", next.Errors));
        context.VerifyRefundCalls(2);
        Assert.That(context.Order.RefundedAmount, Is.EqualTo(200m));
    }

    [Test]
    public async Task An_attempt_tamara_reports_as_processing_stays_open_past_the_grace_period()
    {
        var context = new RefundTestContext(300m);
        context.Tamara.DelayVisibility = true;
        context.Tamara.Processing = true;
        context.TamaraRefundsButTimesOut();
        await context.PartiallyRefundAsync(100m);
        context.TamaraAnswersNormally();
        context.Clock.Advance(TamaraRefundService.UnconfirmedRefundGracePeriod + TimeSpan.FromMinutes(1));

        await context.ReconcileAsync();
        var whileProcessing = await context.PartiallyRefundAsync(100m);

        Assert.Multiple(() =>
        {
            Assert.That(context.Refunds.Rows.Single().State, Is.EqualTo(TamaraRefundState.Unknown));
            Assert.That(whileProcessing.Success, Is.False);
            Assert.That(whileProcessing.Errors.Single(), Is.EqualTo(context.English(Keys.EarlierNotConfirmed, "100.00 SAR", RefundTestContext.GraceMinutes)));
            Assert.That(context.Notes, Has.None.StartsWith("Tamara has no record"));
        });
        context.VerifyRefundCalls(1);

        context.Tamara.Processing = false;
        context.Tamara.RevealRefunds();
        var once = await context.PartiallyRefundAsync(100m);

        Assert.That(once.Success, Is.True, string.Join("; ", once.Errors));
        context.VerifyRefundCalls(1);
        Assert.That(context.Tamara.Refunded, Is.EqualTo(100m));
        Assert.That(context.Order.RefundedAmount, Is.EqualTo(100m));
    }

    [Test]
    public async Task A_refund_in_flight_is_left_alone_by_the_order_sync()
    {
        var context = new RefundTestContext(300m);
        context.Tamara.RefundInPortal(50m);
        var session = context.Session;
        context.Refunds.Insert(new TamaraRefund
        {
            OrderId = session.OrderId, SessionId = session.Id, TamaraOrderId = session.TamaraOrderId,
            MerchantRefundId = Guid.NewGuid().ToString(), Amount = 100m, CurrencyCode = "SAR", PrimaryStoreCurrencyAmount = 100m,
            State = TamaraRefundState.Requested, Source = TamaraRefundSource.NopCommerce, CreatedOnUtc = context.Clock.GetUtcNow().UtcDateTime
        });

        await context.ReconcileAsync();

        context.VerifyOfflineRefunds(partial: 0, full: 0);
        Assert.That(context.Refunds.Rows, Has.Count.EqualTo(1));
    }
    [TestCase(HttpStatusCode.InternalServerError)]
    [TestCase(HttpStatusCode.BadGateway)]
    [TestCase(HttpStatusCode.ServiceUnavailable)]
    public async Task A_server_error_leaves_the_outcome_unknown_and_is_not_repeated(HttpStatusCode status)
    {
        var context = new RefundTestContext(300m);
        context.Client.Setup(client => client.SimplifiedRefundAsync(It.IsAny<TamaraInStoreSettings>(), RefundTestContext.TamaraOrderId, It.IsAny<SimplifiedRefundRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TamaraApiException("Upstream failure", status, "POST /payments/simplified-refund", isTransient: true));

        var result = await context.PartiallyRefundAsync(100m);

        Assert.That(result.Errors.Single(), Is.EqualTo(context.English(Keys.NotConfirmed, RefundTestContext.GraceMinutes)));
        Assert.That(context.Refunds.Rows.Single().State, Is.EqualTo(TamaraRefundState.Unknown));
        context.VerifyRefundCalls(1);
        Assert.That(context.Order.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
    }

    [Test]
    public async Task A_refund_left_requested_by_a_crash_is_confirmed_by_the_order_sync_once_it_is_old()
    {
        var context = new RefundTestContext(300m);
        var session = context.Session;
        var merchantRefundId = Guid.NewGuid().ToString();
        context.Refunds.Insert(new TamaraRefund
        {
            OrderId = session.OrderId, SessionId = session.Id, TamaraOrderId = session.TamaraOrderId,
            MerchantRefundId = merchantRefundId, Amount = 100m, CurrencyCode = "SAR", PrimaryStoreCurrencyAmount = 100m,
            State = TamaraRefundState.Requested, Source = TamaraRefundSource.NopCommerce, CreatedOnUtc = context.Clock.GetUtcNow().UtcDateTime
        });
        context.Tamara.Refund(new SimplifiedRefundRequest { TotalAmount = new TamaraMoney(100m, "SAR"), Comment = "c", MerchantRefundId = merchantRefundId });

        await context.ReconcileAsync();
        context.VerifyOfflineRefunds(partial: 0, full: 0);

        context.Clock.Advance(TamaraRefundService.UnconfirmedRefundGracePeriod);
        await context.ReconcileAsync();

        context.OrderProcessing.Verify(service => service.PartiallyRefundOfflineAsync(context.Order, 100m), Times.Once);
        Assert.That(context.Refunds.Rows.Single().State, Is.EqualTo(TamaraRefundState.Succeeded));
        Assert.That(context.Refunds.Rows.Single().RefundId, Is.EqualTo("refund-1"));
    }
}
