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
    public async Task ALostAnswerThatTamaraShowsAtOnceIsASuccess(bool tamaraEchoesOurRefundId)
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
    public async Task TheSameClickRetriedAfterALostAnswerDoesNotRefundTwice(bool tamaraEchoesOurRefundId)
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
    public async Task AFullRefundRetriedAfterALostAnswerEndsRefundedOnce()
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
    public async Task ADifferentAmountAfterALostAnswerThatWentThroughCountsTheEarlierOneAndSendsNothing()
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
    public async Task AfterBeingToldTheEarlierRefundWentThroughTheSameAmountAgainIsANewRefund()
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
    public async Task ARetryWhileTamaraStillShowsNothingSendsNothing()
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
    public async Task AnUnconfirmedRefundTamaraNeverMadeFailsAfterTheGracePeriodAndANewOneCanBeMade()
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
    public async Task TheOrderSyncConfirmsALostAnswerAndCountsItOnce()
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
    public async Task TheClickRepeatedAfterTheNotificationCountedTheRefundCompletesWithoutASecondRefund()
    {
        var context = new RefundTestContext(300m);
        await context.PartialRefundWhoseAnswerIsLostAsync(100m);
        // Tamara's order_refunded notification: the sync counts the refund as an offline refund
        await context.ReconcileAsync();
        context.TamaraAnswersNormally();

        var repeated = await context.PartiallyRefundAsync(100m);

        Assert.Multiple(() =>
        {
            Assert.That(repeated.Success, Is.True, string.Join("; ", repeated.Errors));
            Assert.That(repeated.NewPaymentStatus, Is.EqualTo(PaymentStatus.PartiallyRefunded));
            Assert.That(context.Tamara.RefundCount, Is.EqualTo(1));
            Assert.That(context.Tamara.Refunded, Is.EqualTo(100m));
            Assert.That(context.Order.RefundedAmount, Is.EqualTo(100m), "counted once: by the offline refund, then the core's add balanced out");
            Assert.That(context.Order.PaymentStatus, Is.EqualTo(PaymentStatus.PartiallyRefunded));
            Assert.That(context.Refunds.Rows.Single().CountedOffline, Is.False);
            Assert.That(context.Notes, Has.Some.StartsWith("Tamara refund refund-1 of 100.00 SAR had already been made"));
        });
        context.VerifyRefundCalls(1);

        // a third click is a new refund: the earlier one was completed
        var next = await context.PartiallyRefundAsync(100m);
        Assert.That(next.Success, Is.True, string.Join("; ", next.Errors));
        context.VerifyRefundCalls(2);
        Assert.That(context.Order.RefundedAmount, Is.EqualTo(200m));
    }

    [Test]
    public async Task TheSameAmountLongAfterANotificationCountedTheRefundIsANewRefund()
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
    public async Task AnAttemptTamaraReportsAsProcessingStaysOpenPastTheGracePeriod()
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
    public async Task ARefundInFlightIsLeftAloneByTheOrderSync()
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
    public async Task AServerErrorLeavesTheOutcomeUnknownAndIsNotRepeated(HttpStatusCode status)
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
    public async Task ARefundLeftRequestedByACrashIsConfirmedByTheOrderSyncOnceItIsOld()
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
