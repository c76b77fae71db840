using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Moq;
using Nop.Core;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Controllers;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Factories;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Staff;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Refunds;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;
using Nop.Services.Helpers;
using Nop.Services.Localization;
using Nop.Services.Security;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Sync;

/// <summary>A Tamara payment on an order paid by other means is shown in the order block, which refunds it once</summary>
public class DoublePaymentRefundTests
{
    private SyncHarness _harness;
    private Mock<ILocalizationService> _localization;

    [SetUp]
    public void SetUp()
    {
        _harness = new SyncHarness();
        _localization = new Mock<ILocalizationService>();
        _localization.Setup(service => service.GetResourceAsync(It.IsAny<string>())).ReturnsAsync((string key) => key);
        _harness.Client.Setup(client => client.SimplifiedRefundAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<SimplifiedRefundRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SimplifiedRefundResponse { RefundId = "refund-1", Status = "fully_refunded" });
    }

    private TamaraDoublePaymentRefund NewRefund() =>
        new(_harness.NoteWriter, _harness.Locker, _harness.Logger.Object, _harness.Orders.OrderService, _harness.SettingService.Object, _harness.Client.Object, _harness.SessionService, _harness.Time);

    private TamaraInStoreOrderController NewController() =>
        new(_harness.Orders.OrderService, TamaraInStoreOrderControllerTests.NewActionService(_harness, new Mock<IWorkContext>().Object, null), null,
            TamaraInStoreOrderControllerTests.NewPolicy(new Mock<IWorkContext>().Object))
        {
            ControllerContext = new ControllerContext { HttpContext = new DefaultHttpContext() }
        };

    private TamaraOrderBlockModelFactory NewFactory()
    {
        var dates = new Mock<IDateTimeHelper>();
        dates.Setup(helper => helper.ConvertToUserTimeAsync(It.IsAny<DateTime>(), It.IsAny<DateTimeKind>())).ReturnsAsync((DateTime value, DateTimeKind _) => value);
        var permissions = new Mock<IPermissionService>();
        permissions.Setup(service => service.AuthorizeAsync(It.IsAny<string>())).ReturnsAsync(true);
        return new TamaraOrderBlockModelFactory(dates.Object, _localization.Object, new Services.Checkout.QrCodeService(), _harness.NoteWriter, _harness.SessionService,
            new TamaraStaffPolicy(permissions.Object, new Mock<IWorkContext>().Object), _harness.Time);
    }

    private static (bool Success, string Message) Answer(IActionResult result)
    {
        var value = ((JsonResult)result).Value;
        var type = value.GetType();
        return ((bool)type.GetProperty("success")!.GetValue(value), (string)type.GetProperty("message")!.GetValue(value));
    }

    /// <summary>The clerk took cash and marked the order paid; then the customer's Tamara payment of 300.00 was found</summary>
    private (Nop.Core.Domain.Orders.Order Order, TamaraSession Session) DoublePaid()
    {
        var (order, session) = _harness.AddPendingOrder();
        var paid = _harness.Orders.Get(order.Id);
        paid.PaymentStatus = PaymentStatus.Paid;
        _harness.Orders.OrderService.UpdateOrderAsync(paid).Wait();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Captured());
        _harness.NewService().SyncAsync(session.TamaraOrderId, Services.Sync.TamaraSyncTrigger.Poll).Wait();
        Assert.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.NeedsAttention));
        return (_harness.Orders.Get(order.Id), _harness.Session(session.Id));
    }

    [Test]
    public async Task The_order_block_shows_the_double_payment_and_offers_its_refund()
    {
        var (order, session) = DoublePaid();
        // a newer link of the order is the one the block shows first
        _harness.AddSession(order);

        var model = await NewFactory().PrepareOrderBlockModelAsync(order);

        Assert.That(model.DoublePayment, Is.EqualTo("Plugins.Payments.TamaraInStore.OrderBlock.DoublePayment"));
        Assert.That(model.CanRefundDoublePayment, Is.True);
        _localization.Verify(service => service.GetResourceAsync("Plugins.Payments.TamaraInStore.OrderBlock.DoublePayment"), Times.Once);
    }

    [Test]
    public async Task The_refund_gives_back_the_whole_tamara_payment_once_and_leaves_the_orders_own_refunds_alone()
    {
        var (order, session) = DoublePaid();
        var controller = NewController();

        var first = Answer(await controller.RefundDoublePayment(order.Id));
        var refunded = SyncHarness.Captured();
        refunded.Status = TamaraOrderStatus.FullyRefunded;
        refunded.RefundedAmount = new TamaraMoney(300m, "SAR");
        _harness.TamaraSays(session.TamaraOrderId, refunded);
        var second = Answer(await controller.RefundDoublePayment(order.Id));

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo((true, "Plugins.Payments.TamaraInStore.OrderBlock.RefundDoublePayment.Done")));
            Assert.That(second.Success, Is.False);
            Assert.That(_harness.Session(session.Id).RefundedAmount, Is.EqualTo(300m));
            Assert.That(_harness.Orders.Get(order.Id).RefundedAmount, Is.Zero);
            Assert.That(_harness.Orders.Get(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(_harness.Refunds.Rows, Is.Empty);
        });
        _harness.Client.Verify(client => client.SimplifiedRefundAsync(It.IsAny<TamaraInStoreSettings>(), session.TamaraOrderId,
            It.Is<SimplifiedRefundRequest>(request => request.TotalAmount.Amount == 300m && request.TotalAmount.Currency == "SAR"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task A_refund_whose_answer_was_lost_is_not_sent_again()
    {
        var (order, session) = DoublePaid();
        // the first click reached Tamara, its answer did not come back
        var refunded = SyncHarness.Captured();
        refunded.RefundedAmount = new TamaraMoney(300m, "SAR");
        _harness.TamaraSays(session.TamaraOrderId, refunded);

        var result = await NewRefund().RefundAsync(order);

        Assert.That(result.Succeeded, Is.True);
        Assert.That(_harness.Session(session.Id).RefundedAmount, Is.EqualTo(300m));
        _harness.Client.Verify(client => client.SimplifiedRefundAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<SimplifiedRefundRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task A_refunded_double_payment_ends_refunded_and_is_no_longer_checked()
    {
        var (order, session) = DoublePaid();

        var result = await NewRefund().RefundAsync(order);

        var saved = _harness.Session(session.Id);
        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.True);
            Assert.That(saved.State, Is.EqualTo(TamaraSessionState.Refunded));
            Assert.That(saved.NextCheckOnUtc, Is.Null);
            Assert.That(saved.ClosedOnUtc, Is.EqualTo(_harness.Now));
        });
    }
}
