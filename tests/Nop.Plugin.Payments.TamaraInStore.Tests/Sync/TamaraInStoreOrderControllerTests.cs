using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Moq;
using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Vendors;
using Nop.Plugin.Payments.TamaraInStore.Components;
using Nop.Plugin.Payments.TamaraInStore.Controllers;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Staff;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Checkout;
using Nop.Plugin.Payments.TamaraInStore.Services.Refunds;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;
using Nop.Services.Localization;
using Nop.Services.Security;
using Nop.Web.Framework.Infrastructure;
using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Sync;

public class TamaraInStoreOrderControllerTests
{
    private SyncHarness _harness;
    private Mock<TamaraCheckoutService> _checkoutService;
    private Mock<IWorkContext> _workContext;

    [SetUp]
    public void SetUp()
    {
        _harness = new SyncHarness();
        // only its virtual replacement entry point is used
        _checkoutService = new Mock<TamaraCheckoutService>(Enumerable.Repeat<object>(null, typeof(TamaraCheckoutService).GetConstructors().Single().GetParameters().Length).ToArray());
        _workContext = new Mock<IWorkContext>();
        _harness.Client.Setup(client => client.VoidCheckoutSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new VoidCheckoutSessionResponse { OrderWasVoided = true });
    }

    private TamaraInStoreOrderController NewController() =>
        new(_harness.Orders.OrderService, NewActionService(_harness, _workContext.Object, _checkoutService.Object), null, NewPolicy(_workContext.Object))
        {
            ControllerContext = new ControllerContext { HttpContext = new DefaultHttpContext() }
        };

    /// <summary>The staff actions over the harness, resources as their keys, staff allowed to edit orders unless told otherwise</summary>
    public static TamaraOrderActionService NewActionService(SyncHarness harness, IWorkContext workContext, TamaraCheckoutService checkoutService,
        IPermissionService permissionService = null, TamaraNeedsAttentionService needsAttentionService = null)
    {
        var localization = new Mock<ILocalizationService>();
        localization.Setup(service => service.GetResourceAsync(It.IsAny<string>())).ReturnsAsync((string key) => key);
        if (permissionService is null)
        {
            var permissions = new Mock<IPermissionService>();
            permissions.Setup(service => service.AuthorizeAsync(It.IsAny<string>())).ReturnsAsync(true);
            permissionService = permissions.Object;
        }

        var answers = new TamaraStaffAnswers(localization.Object);
        var orderSync = harness.NewService();
        return new TamaraOrderActionService(harness.Logger.Object, harness.Orders.OrderService,
            new TamaraDoublePaymentRefund(harness.NoteWriter, harness.Locker, harness.Logger.Object, harness.Orders.OrderService, harness.SettingService.Object,
                harness.Client.Object, harness.SessionService, harness.Time),
            needsAttentionService, new TamaraNewLinkService(harness.Logger.Object, checkoutService, orderSync, harness.SessionService, answers),
            orderSync, harness.SessionService, answers, new TamaraStaffPolicy(permissionService, workContext));
    }

    /// <summary>The staff policy for <paramref name="workContext"/>'s user, allowed everything unless told otherwise</summary>
    public static TamaraStaffPolicy NewPolicy(IWorkContext workContext, IPermissionService permissionService = null)
    {
        if (permissionService is null)
        {
            var permissions = new Mock<IPermissionService>();
            permissions.Setup(service => service.AuthorizeAsync(It.IsAny<string>())).ReturnsAsync(true);
            permissionService = permissions.Object;
        }

        return new TamaraStaffPolicy(permissionService, workContext);
    }

    private static (bool Success, string Message, bool ReloadPage) Answer(IActionResult result)
    {
        var value = ((JsonResult)result).Value;
        var type = value.GetType();
        return ((bool)type.GetProperty("success")!.GetValue(value), (string)type.GetProperty("message")!.GetValue(value), (bool)type.GetProperty("reloadPage")!.GetValue(value));
    }

    [Test]
    public async Task Check_now_reports_the_payment_and_asks_for_a_page_reload()
    {
        var (order, session) = _harness.AddPendingOrder();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Captured());

        var answer = Answer(await NewController().CheckNow(order.Id));

        Assert.That(answer, Is.EqualTo((true, "Plugins.Payments.TamaraInStore.OrderBlock.Check.Paid", true)));
    }

    [Test]
    public async Task Send_a_new_link_voids_the_live_session_first()
    {
        var (order, session) = _harness.AddPendingOrder();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Status(TamaraOrderStatus.New));
        TamaraSessionState? previousStateSeen = null;
        _checkoutService.Setup(service => service.CreateReplacementSessionAsync(It.IsAny<Order>(), It.IsAny<TamaraSession>()))
            .Callback((Order _, TamaraSession previous) => previousStateSeen = previous.State)
            .ReturnsAsync(new TamaraSession());

        var answer = Answer(await NewController().SendNewLink(order.Id));

        Assert.That(answer.Success, Is.True);
        Assert.That(previousStateSeen, Is.EqualTo(TamaraSessionState.Canceled));
    }

    [Test]
    public async Task No_new_link_when_tamara_refuses_the_void()
    {
        var (order, session) = _harness.AddPendingOrder();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Status(TamaraOrderStatus.Approved));

        var answer = Answer(await NewController().SendNewLink(order.Id));

        Assert.That(answer.Success, Is.False);
        Assert.That(answer.Message, Does.EndWith("Void.NotNew"));
        _checkoutService.Verify(service => service.CreateReplacementSessionAsync(It.IsAny<Order>(), It.IsAny<TamaraSession>()), Times.Never);
    }

    [Test]
    public async Task Vendors_cannot_act_on_payments()
    {
        var (order, _) = _harness.AddPendingOrder();
        _workContext.Setup(context => context.GetCurrentVendorAsync()).ReturnsAsync(new Vendor { Id = 3 });

        var answer = Answer(await NewController().VoidSession(order.Id));

        Assert.That(answer.Success, Is.False);
        _harness.Client.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Vendors_do_not_get_the_tamara_block()
    {
        var (order, _) = _harness.AddPendingOrder();
        _workContext.Setup(context => context.GetCurrentVendorAsync()).ReturnsAsync(new Vendor { Id = 3 });

        var result = await NewController().OrderBlock(order.Id);

        Assert.That(result, Is.InstanceOf<ForbidResult>());
        _harness.Client.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Vendors_see_no_tamara_block_on_the_order_page()
    {
        var (order, _) = _harness.AddPendingOrder();
        _workContext.Setup(context => context.GetCurrentVendorAsync()).ReturnsAsync(new Vendor { Id = 3 });
        var permissions = new Mock<IPermissionService>();
        permissions.Setup(service => service.AuthorizeAsync(It.IsAny<string>())).ReturnsAsync(true);
        var component = new TamaraInStoreOrderBlockViewComponent(_harness.Orders.OrderService, null, new TamaraStaffPolicy(permissions.Object, _workContext.Object));

        var result = await component.InvokeAsync(AdminWidgetZones.OrderDetailsBlock, new BaseNopEntityModel { Id = order.Id });

        Assert.That(result, Is.InstanceOf<ContentViewComponentResult>());
        Assert.That(((ContentViewComponentResult)result).Content, Is.Empty);
    }

    [Test]
    public async Task A_new_link_over_the_phones_limit_is_refused_before_the_live_link_is_voided()
    {
        var (order, session) = _harness.AddPendingOrder();
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Status(TamaraOrderStatus.New));
        _checkoutService.Setup(service => service.NewLinkRefusalAsync(It.IsAny<Order>(), It.IsAny<TamaraSession>())).ReturnsAsync("three links already");

        var answer = Answer(await NewController().SendNewLink(order.Id));

        Assert.That(answer, Is.EqualTo((false, "three links already", false)));
        Assert.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.Pending));
        _harness.Client.Verify(client => client.VoidCheckoutSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        _checkoutService.Verify(service => service.CreateReplacementSessionAsync(It.IsAny<Order>(), It.IsAny<TamaraSession>()), Times.Never);
    }

    [Test]
    public async Task Vendors_cannot_leave_needs_attention_either()
    {
        var (order, session) = _harness.AddPendingOrder();
        session.State = TamaraSessionState.NeedsAttention;
        await _harness.SessionService.UpdateSessionAsync(session);
        _workContext.Setup(context => context.GetCurrentVendorAsync()).ReturnsAsync(new Vendor { Id = 3 });

        var accept = Answer(await NewController().AcceptCapture(order.Id));
        var refund = Answer(await NewController().RefundCapture(order.Id));

        Assert.That(accept, Is.EqualTo((false, "Plugins.Payments.TamaraInStore.OrderBlock.Result.AccessDenied", false)));
        Assert.That(refund, Is.EqualTo((false, "Plugins.Payments.TamaraInStore.OrderBlock.Result.AccessDenied", false)));
        _harness.Client.VerifyNoOtherCalls();
    }

    /// <summary>A link expired here whose void at Tamara failed: Tamara still reports it new, so it can still be paid</summary>
    private async Task<TamaraSession> ExpiredHereButPayableAsync(Order order)
    {
        var old = _harness.AddSession(order);
        old.State = TamaraSessionState.Expired;
        old.TamaraStatus = TamaraOrderStatus.New;
        await _harness.SessionService.UpdateSessionAsync(old);
        _harness.TamaraSays(old.TamaraOrderId, SyncHarness.Status(TamaraOrderStatus.New));
        return old;
    }

    [Test]
    public async Task Send_a_new_link_first_voids_every_link_tamara_may_still_take_a_payment_on()
    {
        var order = _harness.Orders.Add(new Order { Id = 500, StoreId = 1, OrderGuid = Guid.NewGuid(), PaymentMethodSystemName = TamaraInStoreDefaults.SystemName,
            OrderStatus = OrderStatus.Pending, PaymentStatus = Nop.Core.Domain.Payments.PaymentStatus.Pending, OrderTotal = 300m, CurrencyRate = 1m, CustomerCurrencyCode = "SAR" });
        var old = await ExpiredHereButPayableAsync(order);
        var latest = _harness.AddSession(order);
        _harness.TamaraSays(latest.TamaraOrderId, SyncHarness.Status(TamaraOrderStatus.New));
        _checkoutService.Setup(service => service.CreateReplacementSessionAsync(It.IsAny<Order>(), It.IsAny<TamaraSession>())).ReturnsAsync(new TamaraSession());

        var answer = Answer(await NewController().SendNewLink(order.Id));

        Assert.That(answer.Success, Is.True);
        _harness.Client.Verify(client => client.VoidCheckoutSessionAsync(It.IsAny<TamaraInStoreSettings>(), old.CheckoutId, old.TamaraOrderId, It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.That(_harness.Session(old.Id).TamaraStatus, Is.EqualTo(TamaraOrderStatus.Canceled));
        Assert.That(_harness.Session(latest.Id).State, Is.EqualTo(TamaraSessionState.Canceled));
    }

    [Test]
    public async Task No_new_link_while_an_older_link_cannot_be_voided()
    {
        var order = _harness.Orders.Add(new Order { Id = 501, StoreId = 1, OrderGuid = Guid.NewGuid(), PaymentMethodSystemName = TamaraInStoreDefaults.SystemName,
            OrderStatus = OrderStatus.Pending, PaymentStatus = Nop.Core.Domain.Payments.PaymentStatus.Pending, OrderTotal = 300m, CurrencyRate = 1m, CustomerCurrencyCode = "SAR" });
        var old = await ExpiredHereButPayableAsync(order);
        var latest = _harness.AddSession(order);
        _harness.TamaraSays(latest.TamaraOrderId, SyncHarness.Status(TamaraOrderStatus.New));
        _harness.Client.Setup(client => client.VoidCheckoutSessionAsync(It.IsAny<TamaraInStoreSettings>(), old.CheckoutId, It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(SyncHarness.Transient(System.Net.HttpStatusCode.ServiceUnavailable));

        var answer = Answer(await NewController().SendNewLink(order.Id));

        Assert.That(answer.Success, Is.False);
        Assert.That(answer.Message, Does.EndWith("Void.Failed"));
        _checkoutService.Verify(service => service.CreateReplacementSessionAsync(It.IsAny<Order>(), It.IsAny<TamaraSession>()), Times.Never);
    }
}
