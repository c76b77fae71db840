using System.Net;
using Moq;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Refunds;
using Keys = Nop.Plugin.Payments.TamaraInStore.Localization.TamaraInStoreLocaleResources.RefundKeys;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Refunds;

public class RefundFromNopCommerceTests
{
    [Test]
    public async Task Full_refund_returns_refunded_and_stores_tamaras_ids()
    {
        var context = new RefundTestContext(300m);

        var result = await context.RefundAsync();

        Assert.That(result.Success, Is.True, string.Join("; ", result.Errors));
        Assert.That(result.NewPaymentStatus, Is.EqualTo(PaymentStatus.Refunded));
        var row = context.Refunds.Rows.Single();
        Assert.Multiple(() =>
        {
            Assert.That(row.State, Is.EqualTo(TamaraRefundState.Succeeded));
            Assert.That(row.Source, Is.EqualTo(TamaraRefundSource.NopCommerce));
            Assert.That(row.RefundId, Is.EqualTo("refund-1"));
            Assert.That(row.CaptureId, Is.EqualTo("capture-1"));
            Assert.That(row.Amount, Is.EqualTo(300m));
            Assert.That(row.PrimaryStoreCurrencyAmount, Is.EqualTo(300m));
            Assert.That(row.CurrencyCode, Is.EqualTo("SAR"));
            Assert.That(row.Comment, Is.EqualTo("Refund for order A-1007"));
            Assert.That(Guid.TryParse(row.MerchantRefundId, out _), Is.True);
            Assert.That(row.CompletedOnUtc, Is.Not.Null);
            Assert.That(context.Order.RefundedAmount, Is.EqualTo(300m));
            Assert.That(context.Order.PaymentStatus, Is.EqualTo(PaymentStatus.Refunded));
            Assert.That(context.Session.RefundedAmount, Is.EqualTo(300m));
            Assert.That(context.Session.TamaraStatus, Is.EqualTo(TamaraOrderStatus.FullyRefunded));
            Assert.That(context.Notes, Has.Some.StartsWith("Tamara refund refund-1: 300.00 SAR refunded"));
            Assert.That(context.Locker.AcquiredKeys, Is.EqualTo(new[] { context.LockKey }));
        });
        context.VerifyOfflineRefunds(partial: 0, full: 0);
    }

    [Test]
    public async Task The_refund_request_carries_amount_comment_and_our_refund_id()
    {
        var context = new RefundTestContext(300m);
        SimplifiedRefundRequest sent = null;
        context.Client.Setup(client => client.SimplifiedRefundAsync(It.IsAny<TamaraInStoreSettings>(), RefundTestContext.TamaraOrderId, It.IsAny<SimplifiedRefundRequest>(), It.IsAny<CancellationToken>()))
            .Callback((TamaraInStoreSettings _, string _, SimplifiedRefundRequest request, CancellationToken _) => sent = request)
            .ReturnsAsync((TamaraInStoreSettings _, string _, SimplifiedRefundRequest request, CancellationToken _) => context.Tamara.Refund(request));

        await context.PartiallyRefundAsync(120m);

        Assert.That(sent.TotalAmount.Amount, Is.EqualTo(120m));
        Assert.That(sent.TotalAmount.Currency, Is.EqualTo("SAR"));
        Assert.That(sent.Comment, Is.EqualTo("Refund for order A-1007"));
        Assert.That(sent.MerchantRefundId, Is.EqualTo(context.Refunds.Rows.Single().MerchantRefundId));
    }

    [Test]
    public async Task The_same_partial_refund_clicked_twice_at_once_is_sent_to_tamara_once()
    {
        var context = new RefundTestContext(300m);
        // Tamara takes a moment, so the second click arrives while the first holds the order's lock
        context.Client.Setup(client => client.SimplifiedRefundAsync(It.IsAny<TamaraInStoreSettings>(), RefundTestContext.TamaraOrderId, It.IsAny<SimplifiedRefundRequest>(), It.IsAny<CancellationToken>()))
            .Returns(async (TamaraInStoreSettings _, string _, SimplifiedRefundRequest request, CancellationToken _) =>
            {
                await Task.Delay(300);
                return context.Tamara.Refund(request);
            });

        var results = await Task.WhenAll(context.PartiallyRefundAsync(120m), context.PartiallyRefundAsync(120m));

        context.VerifyRefundCalls(1);
        Assert.That(results.Count(result => result.Success), Is.EqualTo(1), "one click refunds");
        Assert.That(results.Single(result => !result.Success).Errors,
            Is.EqualTo(new[] { context.English(Keys.MadeByAnotherClick, "120.00 SAR", "refund-1") }), "the other is told why nothing was sent");
        Assert.That(context.Order.RefundedAmount, Is.EqualTo(120m), "counted once");
        Assert.That(context.Tamara.Refunded, Is.EqualTo(120m));
    }

    [Test]
    public async Task Two_servers_holding_the_lock_at_once_send_only_the_refund_that_claimed_the_page_first()
    {
        var context = new RefundTestContext(300m);
        var page = context.OpenPage();
        // nopCommerce's distributed lock gets, then sets, its key: the other server got in too and claimed the page's refund first
        context.RefundClaims.BeforeNextInsert = () => context.RefundClaims.Insert(new TamaraRefundClaim { SessionId = context.Session.Id, Basis = 0 });

        var result = await context.PartiallyRefundFromPageAsync(page, 120m);

        context.VerifyRefundCalls(0);
        Assert.That(result.Errors, Is.EqualTo(new[] { context.English(Keys.InProgress) }));
        Assert.That(context.Refunds.Rows, Is.Empty, "this server's click recorded nothing");
        Assert.That(context.Order.RefundedAmount, Is.Zero);
    }

    [Test]
    public async Task Two_servers_holding_the_lock_at_once_send_once_even_when_the_first_was_already_refunded_at_tamara()
    {
        var context = new RefundTestContext(300m);
        var page = context.OpenPage();
        // the other server's whole round trip to Tamara fitted between this click's checks and its claim
        context.RefundClaims.BeforeNextInsert = () =>
        {
            context.RefundClaims.Insert(new TamaraRefundClaim { SessionId = context.Session.Id, Basis = 0 });
            context.Refunds.Insert(new TamaraRefund
            {
                OrderId = context.Order.Id, SessionId = context.Session.Id, TamaraOrderId = RefundTestContext.TamaraOrderId,
                MerchantRefundId = Guid.NewGuid().ToString(), RefundId = "refund-other", Amount = 120m, PrimaryStoreCurrencyAmount = 120m,
                CurrencyCode = "SAR", State = TamaraRefundState.Succeeded, Source = TamaraRefundSource.NopCommerce,
                CreatedOnUtc = context.Clock.GetUtcNow().UtcDateTime, CompletedOnUtc = context.Clock.GetUtcNow().UtcDateTime
            });
        };

        var result = await context.PartiallyRefundFromPageAsync(page, 120m);

        context.VerifyRefundCalls(0);
        Assert.That(result.Errors, Is.EqualTo(new[] { context.English(Keys.MadeByAnotherClick, "120.00 SAR", "refund-other") }));
        Assert.That(context.Refunds.Rows, Has.Count.EqualTo(1), "only the other server's refund is recorded");
    }

    [Test]
    public async Task The_same_popup_posted_on_both_servers_is_sent_once_even_when_the_first_finished_before_the_second_began()
    {
        // found in the real host's web farm: one server's whole refund ended before the other server's click was read
        var context = new RefundTestContext(300m);
        var page = context.OpenPage();

        var first = await context.PartiallyRefundFromPageAsync(page, 120m);
        var second = await context.PartiallyRefundFromPageAsync(page, 120m);

        Assert.That(first.Success, Is.True, string.Join("; ", first.Errors));
        Assert.That(second.Errors, Is.EqualTo(new[] { context.English(Keys.MadeByAnotherClick, "120.00 SAR", "refund-1") }));
        context.VerifyRefundCalls(1);
        Assert.That(context.Tamara.Refunded, Is.EqualTo(120m));
        Assert.That(context.Order.RefundedAmount, Is.EqualTo(120m), "counted once");
    }

    [Test]
    public async Task A_different_amount_from_a_page_opened_before_another_refund_is_not_sent()
    {
        var context = new RefundTestContext(300m);
        var stalePage = context.OpenPage();
        await context.PartiallyRefundFromPageAsync(context.OpenPage(), 100m);

        var result = await context.PartiallyRefundFromPageAsync(stalePage, 50m);

        Assert.That(result.Errors, Is.EqualTo(new[] { context.English(Keys.RefundedMeanwhile, "100.00 SAR", "refund-1") }));
        context.VerifyRefundCalls(1);
        Assert.That(context.Order.RefundedAmount, Is.EqualTo(100m));
    }

    [Test]
    public async Task A_page_opened_after_a_refund_refunds_the_same_amount_again()
    {
        var context = new RefundTestContext(300m);

        var first = await context.PartiallyRefundFromPageAsync(context.OpenPage(), 120m);
        var second = await context.PartiallyRefundFromPageAsync(context.OpenPage(), 120m);

        Assert.That((first.Success, second.Success), Is.EqualTo((true, true)), string.Join("; ", second.Errors));
        context.VerifyRefundCalls(2);
        Assert.That(context.Order.RefundedAmount, Is.EqualTo(240m));
        Assert.That(context.RefundClaims.Rows.Select(claim => claim.Basis), Is.EqualTo(new[] { 0, context.Refunds.Rows[0].Id }));
    }

    [Test]
    public async Task A_refund_tamara_refused_gives_the_page_back_so_the_same_click_can_be_made_again()
    {
        var context = new RefundTestContext(300m);
        var page = context.OpenPage();
        context.TamaraRefuses(HttpStatusCode.BadRequest, "The order is under review");

        var refused = await context.PartiallyRefundFromPageAsync(page, 120m);
        context.TamaraAnswersNormally();
        var again = await context.PartiallyRefundFromPageAsync(page, 120m);

        Assert.That(refused.Success, Is.False);
        Assert.That(again.Success, Is.True, string.Join("; ", again.Errors));
        context.VerifyRefundCalls(2);
        Assert.That(context.Tamara.Refunded, Is.EqualTo(120m));
    }

    [Test]
    public async Task A_page_of_another_order_counts_as_no_page()
    {
        var context = new RefundTestContext(300m);
        await context.PartiallyRefundFromPageAsync(context.OpenPage(), 120m);

        // a form of order 8 posting basis 0 would otherwise look like a second click from this order's first page
        var result = await context.PartiallyRefundFromPageAsync(TamaraRefundBasis.Format(8, 0), 120m);

        Assert.That(result.Success, Is.True, string.Join("; ", result.Errors));
        context.VerifyRefundCalls(2);
    }

    [Test]
    public async Task A_refund_of_the_same_amount_finished_before_the_click_does_not_stop_a_second_one()
    {
        var context = new RefundTestContext(300m);

        var first = await context.PartiallyRefundAsync(120m);
        var second = await context.PartiallyRefundAsync(120m);

        Assert.That((first.Success, second.Success), Is.EqualTo((true, true)), string.Join("; ", second.Errors));
        context.VerifyRefundCalls(2);
    }

    [Test]
    public async Task Three_partial_refunds_of_a_hundred_end_refunded()
    {
        var context = new RefundTestContext(300m);

        var statuses = new List<PaymentStatus>();
        foreach (var amount in new[] { 100m, 100m, 100m })
        {
            var result = await context.PartiallyRefundAsync(amount);
            Assert.That(result.Success, Is.True, string.Join("; ", result.Errors));
            statuses.Add(result.NewPaymentStatus);
        }

        Assert.That(statuses, Is.EqualTo(new[] { PaymentStatus.PartiallyRefunded, PaymentStatus.PartiallyRefunded, PaymentStatus.Refunded }));
        Assert.That(context.Order.PaymentStatus, Is.EqualTo(PaymentStatus.Refunded));
        Assert.That(context.Order.RefundedAmount, Is.EqualTo(300m));
        Assert.That(context.Tamara.Refunded, Is.EqualTo(300m));
        Assert.That(context.Refunds.Rows.Select(row => row.RefundId), Is.EqualTo(new[] { "refund-1", "refund-2", "refund-3" }));
    }

    [Test]
    public async Task Two_partial_refunds_end_refunded()
    {
        var context = new RefundTestContext(200m);

        var first = await context.PartiallyRefundAsync(150m);
        var second = await context.PartiallyRefundAsync(50m);

        Assert.That(first.NewPaymentStatus, Is.EqualTo(PaymentStatus.PartiallyRefunded));
        Assert.That(second.NewPaymentStatus, Is.EqualTo(PaymentStatus.Refunded));
        Assert.That(context.Order.PaymentStatus, Is.EqualTo(PaymentStatus.Refunded));
        Assert.That(context.Tamara.Refunded, Is.EqualTo(200m));
    }

    [Test]
    public async Task Thirds_of_a_hundred_end_refunded_with_nothing_left_at_tamara()
    {
        var context = new RefundTestContext(100m);

        var results = new[]
        {
            await context.PartiallyRefundAsync(33.33m),
            await context.PartiallyRefundAsync(33.33m),
            await context.PartiallyRefundAsync(33.34m)
        };

        Assert.That(results.Select(result => result.NewPaymentStatus),
            Is.EqualTo(new[] { PaymentStatus.PartiallyRefunded, PaymentStatus.PartiallyRefunded, PaymentStatus.Refunded }));
        Assert.That(context.Tamara.Refunded, Is.EqualTo(100m));
        Assert.That(context.Order.RefundedAmount, Is.EqualTo(100m));
    }

    [Test]
    public async Task Kuwaiti_dinar_order_rounds_to_three_decimals_and_the_last_refund_takes_what_tamara_holds()
    {
        // 100 USD at 0.3077 KWD: 33.33 and 33.34 convert to 10.256 and 10.259, which together overshoot 30.770 by 0.001
        var context = new RefundTestContext(100m, currency: "KWD", currencyRate: 0.3077m, primaryCurrency: "USD");

        var results = new[]
        {
            await context.PartiallyRefundAsync(33.33m),
            await context.PartiallyRefundAsync(33.33m),
            await context.PartiallyRefundAsync(33.34m)
        };

        Assert.That(results.All(result => result.Success), Is.True, string.Join("; ", results.SelectMany(result => result.Errors)));
        Assert.That(results.Select(result => result.NewPaymentStatus),
            Is.EqualTo(new[] { PaymentStatus.PartiallyRefunded, PaymentStatus.PartiallyRefunded, PaymentStatus.Refunded }));
        var rows = context.Refunds.Rows;
        Assert.That(rows.Select(row => row.Amount), Is.EqualTo(new[] { 10.256m, 10.256m, 10.258m }));
        Assert.That(rows.Select(row => row.PrimaryStoreCurrencyAmount), Is.EqualTo(new[] { 33.33m, 33.33m, 33.34m }));
        Assert.That(rows.Select(row => row.CurrencyCode), Is.All.EqualTo("KWD"));
        Assert.That(context.Tamara.Refunded, Is.EqualTo(30.770m));
        Assert.That(context.Order.PaymentStatus, Is.EqualTo(PaymentStatus.Refunded));
    }

    [Test]
    public async Task Full_refund_of_a_converted_order_sends_exactly_what_tamara_holds()
    {
        // 99.99 USD at 3.7501 converts to 374.97 SAR, but Tamara captured 374.96 (the checkout rounded line by line)
        var context = new RefundTestContext(99.99m, currency: "SAR", currencyRate: 3.7501m, tamaraCaptured: 374.96m, primaryCurrency: "USD");

        var result = await context.RefundAsync();

        Assert.That(result.Success, Is.True, string.Join("; ", result.Errors));
        Assert.That(result.NewPaymentStatus, Is.EqualTo(PaymentStatus.Refunded));
        Assert.That(context.Refunds.Rows.Single().Amount, Is.EqualTo(374.96m));
        Assert.That(context.Tamara.Refunded, Is.EqualTo(374.96m));
    }

    [Test]
    public async Task Refund_above_what_tamara_holds_is_refused_without_calling_tamara()
    {
        var context = new RefundTestContext(300m, tamaraCaptured: 200m);

        var result = await context.PartiallyRefundAsync(250m);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Errors.Single(), Is.EqualTo(string.Format(context.English(Keys.ExceedsRefundable), "200.00 SAR", "250.00 SAR")));
        context.VerifyRefundCalls(0);
        Assert.That(context.Refunds.Rows, Is.Empty);
        Assert.That(context.Order.RefundedAmount, Is.Zero);
        Assert.That(context.Order.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
    }

    [Test]
    public async Task Refund_above_what_our_own_records_leave_is_refused_without_calling_tamara()
    {
        var context = new RefundTestContext(300m);
        await context.PartiallyRefundAsync(200m);
        // our records claim more than Tamara shows (e.g. Tamara's total lags): the stricter of the two wins
        var row = context.Refunds.Rows.Single();
        context.Refunds.Insert(new TamaraRefund
        {
            OrderId = row.OrderId, SessionId = row.SessionId, TamaraOrderId = row.TamaraOrderId, RefundId = "refund-x",
            MerchantRefundId = Guid.NewGuid().ToString(), Amount = 50m, CurrencyCode = "SAR", PrimaryStoreCurrencyAmount = 50m,
            State = TamaraRefundState.Succeeded, Source = TamaraRefundSource.Tamara, CreatedOnUtc = DateTime.UtcNow
        });

        var result = await context.PartiallyRefundAsync(100m);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Errors.Single(), Is.EqualTo(string.Format(context.English(Keys.ExceedsRefundable), "50.00 SAR", "100.00 SAR")));
        context.VerifyRefundCalls(1);
    }

    [TestCase(HttpStatusCode.BadRequest)]
    [TestCase(HttpStatusCode.Conflict)]
    [TestCase(HttpStatusCode.UnprocessableEntity)]
    public async Task Tamara_refusal_is_an_error_and_the_row_fails(HttpStatusCode status)
    {
        var context = new RefundTestContext(300m);
        context.TamaraRefuses(status, "Order is not refundable");

        var result = await context.PartiallyRefundAsync(100m);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Errors.Single(), Is.EqualTo("Tamara refused the refund: Order is not refundable"));
        var row = context.Refunds.Rows.Single();
        Assert.That(row.State, Is.EqualTo(TamaraRefundState.Failed));
        Assert.That(row.LastError, Is.EqualTo("Order is not refundable"));
        Assert.That(context.Order.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        Assert.That(context.Order.RefundedAmount, Is.Zero);
    }

    [Test]
    public async Task A_failed_refund_does_not_block_the_next_one()
    {
        var context = new RefundTestContext(300m);
        context.TamaraRefuses(HttpStatusCode.UnprocessableEntity, "Amount too high");
        await context.PartiallyRefundAsync(100m);
        context.TamaraAnswersNormally();

        var result = await context.PartiallyRefundAsync(100m);

        Assert.That(result.Success, Is.True, string.Join("; ", result.Errors));
        Assert.That(result.NewPaymentStatus, Is.EqualTo(PaymentStatus.PartiallyRefunded));
        Assert.That(context.Tamara.Refunded, Is.EqualTo(100m));
    }

    [Test]
    public async Task Order_without_a_paid_session_is_refused_without_calling_tamara()
    {
        var context = new RefundTestContext(300m);
        var session = context.Session;
        session.State = TamaraSessionState.Pending;
        context.Sessions.Update(session);

        var result = await context.RefundAsync();

        Assert.That(result.Errors.Single(), Is.EqualTo(context.English(Keys.NoPaidSession)));
        context.Client.Verify(client => client.GetOrderAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        context.VerifyRefundCalls(0);
    }

    [Test]
    public async Task Order_locked_by_the_sync_is_an_error_without_calling_tamara()
    {
        var context = new RefundTestContext(300m);
        using var _ = context.Locker.Hold(context.LockKey);

        var result = await context.RefundAsync();

        Assert.That(result.Errors.Single(), Is.EqualTo(context.English(Keys.OrderBusy)));
        context.VerifyRefundCalls(0);
    }

    [Test]
    public async Task Tamara_order_that_cannot_be_read_is_an_error_without_refunding()
    {
        var context = new RefundTestContext(300m);
        context.Client.Setup(client => client.GetOrderAsync(It.IsAny<TamaraInStoreSettings>(), RefundTestContext.TamaraOrderId, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TamaraApiException("Service unavailable", HttpStatusCode.ServiceUnavailable, "GET /merchants/orders", isTransient: true));

        var result = await context.RefundAsync();

        Assert.That(result.Errors.Single(), Is.EqualTo(string.Format(context.English(Keys.ReadOrderFailed), "Service unavailable")));
        context.VerifyRefundCalls(0);
        Assert.That(context.Refunds.Rows, Is.Empty);
    }

    [Test]
    public async Task A_refund_made_at_tamara_is_recorded_before_a_new_one_and_nothing_new_is_sent()
    {
        var context = new RefundTestContext(300m);
        context.Tamara.RefundInPortal(50m);

        var result = await context.PartiallyRefundAsync(250m);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Errors.Single(), Is.EqualTo(string.Format(context.English(Keys.FoundAtTamara), "50.00 SAR")));
        context.VerifyRefundCalls(0);
        context.OrderProcessing.Verify(service => service.PartiallyRefundOfflineAsync(context.Order, 50m), Times.Once);
        Assert.That(context.Order.RefundedAmount, Is.EqualTo(50m));
        Assert.That(context.Order.PaymentStatus, Is.EqualTo(PaymentStatus.PartiallyRefunded));
    }

    [Test]
    public async Task Refunding_the_whole_order_after_its_total_was_lowered_sends_what_was_asked_not_all_tamara_holds()
    {
        var context = new RefundTestContext(300m);
        context.Order.OrderTotal = 200m;

        var result = await context.RefundAsync();

        Assert.That(result.Success, Is.True, string.Join("; ", result.Errors));
        Assert.That(context.Tamara.Refunded, Is.EqualTo(200m));
    }
}
