using System.Net;
using Moq;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Sync;

public class TamaraOrderSyncServiceTests
{
    private SyncHarness _harness;

    [SetUp]
    public void SetUp() => _harness = new SyncHarness();

    private int TamaraNotes(int orderId) => _harness.Orders.NotesOf(orderId).Count(note => note.Note.StartsWith("Tamara"));

    [Test]
    public async Task Unknown_order_is_reported_without_calling_tamara()
    {
        var result = await _harness.NewService().SyncAsync("no-such-order", TamaraSyncTrigger.Webhook);

        Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.UnknownOrder));
        _harness.Client.VerifyNoOtherCalls();
        Assert.That(_harness.Locker.AcquiredKeys, Is.Empty);
    }

    [Test]
    public async Task A_caller_that_has_the_session_costs_one_read_of_it_under_the_lock()
    {
        // the poller and the webhook have just read the session; at 1,000 pending sessions a second read each is 1,000 queries
        var (_, session) = _harness.AddPendingOrder();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Status(TamaraOrderStatus.New));
        var before = _harness.Sessions.QueryCount;

        await _harness.NewService().SyncAsync(session, TamaraSyncTrigger.Poll);

        Assert.That(_harness.Sessions.QueryCount - before, Is.EqualTo(1));
        Assert.That(_harness.Locker.AcquiredKeys, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task New_waits_and_schedules_the_next_check()
    {
        var (order, session) = _harness.AddPendingOrder();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Status(TamaraOrderStatus.New));

        var result = await _harness.NewService().SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);

        var saved = _harness.Session(session.Id);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.Waiting));
            Assert.That(saved.State, Is.EqualTo(TamaraSessionState.Pending));
            Assert.That(saved.LastCheckedOnUtc, Is.EqualTo(_harness.Now));
            Assert.That(saved.NextCheckOnUtc, Is.EqualTo(_harness.Now.AddSeconds(10)));
            Assert.That(TamaraNotes(order.Id), Is.Zero);
            Assert.That(_harness.Locker.AcquiredKeys, Is.EqualTo(new[] { string.Format(TamaraInStoreDefaults.OrderLockKey, session.TamaraOrderId) }));
        });
    }

    [TestCase(TamaraOrderStatus.Approved)]
    [TestCase(TamaraOrderStatus.Authorised)]
    public async Task Approved_and_authorised_are_noted_once_per_status(string status)
    {
        var (order, session) = _harness.AddPendingOrder();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Status(status));
        var service = _harness.NewService();

        await service.SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);
        await service.SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);
        var result = await service.SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Webhook);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.Waiting));
            Assert.That(TamaraNotes(order.Id), Is.EqualTo(1));
            Assert.That(_harness.Session(session.Id).TamaraStatus, Is.EqualTo(status));
            Assert.That(_harness.Orders.MarkPaidCalls, Is.Zero);
        });
    }

    [Test]
    public async Task Partially_captured_is_noted_and_not_paid()
    {
        var (order, session) = _harness.AddPendingOrder();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Captured(100m, status: TamaraOrderStatus.PartiallyCaptured));

        var result = await _harness.NewService().SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.Waiting));
            Assert.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.Pending));
            Assert.That(_harness.Orders.MarkPaidCalls, Is.Zero);
            Assert.That(TamaraNotes(order.Id), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Fully_captured_marks_the_order_paid_once()
    {
        var (order, session) = _harness.AddPendingOrder();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Captured());

        var result = await _harness.NewService().SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);

        var savedOrder = _harness.Orders.Get(order.Id);
        var savedSession = _harness.Session(session.Id);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.Paid));
            Assert.That(result.OrderChanged, Is.True);
            Assert.That(_harness.Orders.MarkPaidCalls, Is.EqualTo(1));
            Assert.That(savedOrder.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(savedOrder.CaptureTransactionId, Is.EqualTo("capture-1"));
            Assert.That(savedSession.State, Is.EqualTo(TamaraSessionState.Paid));
            Assert.That(savedSession.PaidOnUtc, Is.EqualTo(_harness.Now));
            Assert.That(savedSession.CapturedAmount, Is.EqualTo(300m));
            Assert.That(savedSession.TamaraStatus, Is.EqualTo(TamaraOrderStatus.FullyCaptured));
            Assert.That(savedSession.NextCheckOnUtc, Is.Null);
            Assert.That(TamaraNotes(order.Id), Is.EqualTo(1));
        });
    }

    [TestCase("300.00", "SAR", ExpectedResult = true)]
    [TestCase("300.001", "SAR", ExpectedResult = true)]
    [TestCase("300.01", "SAR", ExpectedResult = false)]
    [TestCase("300", "sar", ExpectedResult = true)]
    [TestCase("300", "AED", ExpectedResult = false)]
    public bool CapturedAmountIsComparedInTheCurrencyMinorUnits(string captured, string currency) =>
        TamaraCapturedAmount.Matches(300m, "SAR", new TamaraMoney(decimal.Parse(captured, System.Globalization.CultureInfo.InvariantCulture), currency));

    [Test]
    public void Three_decimal_currencies_keep_their_third_decimal() =>
        Assert.That(TamaraCapturedAmount.Matches(12.345m, "KWD", new TamaraMoney(12.346m, "KWD")), Is.False);

    [TestCase(299.99, "SAR")]
    [TestCase(300.0, "AED")]
    public async Task Amount_or_currency_mismatch_needs_attention_and_is_not_paid(double capturedAmount, string currency)
    {
        var (order, session) = _harness.AddPendingOrder();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Captured((decimal)capturedAmount, currency));
        var service = _harness.NewService();

        var result = await service.SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Webhook);
        await service.SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Staff);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.NeedsAttention));
            Assert.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.NeedsAttention));
            Assert.That(_harness.Orders.MarkPaidCalls, Is.Zero);
            Assert.That(_harness.Orders.Get(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
            Assert.That(TamaraNotes(order.Id), Is.EqualTo(1), "noted once, not on every read");
        });
        _harness.Logger.Verify(logger => logger.WarningAsync(It.Is<string>(message => message.Contains("needs attention")), null, null), Times.Once);
    }

    [Test]
    public async Task An_order_edited_after_the_link_was_sent_is_not_paid_for_the_old_total()
    {
        var (order, session) = _harness.AddPendingOrder(300m);
        order.OrderTotal = 350m;
        await _harness.Orders.OrderService.UpdateOrderAsync(order);
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Captured(300m));

        var result = await _harness.NewService().SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.NeedsAttention));
            Assert.That(_harness.Orders.MarkPaidCalls, Is.Zero);
            Assert.That(_harness.Orders.Get(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        });
    }

    [Test]
    public async Task An_order_in_another_currency_is_compared_at_its_own_rate()
    {
        // nopCommerce keeps 100.00 in the primary currency; the customer saw 375.00 SAR at the order rate of 3.75
        var (order, session) = _harness.AddPendingOrder(375m);
        order.OrderTotal = 100m;
        order.CurrencyRate = 3.75m;
        await _harness.Orders.OrderService.UpdateOrderAsync(order);
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Captured(375m));

        var result = await _harness.NewService().SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);

        Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.Paid));
        Assert.That(_harness.Orders.MarkPaidCalls, Is.EqualTo(1));
    }

    [TestCase(TamaraOrderStatus.Declined, TamaraSessionState.Declined)]
    [TestCase(TamaraOrderStatus.Expired, TamaraSessionState.Expired)]
    [TestCase(TamaraOrderStatus.Canceled, TamaraSessionState.Canceled)]
    public async Task Closing_statuses_close_the_session_and_cancel_the_order_per_setting(string status, TamaraSessionState expected)
    {
        var (order, session) = _harness.AddPendingOrder();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Status(status));
        var service = _harness.NewService();

        var result = await service.SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Webhook);
        await service.SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Webhook);

        var saved = _harness.Session(session.Id);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.Closed));
            Assert.That(saved.State, Is.EqualTo(expected));
            Assert.That(saved.ClosedOnUtc, Is.EqualTo(_harness.Now));
            Assert.That(_harness.Orders.Get(order.Id).OrderStatus, Is.EqualTo(OrderStatus.Cancelled));
            Assert.That(_harness.Orders.CancelCalls, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Declined_keeps_the_order_when_the_setting_is_off()
    {
        _harness.Settings[0].CancelOrderWhenDeclinedOrExpired = false;
        var (order, session) = _harness.AddPendingOrder();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Status(TamaraOrderStatus.Declined));

        await _harness.NewService().SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);

        Assert.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.Declined));
        Assert.That(_harness.Orders.Get(order.Id).OrderStatus, Is.EqualTo(OrderStatus.Pending));
    }

    [Test]
    public async Task An_old_session_closing_does_not_cancel_an_order_that_has_a_newer_link()
    {
        var (order, oldSession) = _harness.AddPendingOrder();
        _harness.AddSession(order);
        _harness.TamaraSays(oldSession.TamaraOrderId, SyncHarness.Status(TamaraOrderStatus.Expired));

        await _harness.NewService().SyncAsync(oldSession.TamaraOrderId, TamaraSyncTrigger.Webhook);

        Assert.That(_harness.Session(oldSession.Id).State, Is.EqualTo(TamaraSessionState.Expired));
        Assert.That(_harness.Orders.CancelCalls, Is.Zero);
    }

    [Test]
    public async Task Unknown_status_is_kept_as_text_and_treated_as_not_paid()
    {
        var (_, session) = _harness.AddPendingOrder();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Status("on_hold_for_review"));

        var result = await _harness.NewService().SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);

        Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.Waiting));
        Assert.That(_harness.Session(session.Id).TamaraStatus, Is.EqualTo("on_hold_for_review"));
        Assert.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.Pending));
    }

    [Test]
    public async Task The_same_webhook_twice_marks_paid_once()
    {
        var (_, session) = _harness.AddPendingOrder();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Captured());
        var service = _harness.NewService();

        var first = await service.SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Webhook);
        var second = await service.SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Webhook);

        Assert.That(first.Outcome, Is.EqualTo(TamaraSyncOutcome.Paid));
        Assert.That(second.Outcome, Is.EqualTo(TamaraSyncOutcome.AlreadyPaid));
        Assert.That(_harness.Orders.MarkPaidCalls, Is.EqualTo(1));
    }

    [Test]
    public async Task Approved_arriving_after_the_capture_changes_nothing()
    {
        var (order, session) = _harness.AddPendingOrder();
        var service = _harness.NewService();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Captured());
        await service.SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Webhook);

        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Status(TamaraOrderStatus.Approved));
        await service.SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Webhook);

        Assert.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.Paid));
        Assert.That(_harness.Orders.Get(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        Assert.That(_harness.Orders.MarkPaidCalls, Is.EqualTo(1));
    }

    [Test]
    public async Task A_refund_seen_before_the_capture_first_marks_paid_then_reconciles()
    {
        var (order, session) = _harness.AddPendingOrder();
        var refunded = SyncHarness.Captured(status: TamaraOrderStatus.PartiallyRefunded);
        refunded.RefundedAmount = new TamaraMoney(100m, "SAR");
        refunded.Transactions.Refunds.Add(new TamaraRefundTransaction { RefundId = "refund-1", CaptureId = "capture-1", TotalAmount = new TamaraMoney(100m, "SAR") });
        _harness.TamaraSays(session.TamaraOrderId, refunded);
        PaymentStatus? statusWhenReconciled = null;
        _harness.RefundService.Setup(service => service.ReconcileRefundsAsync(It.IsAny<Order>(), It.IsAny<TamaraSession>(), It.IsAny<TamaraOrder>()))
            .Callback(() => statusWhenReconciled = _harness.Orders.Get(order.Id).PaymentStatus)
            .Returns(Task.CompletedTask);

        var result = await _harness.NewService().SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Webhook);

        Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.Paid));
        Assert.That(statusWhenReconciled, Is.EqualTo(PaymentStatus.Paid));
        _harness.RefundService.Verify(service => service.ReconcileRefundsAsync(
            It.Is<Order>(o => o.Id == order.Id), It.Is<TamaraSession>(s => s.Id == session.Id), refunded), Times.Once);
    }

    [Test]
    public async Task Refunds_already_known_are_not_reconciled_again()
    {
        var (order, session) = _harness.AddPendingOrder();
        var refunded = SyncHarness.Captured(status: TamaraOrderStatus.PartiallyRefunded);
        refunded.RefundedAmount = new TamaraMoney(100m, "SAR");
        refunded.Transactions.Refunds.Add(new TamaraRefundTransaction { RefundId = "refund-1", TotalAmount = new TamaraMoney(100m, "SAR") });
        _harness.TamaraSays(session.TamaraOrderId, refunded);
        var stored = _harness.Session(session.Id);
        stored.State = TamaraSessionState.Paid;
        stored.RefundedAmount = 100m;
        _harness.Sessions.Update(stored);
        _harness.Refunds.Insert(new TamaraRefund { OrderId = order.Id, SessionId = session.Id, RefundId = "refund-1", Amount = 100m, CurrencyCode = "SAR" });

        await _harness.NewService().SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);

        _harness.RefundService.Verify(service => service.ReconcileRefundsAsync(It.IsAny<Order>(), It.IsAny<TamaraSession>(), It.IsAny<TamaraOrder>()), Times.Never);
    }

    [Test]
    public async Task Poll_and_webhook_racing_across_two_servers_mark_paid_exactly_once()
    {
        var (order, session) = _harness.AddPendingOrder();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Captured());
        var serverA = _harness.NewService();
        var serverB = _harness.NewService();

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            (i % 2 == 0 ? serverA : serverB).SyncAsync(session.TamaraOrderId, i % 3 == 0 ? TamaraSyncTrigger.Poll : TamaraSyncTrigger.Webhook))));

        Assert.Multiple(() =>
        {
            Assert.That(_harness.Orders.MarkPaidCalls, Is.EqualTo(1));
            Assert.That(results.Count(result => result.Outcome == TamaraSyncOutcome.Paid), Is.EqualTo(1));
            Assert.That(results.Select(result => result.Outcome),
                Is.All.AnyOf(TamaraSyncOutcome.Paid, TamaraSyncOutcome.AlreadyPaid, TamaraSyncOutcome.Busy));
            Assert.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.Paid));
            Assert.That(_harness.Orders.Get(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        });
    }

    [Test]
    public async Task A_locker_that_lets_everyone_in_still_marks_paid_once_on_one_server()
    {
        var (order, session) = _harness.AddPendingOrder();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Captured());
        var service = _harness.NewService(locker: new Fakes.CheckThenSetLocker());

        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => service.SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Webhook))));

        Assert.That(_harness.Orders.MarkPaidCalls, Is.EqualTo(1));
        Assert.That(_harness.Orders.Get(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
    }

    [Test]
    public async Task A_server_that_finds_the_payment_claimed_by_another_does_not_mark_paid()
    {
        var claims = new Fakes.InMemoryRepository<TamaraPaymentClaim> { UniqueKey = claim => claim.OrderId };
        var sessions = new Nop.Plugin.Payments.TamaraInStore.Services.TamaraSessionService(new Fakes.InMemoryRepository<TamaraRefund>(), _harness.Sessions, claims);
        var (order, session) = _harness.AddPendingOrder();
        // taken by the other server of the farm, which is marking the order paid right now
        Assert.That(await sessions.TryClaimPaymentAsync(order.Id, session.Id, _harness.Now), Is.True);
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Captured());
        var thisServer = _harness.NewService(sessionService: sessions);

        var result = await thisServer.SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Webhook);

        Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.AlreadyPaid));
        Assert.That(_harness.Orders.MarkPaidCalls, Is.Zero);
        Assert.That(_harness.Orders.Get(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
    }

    [Test]
    public async Task A_failure_while_marking_paid_gives_the_claim_back_for_the_next_check()
    {
        var claims = new Fakes.InMemoryRepository<TamaraPaymentClaim> { UniqueKey = claim => claim.OrderId };
        var sessions = new Nop.Plugin.Payments.TamaraInStore.Services.TamaraSessionService(new Fakes.InMemoryRepository<TamaraRefund>(), _harness.Sessions, claims);
        var (order, session) = _harness.AddPendingOrder();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Captured());
        var processing = new Mock<Nop.Services.Orders.IOrderProcessingService>();
        processing.Setup(p => p.CanMarkOrderAsPaid(It.IsAny<Order>())).Returns(true);
        processing.Setup(p => p.MarkOrderAsPaidAsync(It.IsAny<Order>())).ThrowsAsync(new InvalidOperationException("database is down"));
        var service = _harness.NewService(orderProcessingService: processing.Object, sessionService: sessions);

        await service.SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);

        Assert.That(claims.Rows, Is.Empty, "the claim is given back");
        Assert.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.Pending));
    }

    [Test]
    public async Task A_busy_lock_is_given_up_after_a_few_tries()
    {
        var (_, session) = _harness.AddPendingOrder();
        var key = string.Format(TamaraInStoreDefaults.OrderLockKey, session.TamaraOrderId);
        var release = new TaskCompletionSource();
        var holder = _harness.Locker.PerformActionWithLockAsync(key, TimeSpan.FromSeconds(30), () => release.Task);

        var result = await _harness.NewService().SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Webhook);
        release.SetResult();
        await holder;

        Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.Busy));
        _harness.Client.Verify(client => client.GetOrderAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Within_the_grace_period_a_new_session_keeps_waiting()
    {
        var (_, session) = _harness.AddPendingOrder();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Status(TamaraOrderStatus.New));
        _harness.Time.Advance(TimeSpan.FromMinutes(15) + TamaraInStoreDefaults.ExpiryGracePeriod);

        var result = await _harness.NewService().SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);

        Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.Waiting));
        Assert.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.Pending));
    }

    [Test]
    public async Task Past_the_grace_period_a_final_read_still_saying_new_expires_the_session()
    {
        var (order, session) = _harness.AddPendingOrder();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Status(TamaraOrderStatus.New));
        _harness.Time.Advance(TimeSpan.FromMinutes(15) + TamaraInStoreDefaults.ExpiryGracePeriod + TimeSpan.FromSeconds(1));

        var result = await _harness.NewService().SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);

        var saved = _harness.Session(session.Id);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.Closed));
            Assert.That(saved.State, Is.EqualTo(TamaraSessionState.Expired));
            Assert.That(saved.ClosedOnUtc, Is.EqualTo(_harness.Now));
            Assert.That(_harness.Orders.Get(order.Id).OrderStatus, Is.EqualTo(OrderStatus.Cancelled));
        });
        _harness.Client.Verify(client => client.GetOrderAsync(It.IsAny<TamaraInStoreSettings>(), session.TamaraOrderId, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Past_the_grace_period_a_final_read_showing_the_capture_still_pays()
    {
        var (_, session) = _harness.AddPendingOrder();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Captured());
        _harness.Time.Advance(TimeSpan.FromMinutes(30));

        var result = await _harness.NewService().SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);

        Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.Paid));
        Assert.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.Paid));
    }

    [Test]
    public async Task Past_the_grace_period_with_tamara_unreachable_expires_the_session()
    {
        var (_, session) = _harness.AddPendingOrder();
        _harness.TamaraFails(session.TamaraOrderId, SyncHarness.Transient(HttpStatusCode.ServiceUnavailable));
        _harness.Time.Advance(TimeSpan.FromMinutes(20));

        var result = await _harness.NewService().SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);

        Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.Closed));
        Assert.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.Expired));
    }

    [Test]
    public async Task A_capture_arriving_for_a_cancelled_order_needs_attention_instead_of_throwing()
    {
        var (order, session) = _harness.AddPendingOrder();
        var cancelled = _harness.Orders.Get(order.Id);
        cancelled.OrderStatus = OrderStatus.Cancelled;
        _harness.Orders.OrderService.UpdateOrderAsync(cancelled).Wait();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Captured());

        var result = await _harness.NewService().SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Webhook);

        Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.NeedsAttention));
        Assert.That(_harness.Orders.MarkPaidCalls, Is.Zero);
    }

    [Test]
    public async Task A_capture_on_an_order_paid_by_other_means_is_a_double_payment_that_needs_attention()
    {
        var (order, session) = _harness.AddPendingOrder();
        var paid = _harness.Orders.Get(order.Id);
        paid.PaymentStatus = PaymentStatus.Paid;
        await _harness.Orders.OrderService.UpdateOrderAsync(paid);
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Captured());

        var result = await _harness.NewService().SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);

        var saved = _harness.Session(session.Id);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.NeedsAttention));
            Assert.That(_harness.Orders.MarkPaidCalls, Is.Zero);
            Assert.That(saved.State, Is.EqualTo(TamaraSessionState.NeedsAttention));
            Assert.That(saved.LastError, Does.Contain("DOUBLE PAYMENT"));
            Assert.That(_harness.Orders.NotesOf(order.Id).Any(note => note.Note.Contains("DOUBLE PAYMENT")), Is.True);
        });
        _harness.Logger.Verify(logger => logger.ErrorAsync(It.Is<string>(message => message.Contains(session.TamaraOrderId)), null, null), Times.Once);
    }

    [Test]
    public async Task An_order_marked_paid_by_this_plugin_on_another_server_is_not_a_double_payment()
    {
        var claims = new Fakes.InMemoryRepository<TamaraPaymentClaim> { UniqueKey = claim => claim.OrderId };
        var sessions = new Nop.Plugin.Payments.TamaraInStore.Services.TamaraSessionService(new Fakes.InMemoryRepository<TamaraRefund>(), _harness.Sessions, claims);
        var (order, session) = _harness.AddPendingOrder();
        // the other server took the claim and marked the order paid; its session update is not visible yet
        await claims.InsertAsync(new TamaraPaymentClaim { OrderId = order.Id, SessionId = session.Id });
        var paid = _harness.Orders.Get(order.Id);
        paid.PaymentStatus = PaymentStatus.Paid;
        await _harness.Orders.OrderService.UpdateOrderAsync(paid);
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Captured());

        var result = await _harness.NewService(sessionService: sessions).SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);

        Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.AlreadyPaid));
        Assert.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.Paid));
    }
}
