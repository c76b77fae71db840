using Moq;
using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Vendors;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Staff;
using Nop.Services.Security;
using static Nop.Plugin.Payments.TamaraInStore.Services.Staff.TamaraOrderAction;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Staff;

/// <summary>The one table of what staff may do, by the newest session's state and the order's</summary>
public class TamaraStaffPolicyTests
{
    private static IEnumerable<TestCaseData> Table()
    {
        TestCaseData Case(TamaraSessionState state, bool hasTamaraOrder, bool orderOpen, bool doublePaid, params TamaraOrderAction[] actions) =>
            new TestCaseData(new TamaraStaffSituation(state, hasTamaraOrder, orderOpen, doublePaid), actions)
                .SetArgDisplayNames($"{state}{(hasTamaraOrder ? "" : ",no Tamara order")}{(orderOpen ? ",order open" : ",order closed")}{(doublePaid ? ",double paid" : "")}");

        yield return Case(TamaraSessionState.Pending, true, true, false, CheckNow, TamaraOrderAction.Void, SendNewLink);
        yield return Case(TamaraSessionState.Pending, false, true, false, TamaraOrderAction.Void, SendNewLink);
        yield return Case(TamaraSessionState.Pending, true, false, false, CheckNow, TamaraOrderAction.Void);
        yield return Case(TamaraSessionState.Expired, true, true, false, CheckNow, SendNewLink);
        yield return Case(TamaraSessionState.Declined, true, true, false, CheckNow, SendNewLink);
        yield return Case(TamaraSessionState.Canceled, true, true, false, CheckNow, SendNewLink);
        yield return Case(TamaraSessionState.Refunded, true, true, false, CheckNow, SendNewLink);
        yield return Case(TamaraSessionState.Expired, true, false, false, CheckNow);
        yield return Case(TamaraSessionState.Paid, true, false, false, CheckNow);
        yield return Case(TamaraSessionState.NeedsAttention, true, true, false, CheckNow, AcceptCapture, RefundCapture);
        yield return Case(TamaraSessionState.NeedsAttention, true, false, true, CheckNow, RefundCapture, RefundDoublePayment);
        yield return Case(TamaraSessionState.Paid, true, false, true, CheckNow, RefundDoublePayment);
    }

    [TestCaseSource(nameof(Table))]
    public void Each_situation_allows_exactly_its_actions(TamaraStaffSituation situation, TamaraOrderAction[] expected)
    {
        Assert.That(TamaraStaffPolicy.AllowedActions(situation), Is.EqualTo(expected));
        Assert.That(Enum.GetValues<TamaraOrderAction>().Where(action => TamaraStaffPolicy.Allows(action, situation)), Is.EqualTo(expected));
    }

    [TestCase(OrderStatus.Pending, Nop.Core.Domain.Payments.PaymentStatus.Pending, true)]
    [TestCase(OrderStatus.Processing, Nop.Core.Domain.Payments.PaymentStatus.Pending, true)]
    [TestCase(OrderStatus.Cancelled, Nop.Core.Domain.Payments.PaymentStatus.Pending, false)]
    [TestCase(OrderStatus.Processing, Nop.Core.Domain.Payments.PaymentStatus.Paid, false)]
    [TestCase(OrderStatus.Pending, Nop.Core.Domain.Payments.PaymentStatus.Authorized, false)]
    public void An_order_is_open_while_it_waits_for_its_payment_and_is_not_cancelled(OrderStatus orderStatus,
        Nop.Core.Domain.Payments.PaymentStatus paymentStatus, bool open) =>
        Assert.That(TamaraStaffSituation.IsOpen(orderStatus, paymentStatus), Is.EqualTo(open));

    [TestCase("Payments.TamaraInStore", true)]
    [TestCase("payments.tamarainstore", true)]
    [TestCase("Payments.CheckMoneyOrder", false)]
    [TestCase(null, false)]
    public void A_tamara_order_is_one_placed_with_the_plugin(string paymentMethod, bool ours) =>
        Assert.That(TamaraStaffPolicy.IsTamaraOrder(new Order { PaymentMethodSystemName = paymentMethod }), Is.EqualTo(ours));

    [Test]
    public void No_order_is_not_a_tamara_order() => Assert.That(TamaraStaffPolicy.IsTamaraOrder(null), Is.False);

    [TestCase(true, true, false, true, true)]
    [TestCase(true, false, false, true, false)]
    [TestCase(false, false, false, false, false)]
    [TestCase(true, true, true, false, false)]
    public async Task Who_may_see_and_act(bool mayViewOrders, bool mayEditOrders, bool isVendor, bool maySee, bool mayAct)
    {
        var permissions = new Mock<IPermissionService>();
        permissions.Setup(service => service.AuthorizeAsync(StandardPermission.Orders.ORDERS_VIEW)).ReturnsAsync(mayViewOrders);
        permissions.Setup(service => service.AuthorizeAsync(StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE)).ReturnsAsync(mayEditOrders);
        var workContext = new Mock<IWorkContext>();
        workContext.Setup(context => context.GetCurrentVendorAsync()).ReturnsAsync(isVendor ? new Vendor { Id = 4 } : null);
        var policy = new TamaraStaffPolicy(permissions.Object, workContext.Object);

        Assert.That((await policy.MaySeeAsync(), await policy.MayActAsync()), Is.EqualTo((maySee, mayAct)));
    }
}
