using Moq;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Staff;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Refunds;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Sync;

/// <summary>
/// An order whose total was edited by 0.05 after the link was sent: Tamara captured the old total, the session needs
/// attention, and staff leave that state by accepting the capture or by refunding it at Tamara
/// </summary>
public class NeedsAttentionExitTests
{
    private SyncHarness _harness;
    private TamaraRefundService _refunds;
    private TamaraOrderSyncService _sync;
    private TamaraNeedsAttentionService _exits;
    private TamaraOrder _atTamara;
    private Nop.Core.Domain.Orders.Order _order;
    private TamaraSession _session;

    [SetUp]
    public async Task SetUp()
    {
        _harness = new SyncHarness();
        _refunds = _harness.NewRefundService();
        _sync = _harness.NewService(refundService: _refunds);
        _exits = new TamaraNeedsAttentionService(_harness.NoteWriter, _harness.English.Object, _harness.Locker, _harness.Logger.Object,
            _harness.Orders.OrderProcessingService, _harness.Orders.OrderService, _harness.SettingService.Object,
            _harness.Client.Object, _harness.NewOrderPayment(), _refunds, _harness.SessionService, _harness.Time);

        (_order, _session) = _harness.AddPendingOrder(amount: 300m);
        _order.OrderTotal = 300.05m;
        _harness.Orders.OrderService.UpdateOrderAsync(_order).Wait();
        _atTamara = SyncHarness.Captured(300m);
        _harness.TamaraSays(_session.TamaraOrderId, _atTamara);
        _harness.Client.Setup(client => client.SimplifiedRefundAsync(It.IsAny<TamaraInStoreSettings>(), _session.TamaraOrderId, It.IsAny<SimplifiedRefundRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((TamaraInStoreSettings _, string _, SimplifiedRefundRequest request, CancellationToken _) => RefundAtTamara(request.TotalAmount.Amount, request.MerchantRefundId));

        var result = await _sync.SyncAsync(_session.TamaraOrderId, TamaraSyncTrigger.Webhook);
        Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.NeedsAttention));
    }

    private SimplifiedRefundResponse RefundAtTamara(decimal amount, string merchantRefundId = null)
    {
        var refundId = $"refund-{_atTamara.Transactions.Refunds.Count + 1}";
        _atTamara.Transactions.Refunds.Add(new TamaraRefundTransaction
        {
            RefundId = refundId, CaptureId = "capture-1", MerchantRefundId = merchantRefundId, TotalAmount = new TamaraMoney(amount, "SAR")
        });
        _atTamara.RefundedAmount = new TamaraMoney(_atTamara.RefundedAmount.Amount + amount, "SAR");
        _atTamara.Status = _atTamara.RefundedAmount.Amount >= _atTamara.CapturedAmount.Amount ? TamaraOrderStatus.FullyRefunded : TamaraOrderStatus.PartiallyRefunded;
        return new SimplifiedRefundResponse { RefundId = refundId, CaptureId = "capture-1", Status = _atTamara.Status, RefundedAmount = new TamaraMoney(amount, "SAR") };
    }

    private void VerifyTamaraRefunds(decimal amount, int times) =>
        _harness.Client.Verify(client => client.SimplifiedRefundAsync(It.IsAny<TamaraInStoreSettings>(), _session.TamaraOrderId,
            It.Is<SimplifiedRefundRequest>(request => request.TotalAmount.Amount == amount), It.IsAny<CancellationToken>()), Times.Exactly(times));

    private Nop.Core.Domain.Orders.Order Order => _harness.Orders.Get(_order.Id);

    [Test]
    public async Task Accepting_the_capture_marks_the_order_paid_with_a_note_of_the_difference_and_refunds_then_work_as_for_any_paid_order()
    {
        var accepted = await _exits.AcceptCaptureAsync(Order, _harness.Session(_session.Id));

        Assert.Multiple(() =>
        {
            Assert.That(accepted.Success, Is.True, accepted.Message);
            Assert.That(accepted.OrderChanged, Is.True);
            Assert.That(Order.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(_harness.Orders.MarkPaidCalls, Is.EqualTo(1));
            Assert.That(_harness.Session(_session.Id).State, Is.EqualTo(TamaraSessionState.Paid));
            Assert.That(_harness.Orders.NotesOf(_order.Id).Select(note => note.Note),
                Has.Some.Contains("accepted the 300.00 SAR Tamara captured").And.Contains("the order total is 300.05 SAR, a difference of -0.05 SAR"));
        });

        // a refund made in Tamara's portal is picked up by the next sync (here, Tamara's notification)
        RefundAtTamara(50m);
        await _sync.SyncAsync(_session.TamaraOrderId, TamaraSyncTrigger.Webhook);
        Assert.That(Order.RefundedAmount, Is.EqualTo(50m));
        Assert.That(Order.PaymentStatus, Is.EqualTo(PaymentStatus.PartiallyRefunded));

        // refunding the rest from nopCommerce sends exactly what Tamara still holds
        var rest = await _harness.Orders.RefundFromAdminAsync(_order.Id, 250.05m, isPartialRefund: true, _refunds.RefundAsync);

        Assert.That(rest.Success, Is.True, string.Join("; ", rest.Errors));
        VerifyTamaraRefunds(250m, times: 1);
        Assert.That(Order.PaymentStatus, Is.EqualTo(PaymentStatus.Refunded));
        Assert.That(_atTamara.Status, Is.EqualTo(TamaraOrderStatus.FullyRefunded));
    }

    [Test]
    public async Task An_order_already_paid_by_other_means_is_not_accepted_twice()
    {
        var paidInCash = Order;
        paidInCash.PaymentStatus = PaymentStatus.Paid;
        await _harness.Orders.OrderService.UpdateOrderAsync(paidInCash);

        var accepted = await _exits.AcceptCaptureAsync(Order, _harness.Session(_session.Id));

        Assert.Multiple(() =>
        {
            Assert.That(accepted.Success, Is.False);
            Assert.That(accepted.Message, Does.StartWith("The order is already paid by other means"));
            Assert.That(_harness.Session(_session.Id).State, Is.EqualTo(TamaraSessionState.NeedsAttention));
            Assert.That(_harness.Orders.MarkPaidCalls, Is.Zero);
        });
    }

    [Test]
    public async Task Refunding_the_capture_closes_the_session_leaves_the_order_alone_and_later_news_does_not_reopen_it()
    {
        var refunded = await _exits.RefundCaptureAsync(Order, _harness.Session(_session.Id));

        Assert.Multiple(() =>
        {
            Assert.That(refunded.Success, Is.True, refunded.Message);
            Assert.That(_harness.Session(_session.Id).State, Is.EqualTo(TamaraSessionState.Refunded));
            Assert.That(Order.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
            Assert.That(Order.RefundedAmount, Is.Zero);
            Assert.That(_harness.Refunds.Rows.Single().State, Is.EqualTo(TamaraRefundState.Succeeded));
        });
        VerifyTamaraRefunds(300m, times: 1);

        // Tamara's order_refunded notification: the session stays closed and nothing needs attention again
        var notesBefore = _harness.Orders.NotesOf(_order.Id).Count;
        var later = await _sync.SyncAsync(_session.TamaraOrderId, TamaraSyncTrigger.Webhook);
        var again = await _exits.RefundCaptureAsync(Order, _harness.Session(_session.Id));

        Assert.Multiple(() =>
        {
            Assert.That(later.Outcome, Is.EqualTo(TamaraSyncOutcome.Closed));
            Assert.That(_harness.Session(_session.Id).State, Is.EqualTo(TamaraSessionState.Refunded));
            Assert.That(_harness.Orders.NotesOf(_order.Id), Has.Count.EqualTo(notesBefore));
            Assert.That(again.Success, Is.False);
        });
        VerifyTamaraRefunds(300m, times: 1);
    }

    [Test]
    public async Task A_refund_of_the_capture_whose_answer_is_lost_is_never_sent_twice()
    {
        _harness.Client.Setup(client => client.SimplifiedRefundAsync(It.IsAny<TamaraInStoreSettings>(), _session.TamaraOrderId, It.IsAny<SimplifiedRefundRequest>(), It.IsAny<CancellationToken>()))
            .Callback((TamaraInStoreSettings _, string _, SimplifiedRefundRequest request, CancellationToken _) => _atTamara.Processing = true)
            .ThrowsAsync(new Services.Api.TamaraApiException("timed out", null, "POST /payments/simplified-refund", isTransient: true, kind: Services.Api.TamaraErrorKind.Timeout));

        var first = await _exits.RefundCaptureAsync(Order, _harness.Session(_session.Id));
        _harness.Time.Advance(TamaraRefundService.UnconfirmedRefundGracePeriod + TimeSpan.FromMinutes(1));
        var second = await _exits.RefundCaptureAsync(Order, _harness.Session(_session.Id));

        Assert.Multiple(() =>
        {
            Assert.That(first.Success, Is.False);
            Assert.That(second.Success, Is.False, "Tamara is still processing the first one");
            Assert.That(_harness.Session(_session.Id).State, Is.EqualTo(TamaraSessionState.NeedsAttention));
        });
        VerifyTamaraRefunds(300m, times: 1);

        // Tamara shows it: the next click completes it without a second refund
        _atTamara.Processing = false;
        RefundAtTamara(300m);
        var third = await _exits.RefundCaptureAsync(Order, _harness.Session(_session.Id));

        Assert.That(third.Success, Is.True, third.Message);
        Assert.That(_harness.Session(_session.Id).State, Is.EqualTo(TamaraSessionState.Refunded));
        VerifyTamaraRefunds(300m, times: 1);
    }
}
