using Moq;
using Nop.Core;
using Nop.Core.Domain.Vendors;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Staff;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;
using Nop.Plugin.Payments.TamaraInStore.Tests.Sync;
using Nop.Services.Security;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Operations;

/// <summary>The order card's actions on a selection of orders: an outcome per order, refusals without stopping the rest</summary>
public class BulkActionTests
{
    private SyncHarness _harness;
    private Mock<IWorkContext> _workContext;
    private Mock<IPermissionService> _permissions;

    [SetUp]
    public void SetUp()
    {
        _harness = new SyncHarness();
        _workContext = new Mock<IWorkContext>();
        _permissions = new Mock<IPermissionService>();
        _permissions.Setup(service => service.AuthorizeAsync(It.IsAny<string>())).ReturnsAsync(true);
    }

    private TamaraOrderActionService NewService() =>
        TamaraInStoreOrderControllerTests.NewActionService(_harness, _workContext.Object, null, _permissions.Object);

    [Test]
    public async Task Each_order_gets_its_own_outcome_and_a_failure_does_not_stop_the_rest()
    {
        var (paid, paidSession) = _harness.AddPendingOrder();
        var (unreachable, unreachableSession) = _harness.AddPendingOrder();
        var (waiting, waitingSession) = _harness.AddPendingOrder();
        _harness.TamaraSays(paidSession.TamaraOrderId, SyncHarness.Captured());
        _harness.TamaraFails(unreachableSession.TamaraOrderId, SyncHarness.Transient(System.Net.HttpStatusCode.ServiceUnavailable));
        _harness.TamaraSays(waitingSession.TamaraOrderId, SyncHarness.Status(TamaraOrderStatus.New));

        var outcomes = await NewService().RunForOrdersAsync(TamaraOrderAction.CheckNow, [paid.Id, unreachable.Id, 99999, waiting.Id]);

        Assert.That(outcomes.Select(outcome => (outcome.OrderId, outcome.Success)),
            Is.EqualTo(new[] { (paid.Id, true), (unreachable.Id, false), (99999, false), (waiting.Id, true) }));
        Assert.That(outcomes[0].Message, Does.EndWith("Check.Paid"));
        Assert.That(outcomes[2].Message, Does.EndWith("Result.NoSession"));
        Assert.That(_harness.Orders.Get(paid.Id).PaymentStatus, Is.EqualTo(Nop.Core.Domain.Payments.PaymentStatus.Paid));
        _harness.Client.Verify(client => client.GetOrderAsync(It.IsAny<TamaraInStoreSettings>(), waitingSession.TamaraOrderId, It.IsAny<CancellationToken>()), Times.AtLeastOnce,
            "the order after the failures was still checked");
    }

    [Test]
    public async Task An_exception_in_one_order_is_reported_for_it_alone()
    {
        var (first, firstSession) = _harness.AddPendingOrder();
        var (second, secondSession) = _harness.AddPendingOrder();
        _harness.Client.Setup(client => client.GetOrderAsync(It.IsAny<TamaraInStoreSettings>(), firstSession.TamaraOrderId, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("boom"));
        _harness.TamaraSays(secondSession.TamaraOrderId, SyncHarness.Captured());

        var outcomes = await NewService().RunForOrdersAsync(TamaraOrderAction.CheckNow, [first.Id, second.Id]);

        Assert.That(outcomes.Select(outcome => (outcome.OrderId, outcome.Success)), Is.EqualTo(new[] { (first.Id, false), (second.Id, true) }));
    }

    [Test]
    public async Task Without_the_right_to_edit_orders_nothing_is_done()
    {
        var (first, _) = _harness.AddPendingOrder();
        var (second, _) = _harness.AddPendingOrder();
        _permissions.Setup(service => service.AuthorizeAsync(StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE)).ReturnsAsync(false);

        var outcomes = await NewService().RunForOrdersAsync(TamaraOrderAction.Void, [first.Id, second.Id]);

        Assert.That(outcomes.Select(outcome => (outcome.OrderId, outcome.Success, outcome.Message)), Is.EqualTo(new[]
        {
            (first.Id, false, "Plugins.Payments.TamaraInStore.OrderBlock.Result.AccessDenied"),
            (second.Id, false, "Plugins.Payments.TamaraInStore.OrderBlock.Result.AccessDenied")
        }));
        _harness.Client.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Vendors_are_refused()
    {
        var (order, _) = _harness.AddPendingOrder();
        _workContext.Setup(context => context.GetCurrentVendorAsync()).ReturnsAsync(new Vendor { Id = 3 });

        var outcomes = await NewService().RunForOrdersAsync(TamaraOrderAction.CheckNow, [order.Id]);

        Assert.That(outcomes.Single().Success, Is.False);
        Assert.That(outcomes.Single().Message, Does.EndWith("Result.AccessDenied"));
        _harness.Client.VerifyNoOtherCalls();
    }

    [Test]
    public async Task A_row_action_without_the_right_is_refused_too()
    {
        var (order, _) = _harness.AddPendingOrder();
        _permissions.Setup(service => service.AuthorizeAsync(StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE)).ReturnsAsync(false);

        var outcome = await NewService().RunAsync(TamaraOrderAction.CheckNow, order.Id);

        Assert.That(outcome.Success, Is.False);
        _harness.Client.VerifyNoOtherCalls();
    }

    [Test]
    public async Task The_same_order_selected_twice_is_acted_on_once()
    {
        var (order, session) = _harness.AddPendingOrder();
        _harness.Client.Setup(client => client.VoidCheckoutSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new VoidCheckoutSessionResponse { OrderWasVoided = true });
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Status(TamaraOrderStatus.New));

        var outcomes = await NewService().RunForOrdersAsync(TamaraOrderAction.Void, [order.Id, order.Id]);

        Assert.That(outcomes, Has.Count.EqualTo(1));
        Assert.That(outcomes[0].Success, Is.True, outcomes[0].Message);
    }

    [Test]
    public async Task Accepting_a_selection_takes_only_payments_that_cover_the_order_total_and_tells_each_difference()
    {
        var (short_, shortSession) = _harness.AddPendingOrder(amount: 300m);
        var edited = _harness.Orders.Get(short_.Id);
        edited.OrderTotal = 310m;
        await _harness.Orders.OrderService.UpdateOrderAsync(edited);
        _harness.TamaraSays(shortSession.TamaraOrderId, SyncHarness.Captured(300m));
        // the link asked for less than the order total, Tamara captured the total: covered
        var (covered, coveredSession) = _harness.AddPendingOrder(amount: 300m);
        var asked = _harness.Session(coveredSession.Id);
        asked.Amount = 290m;
        await _harness.SessionService.UpdateSessionAsync(asked);
        _harness.TamaraSays(coveredSession.TamaraOrderId, SyncHarness.Captured(300m));
        var sync = _harness.NewService();
        await sync.SyncAsync(shortSession.TamaraOrderId, TamaraSyncTrigger.Poll);
        await sync.SyncAsync(coveredSession.TamaraOrderId, TamaraSyncTrigger.Poll);
        var accept = new TamaraNeedsAttentionService(_harness.NoteWriter, _harness.English.Object, _harness.Locker, _harness.Logger.Object,
            _harness.Orders.OrderProcessingService, _harness.Orders.OrderService, _harness.SettingService.Object,
            _harness.Client.Object, _harness.NewOrderPayment(), _harness.NewRefundService(), _harness.SessionService, _harness.Time);
        var service = TamaraInStoreOrderControllerTests.NewActionService(_harness, _workContext.Object, null, _permissions.Object, accept);

        var outcomes = await service.RunForOrdersAsync(TamaraOrderAction.AcceptCapture, [short_.Id, covered.Id]);

        Assert.Multiple(() =>
        {
            Assert.That(outcomes.Select(outcome => (outcome.OrderId, outcome.Success)), Is.EqualTo(new[] { (short_.Id, false), (covered.Id, true) }));
            Assert.That(outcomes[0].Message, Does.Contain("10.00 SAR less than the order total of 310.00 SAR"));
            Assert.That(_harness.Orders.Get(short_.Id).PaymentStatus, Is.EqualTo(Nop.Core.Domain.Payments.PaymentStatus.Pending));
            Assert.That(_harness.Orders.Get(covered.Id).PaymentStatus, Is.EqualTo(Nop.Core.Domain.Payments.PaymentStatus.Paid));
            Assert.That(_harness.PaymentClaims.Rows.Select(claim => claim.OrderId), Is.EqualTo(new[] { covered.Id }));
        });
    }
}
