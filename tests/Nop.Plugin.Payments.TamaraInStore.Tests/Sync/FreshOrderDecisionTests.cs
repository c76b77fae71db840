using Moq;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Staff;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Sync;

/// <summary>
/// What happens to the order while Tamara is being read (up to minutes with retries) decides: the order and its payment
/// claim are read again once Tamara answered, for the sync and for staff accepting Tamara's payment alike
/// </summary>
public class FreshOrderDecisionTests
{
    private SyncHarness _harness;

    [SetUp]
    public void SetUp() => _harness = new SyncHarness();

    private Task MarkPaidByClerkAsync(int orderId) =>
        _harness.Orders.OrderProcessingService.MarkOrderAsPaidAsync(_harness.Orders.Get(orderId));

    [Test]
    public async Task Cash_marked_paid_while_tamara_is_read_makes_the_capture_a_double_payment()
    {
        var (order, session) = _harness.AddPendingOrder();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Captured());
        _harness.DuringNextRead(session.TamaraOrderId, () => MarkPaidByClerkAsync(order.Id));

        var result = await _harness.NewService().SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Webhook);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.NeedsAttention));
            Assert.That(_harness.Orders.MarkPaidCalls, Is.EqualTo(1), "only the clerk's");
            Assert.That(_harness.Session(session.Id).LastError, Does.Contain("DOUBLE PAYMENT"));
            Assert.That(_harness.PaymentClaims.Rows, Is.Empty);
        });
    }

    [Test]
    public async Task An_order_cancelled_while_tamara_is_read_stays_cancelled_and_the_capture_needs_attention()
    {
        var (order, session) = _harness.AddPendingOrder();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Captured());
        _harness.DuringNextRead(session.TamaraOrderId, () => _harness.Orders.OrderProcessingService.CancelOrderAsync(_harness.Orders.Get(order.Id), false));

        var result = await _harness.NewService().SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);

        var saved = _harness.Orders.Get(order.Id);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.NeedsAttention));
            Assert.That(saved.OrderStatus, Is.EqualTo(OrderStatus.Cancelled), "the cancellation (stock returned) is not undone");
            Assert.That(saved.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
            Assert.That(_harness.Orders.MarkPaidCalls, Is.Zero);
            Assert.That(_harness.Session(session.Id).LastError, Does.Contain("Cancelled"));
        });
    }

    [Test]
    public async Task A_second_link_paid_while_the_first_is_read_makes_one_payment_and_one_double_payment()
    {
        var (order, first) = _harness.AddPendingOrder();
        var second = _harness.AddSession(_harness.Orders.Get(order.Id));
        _harness.TamaraSays(first.TamaraOrderId, SyncHarness.Captured());
        _harness.TamaraSays(second.TamaraOrderId, SyncHarness.Captured());
        // another worker (another lock: another Tamara order) checks the second link meanwhile
        _harness.DuringNextRead(first.TamaraOrderId, () => _harness.NewService().SyncAsync(second.TamaraOrderId, TamaraSyncTrigger.Poll));

        var result = await _harness.NewService().SyncAsync(first.TamaraOrderId, TamaraSyncTrigger.Poll);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.NeedsAttention));
            Assert.That(_harness.Orders.MarkPaidCalls, Is.EqualTo(1));
            Assert.That(_harness.Session(second.Id).State, Is.EqualTo(TamaraSessionState.Paid));
            Assert.That(_harness.Session(first.Id).LastError, Does.Contain("DOUBLE PAYMENT"));
            Assert.That(_harness.PaymentClaims.Rows.Single().SessionId, Is.EqualTo(second.Id));
        });
    }

    [Test]
    public async Task Two_links_of_one_order_that_both_pass_every_check_on_two_servers_mark_it_paid_once()
    {
        var (order, first) = _harness.AddPendingOrder();
        var second = _harness.AddSession(_harness.Orders.Get(order.Id));
        _harness.TamaraSays(first.TamaraOrderId, SyncHarness.Captured());
        _harness.TamaraSays(second.TamaraOrderId, SyncHarness.Captured());
        // both servers read the order Pending; the second server claims and marks it just before the first claims
        var secondServer = _harness.NewService(locker: new Fakes.InMemoryLocker());
        _harness.PaymentClaims.BeforeNextInsert = () => secondServer.SyncAsync(second.TamaraOrderId, TamaraSyncTrigger.Webhook).GetAwaiter().GetResult();

        var result = await _harness.NewService().SyncAsync(first.TamaraOrderId, TamaraSyncTrigger.Webhook);

        Assert.Multiple(() =>
        {
            Assert.That(_harness.Orders.MarkPaidCalls, Is.EqualTo(1));
            Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.NeedsAttention));
            Assert.That(_harness.Session(first.Id).LastError, Does.Contain("DOUBLE PAYMENT"));
            Assert.That(_harness.Session(second.Id).State, Is.EqualTo(TamaraSessionState.Paid));
        });
    }

    [Test]
    public async Task Accepting_tamaras_payment_checks_the_order_as_it_is_once_tamara_answered()
    {
        var (order, session) = _harness.AddPendingOrder(amount: 300m);
        var edited = _harness.Orders.Get(order.Id);
        edited.OrderTotal = 310m;
        await _harness.Orders.OrderService.UpdateOrderAsync(edited);
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Captured(300m));
        await _harness.NewService().SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Webhook);
        Assert.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.NeedsAttention));
        var accept = new TamaraNeedsAttentionService(_harness.NoteWriter, _harness.English.Object, _harness.Locker, _harness.Logger.Object,
            _harness.Orders.OrderProcessingService, _harness.Orders.OrderService, _harness.SettingService.Object,
            _harness.Client.Object, _harness.NewOrderPayment(), _harness.NewRefundService(), _harness.SessionService, _harness.Time);
        // the clerk takes the difference in cash and marks the order paid while the staff member's accept reads Tamara
        _harness.DuringNextRead(session.TamaraOrderId, () => MarkPaidByClerkAsync(order.Id));

        var accepted = await accept.AcceptCaptureAsync(_harness.Orders.Get(order.Id), _harness.Session(session.Id));

        Assert.Multiple(() =>
        {
            Assert.That(accepted.Success, Is.False);
            Assert.That(accepted.Message, Does.StartWith("The order is already paid by other means"));
            Assert.That(_harness.Orders.MarkPaidCalls, Is.EqualTo(1), "only the clerk's");
            Assert.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.NeedsAttention));
        });
    }
}
