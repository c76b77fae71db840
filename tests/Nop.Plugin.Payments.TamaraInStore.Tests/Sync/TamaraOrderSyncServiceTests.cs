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
    public async Task UnknownOrderIsReportedWithoutCallingTamara()
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
    public async Task NewWaitsAndSchedulesTheNextCheck()
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
    public async Task ApprovedAndAuthorisedAreNotedOncePerStatus(string status)
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
    public async Task PartiallyCapturedIsNotedAndNotPaid()
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
    public async Task FullyCapturedMarksTheOrderPaidOnce()
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
    public void ThreeDecimalCurrenciesKeepTheirThirdDecimal() =>
        Assert.That(TamaraCapturedAmount.Matches(12.345m, "KWD", new TamaraMoney(12.346m, "KWD")), Is.False);

    [TestCase(299.99, "SAR")]
    [TestCase(300.0, "AED")]
    public async Task AmountOrCurrencyMismatchNeedsAttentionAndIsNotPaid(double capturedAmount, string currency)
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
    public async Task AnOrderEditedAfterTheLinkWasSentIsNotPaidForTheOldTotal()
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
    public async Task AnOrderInAnotherCurrencyIsComparedAtItsOwnRate()
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
    public async Task ClosingStatusesCloseTheSessionAndCancelTheOrderPerSetting(string status, TamaraSessionState expected)
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
    public async Task DeclinedKeepsTheOrderWhenTheSettingIsOff()
    {
        _harness.Settings[0].CancelOrderWhenDeclinedOrExpired = false;
        var (order, session) = _harness.AddPendingOrder();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Status(TamaraOrderStatus.Declined));

        await _harness.NewService().SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);

        Assert.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.Declined));
        Assert.That(_harness.Orders.Get(order.Id).OrderStatus, Is.EqualTo(OrderStatus.Pending));
    }

    [Test]
    public async Task AnOldSessionClosingDoesNotCancelAnOrderThatHasANewerLink()
    {
        var (order, oldSession) = _harness.AddPendingOrder();
        _harness.AddSession(order);
        _harness.TamaraSays(oldSession.TamaraOrderId, SyncHarness.Status(TamaraOrderStatus.Expired));

        await _harness.NewService().SyncAsync(oldSession.TamaraOrderId, TamaraSyncTrigger.Webhook);

        Assert.That(_harness.Session(oldSession.Id).State, Is.EqualTo(TamaraSessionState.Expired));
        Assert.That(_harness.Orders.CancelCalls, Is.Zero);
    }

    [Test]
    public async Task UnknownStatusIsKeptAsTextAndTreatedAsNotPaid()
    {
        var (_, session) = _harness.AddPendingOrder();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Status("on_hold_for_review"));

        var result = await _harness.NewService().SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);

        Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.Waiting));
        Assert.That(_harness.Session(session.Id).TamaraStatus, Is.EqualTo("on_hold_for_review"));
        Assert.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.Pending));
    }

    [Test]
    public async Task TheSameWebhookTwiceMarksPaidOnce()
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
    public async Task ApprovedArrivingAfterTheCaptureChangesNothing()
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
    public async Task ARefundSeenBeforeTheCaptureFirstMarksPaidThenReconciles()
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
    public async Task RefundsAlreadyKnownAreNotReconciledAgain()
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
    public async Task PollAndWebhookRacingAcrossTwoServersMarkPaidExactlyOnce()
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
    public async Task ALockerThatLetsEveryoneInStillMarksPaidOnceOnOneServer()
    {
        var (order, session) = _harness.AddPendingOrder();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Captured());
        var service = _harness.NewService(locker: new Fakes.CheckThenSetLocker());

        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => service.SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Webhook))));

        Assert.That(_harness.Orders.MarkPaidCalls, Is.EqualTo(1));
        Assert.That(_harness.Orders.Get(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
    }

    [Test]
    public async Task AServerThatFindsThePaymentClaimedByAnotherDoesNotMarkPaid()
    {
        var claims = new Fakes.InMemoryRepository<TamaraPaymentClaim>();
        var sessions = new Nop.Plugin.Payments.TamaraInStore.Services.TamaraSessionService(new Fakes.InMemoryRepository<TamaraRefund>(), _harness.Sessions, claims);
        var (order, session) = _harness.AddPendingOrder();
        // created with the session, then taken by the other server of the farm, which is marking the order paid right now
        await claims.InsertAsync(new TamaraPaymentClaim { SessionId = session.Id });
        Assert.That(await sessions.TryClaimPaymentAsync(session.Id), Is.True);
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Captured());
        var thisServer = _harness.NewService(sessionService: sessions);

        var result = await thisServer.SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Webhook);

        Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.AlreadyPaid));
        Assert.That(_harness.Orders.MarkPaidCalls, Is.Zero);
        Assert.That(_harness.Orders.Get(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
    }

    [Test]
    public async Task AFailureWhileMarkingPaidGivesTheClaimBackForTheNextCheck()
    {
        var claims = new Fakes.InMemoryRepository<TamaraPaymentClaim>();
        var sessions = new Nop.Plugin.Payments.TamaraInStore.Services.TamaraSessionService(new Fakes.InMemoryRepository<TamaraRefund>(), _harness.Sessions, claims);
        var (order, session) = _harness.AddPendingOrder();
        await claims.InsertAsync(new TamaraPaymentClaim { SessionId = session.Id });
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Captured());
        var processing = new Mock<Nop.Services.Orders.IOrderProcessingService>();
        processing.Setup(p => p.CanMarkOrderAsPaid(It.IsAny<Order>())).Returns(true);
        processing.Setup(p => p.MarkOrderAsPaidAsync(It.IsAny<Order>())).ThrowsAsync(new InvalidOperationException("database is down"));
        var service = _harness.NewService(orderProcessingService: processing.Object, sessionService: sessions);

        await service.SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);

        Assert.That(claims.Rows, Has.Count.EqualTo(1), "the claim is back");
        Assert.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.Pending));
    }

    [Test]
    public async Task ABusyLockIsGivenUpAfterAFewTries()
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
    public async Task WithinTheGracePeriodANewSessionKeepsWaiting()
    {
        var (_, session) = _harness.AddPendingOrder();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Status(TamaraOrderStatus.New));
        _harness.Time.Advance(TimeSpan.FromMinutes(15) + TamaraInStoreDefaults.ExpiryGracePeriod);

        var result = await _harness.NewService().SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);

        Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.Waiting));
        Assert.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.Pending));
    }

    [Test]
    public async Task PastTheGracePeriodAFinalReadStillSayingNewExpiresTheSession()
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
    public async Task PastTheGracePeriodAFinalReadShowingTheCaptureStillPays()
    {
        var (_, session) = _harness.AddPendingOrder();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Captured());
        _harness.Time.Advance(TimeSpan.FromMinutes(30));

        var result = await _harness.NewService().SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);

        Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.Paid));
        Assert.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.Paid));
    }

    [Test]
    public async Task PastTheGracePeriodWithTamaraUnreachableExpiresTheSession()
    {
        var (_, session) = _harness.AddPendingOrder();
        _harness.TamaraFails(session.TamaraOrderId, SyncHarness.Transient(HttpStatusCode.ServiceUnavailable));
        _harness.Time.Advance(TimeSpan.FromMinutes(20));

        var result = await _harness.NewService().SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);

        Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.Closed));
        Assert.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.Expired));
    }

    [Test]
    public async Task ACaptureArrivingForACancelledOrderNeedsAttentionInsteadOfThrowing()
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
    public async Task ACaptureOnAnOrderPaidByOtherMeansIsADoublePaymentThatNeedsAttention()
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
    public async Task AnOrderMarkedPaidByThisPluginOnAnotherServerIsNotADoublePayment()
    {
        var claims = new Fakes.InMemoryRepository<TamaraPaymentClaim>();
        var sessions = new Nop.Plugin.Payments.TamaraInStore.Services.TamaraSessionService(new Fakes.InMemoryRepository<TamaraRefund>(), _harness.Sessions, claims);
        var (order, session) = _harness.AddPendingOrder();
        // the other server took the claim and marked the order paid; its session update is not visible yet
        var paid = _harness.Orders.Get(order.Id);
        paid.PaymentStatus = PaymentStatus.Paid;
        await _harness.Orders.OrderService.UpdateOrderAsync(paid);
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Captured());

        var result = await _harness.NewService(sessionService: sessions).SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);

        Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.AlreadyPaid));
        Assert.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.Paid));
    }
}
