using Moq;
using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Core.Domain.Stores;
using Nop.Data;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Factories;
using Nop.Plugin.Payments.TamaraInStore.Models.Operations;
using Nop.Plugin.Payments.TamaraInStore.Services.Checkout;
using Nop.Plugin.Payments.TamaraInStore.Services.Operations;
using Nop.Plugin.Payments.TamaraInStore.Services.Reconciliation;
using Nop.Plugin.Payments.TamaraInStore.Services.Staff;
using Nop.Plugin.Payments.TamaraInStore.Tests.Fakes;
using Nop.Plugin.Payments.TamaraInStore.Tests.Sync;
using Nop.Services.Helpers;
using Nop.Services.Stores;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Staff;

/// <summary>
/// The order card, the operations grid and the action service answer "which actions" from the same policy: the same
/// session offers the same buttons in both places, and a posted action the policy does not allow is refused
/// </summary>
public class StaffActionsAgreeTests
{
    private static IEnumerable<TestCaseData> Situations()
    {
        var orders = new (OrderStatus, PaymentStatus)[]
        {
            (OrderStatus.Pending, PaymentStatus.Pending), (OrderStatus.Cancelled, PaymentStatus.Pending), (OrderStatus.Processing, PaymentStatus.Paid)
        };
        // a link Tamara never created is not the order's session: the card shows the one before it
        foreach (var state in Enum.GetValues<TamaraSessionState>().Where(state => state != TamaraSessionState.NotCreated))
            foreach (var (orderStatus, paymentStatus) in orders)
                yield return new TestCaseData(state, orderStatus, paymentStatus);
    }

    [TestCaseSource(nameof(Situations))]
    public async Task The_card_and_the_grid_offer_the_same_actions_for_the_same_session(TamaraSessionState state, OrderStatus orderStatus, PaymentStatus paymentStatus)
    {
        var harness = new SyncHarness();
        var (order, session) = harness.AddPendingOrder();
        order.OrderStatus = orderStatus;
        order.PaymentStatus = paymentStatus;
        harness.Orders.Add(order);
        session.State = state;
        session.CapturedAmount = state is TamaraSessionState.Paid or TamaraSessionState.NeedsAttention or TamaraSessionState.Refunded ? 300m : 0m;
        session.RefundedAmount = state == TamaraSessionState.Refunded ? 300m : 0m;
        await harness.SessionService.UpdateSessionAsync(session);

        var card = await NewCardFactory(harness).PrepareOrderBlockModelAsync(harness.Orders.Get(order.Id));
        var grid = await NewGridFactory(harness, harness.Orders.Get(order.Id)).PrepareListModelAsync(new OperationsSearchModel { Start = 0, Length = 10 });

        var row = grid.Data.Single();
        Assert.That(row.Actions, Is.EqualTo(card.Actions.Select(action => action.ToString())));
        Assert.That(card.Actions, Is.Not.Empty, "every session offers at least a check");
    }

    [Test]
    public async Task An_expired_link_of_an_unpaid_order_offers_a_new_link_in_the_grid_as_on_the_card()
    {
        var harness = new SyncHarness();
        var (order, session) = harness.AddPendingOrder();
        session.State = TamaraSessionState.Expired;
        await harness.SessionService.UpdateSessionAsync(session);

        var grid = await NewGridFactory(harness, order).PrepareListModelAsync(new OperationsSearchModel { Start = 0, Length = 10 });

        Assert.That(grid.Data.Single().Actions, Does.Contain(nameof(TamaraOrderAction.SendNewLink)));
    }

    [Test]
    public async Task Only_the_newest_link_of_an_order_offers_actions_in_the_grid()
    {
        var harness = new SyncHarness();
        var (order, first) = harness.AddPendingOrder();
        first.State = TamaraSessionState.Canceled;
        await harness.SessionService.UpdateSessionAsync(first);
        var second = harness.AddSession(order);

        var grid = await NewGridFactory(harness, order).PrepareListModelAsync(new OperationsSearchModel { Start = 0, Length = 10 });

        Assert.That(grid.Data.Single(row => row.SessionId == first.Id).Actions, Is.Empty, "the actions act on the newest link");
        Assert.That(grid.Data.Single(row => row.SessionId == second.Id).Actions, Is.EqualTo(new[] { "CheckNow", "Void", "SendNewLink" }));
    }

    [Test]
    public async Task Without_the_right_to_edit_orders_the_grid_offers_no_action()
    {
        var harness = new SyncHarness();
        var (order, _) = harness.AddPendingOrder();
        var permissions = new Mock<Nop.Services.Security.IPermissionService>();
        permissions.Setup(service => service.AuthorizeAsync(Nop.Services.Security.StandardPermission.Orders.ORDERS_VIEW)).ReturnsAsync(true);

        var grid = await NewGridFactory(harness, order, permissions.Object).PrepareListModelAsync(new OperationsSearchModel { Start = 0, Length = 10 });

        Assert.That(grid.Data.Single().Actions, Is.Empty);
    }

    [Test]
    public async Task An_action_the_card_does_not_offer_is_refused_when_posted_anyway()
    {
        // Tamara captured the whole amount, the session needs attention, and the order is authorized rather than
        // waiting for its payment: the card offers no "accept", so a posted one must not mark the order paid
        var harness = new SyncHarness();
        var (order, session) = harness.AddPendingOrder();
        order.PaymentStatus = PaymentStatus.Authorized;
        harness.Orders.Add(order);
        session.State = TamaraSessionState.NeedsAttention;
        session.CapturedAmount = 300m;
        await harness.SessionService.UpdateSessionAsync(session);
        harness.TamaraSays(session.TamaraOrderId, SyncHarness.Captured(300m));
        var refunds = harness.NewRefundService();
        var needsAttention = new TamaraNeedsAttentionService(harness.NoteWriter, harness.English.Object, harness.Locker, harness.Logger.Object,
            harness.Orders.OrderProcessingService, harness.Orders.OrderService, harness.SettingService.Object, harness.Client.Object, harness.NewOrderPayment(), refunds,
            harness.SessionService, harness.Time);

        var outcome = await TamaraInStoreOrderControllerTests.NewActionService(harness, new Mock<IWorkContext>().Object, null, needsAttentionService: needsAttention)
            .RunAsync(TamaraOrderAction.AcceptCapture, order.Id);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Success, Is.False);
            Assert.That(outcome.Message, Is.EqualTo("Plugins.Payments.TamaraInStore.OrderBlock.Result.NotAllowed"));
            Assert.That(harness.Orders.MarkPaidCalls, Is.Zero);
            Assert.That(harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.NeedsAttention));
        });
    }

    private static TamaraOrderBlockModelFactory NewCardFactory(SyncHarness harness)
    {
        var dates = new Mock<IDateTimeHelper>();
        dates.Setup(helper => helper.ConvertToUserTimeAsync(It.IsAny<DateTime>(), It.IsAny<DateTimeKind>())).ReturnsAsync((DateTime value, DateTimeKind _) => value);
        return new TamaraOrderBlockModelFactory(dates.Object, harness.English.Object, new QrCodeService(), harness.NoteWriter, harness.SessionService,
            TamaraInStoreOrderControllerTests.NewPolicy(new Mock<IWorkContext>().Object), harness.Time);
    }

    private static TamaraOperationsModelFactory NewGridFactory(SyncHarness harness, Order order, Nop.Services.Security.IPermissionService permissions = null)
    {
        var dates = new Mock<IDateTimeHelper>();
        dates.Setup(helper => helper.GetCurrentTimeZoneAsync()).ReturnsAsync(TimeZoneInfo.Utc);
        dates.Setup(helper => helper.ConvertToUserTimeAsync(It.IsAny<DateTime>(), It.IsAny<DateTimeKind>())).ReturnsAsync((DateTime value, DateTimeKind _) => value);
        var stores = new Mock<IStoreService>();
        stores.Setup(service => service.GetAllStoresAsync()).ReturnsAsync(new List<Store> { new() { Id = 1, Name = "Riyadh" } });
        var orders = new Mock<IRepository<Order>>();
        orders.Setup(repository => repository.Table).Returns(() => new[] { order }.AsQueryable());

        return new TamaraOperationsModelFactory(dates.Object, harness.English.Object, stores.Object, new Mock<ITamaraReconciliationService>().Object,
            new TamaraOperationsFigures(harness.Refunds, harness.Sessions), new TamaraOperationsQuery(orders.Object, harness.Sessions),
            TamaraInStoreOrderControllerTests.NewPolicy(new Mock<IWorkContext>().Object, permissions), harness.Time);
    }
}
