using Moq;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Factories;
using Nop.Plugin.Payments.TamaraInStore.Models;
using Nop.Services.Helpers;
using Nop.Services.Security;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Sync;

/// <summary>
/// Which buttons the Tamara card offers, by session state and by the staff member's permission; and how the link was
/// sent
/// </summary>
public class OrderBlockButtonsTests
{
    private SyncHarness _harness;
    private Mock<IPermissionService> _permissions;

    [SetUp]
    public void SetUp()
    {
        _harness = new SyncHarness();
        _permissions = new Mock<IPermissionService>();
        _permissions.Setup(service => service.AuthorizeAsync(StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE)).ReturnsAsync(true);
    }

    private async Task<OrderBlockModel> ModelAsync(TamaraSessionState state, Action<TamaraSession> change = null)
    {
        var (order, session) = _harness.AddPendingOrder();
        session.State = state;
        change?.Invoke(session);
        await _harness.SessionService.UpdateSessionAsync(session);

        var dates = new Mock<IDateTimeHelper>();
        dates.Setup(helper => helper.ConvertToUserTimeAsync(It.IsAny<DateTime>(), It.IsAny<DateTimeKind>())).ReturnsAsync((DateTime value, DateTimeKind _) => value);
        var factory = new TamaraOrderBlockModelFactory(dates.Object, _harness.English.Object, _harness.Orders.OrderService,
            new Services.Checkout.QrCodeService(), _harness.SessionService, new Services.Staff.TamaraStaffPolicy(_permissions.Object, new Mock<Nop.Core.IWorkContext>().Object), _harness.Time);

        return await factory.PrepareOrderBlockModelAsync(order);
    }

    [Test]
    public async Task Needs_attention_offers_both_ways_out_and_no_new_link()
    {
        var model = await ModelAsync(TamaraSessionState.NeedsAttention);

        Assert.Multiple(() =>
        {
            Assert.That(model.CanAcceptCapture, Is.True);
            Assert.That(model.CanRefundCapture, Is.True);
            Assert.That(model.CanSendNewLink, Is.False, "Tamara still holds the money");
        });
    }

    [Test]
    public async Task After_the_capture_was_refunded_an_unpaid_order_can_get_a_new_link()
    {
        var model = await ModelAsync(TamaraSessionState.Refunded);

        Assert.Multiple(() =>
        {
            Assert.That(model.State, Is.EqualTo("Refunded at Tamara by staff"));
            Assert.That(model.CanSendNewLink, Is.True);
            Assert.That(model.CanAcceptCapture, Is.False);
            Assert.That(model.CanRefundCapture, Is.False);
        });
    }

    [Test]
    public async Task A_live_qr_session_shows_its_device_and_the_code_for_staff_to_show()
    {
        var model = await ModelAsync(TamaraSessionState.Pending, session =>
        {
            session.Channel = TamaraSessionChannel.Qr;
            session.DeviceId = "POS-7";
            session.PhoneNumber = null;
            session.CheckoutDeeplink = "https://checkout.tamara.co/qr-1";
        });

        Assert.That(model.SentBy, Is.EqualTo("shown as a QR code at device POS-7"));
        Assert.That(model.QrCodeDataUri, Does.StartWith("data:image/png;base64,"));
    }

    [Test]
    public async Task An_sms_session_shows_the_masked_number_and_no_code()
    {
        var model = await ModelAsync(TamaraSessionState.Pending, session =>
        {
            session.PhoneNumber = "966534274516";
            session.CheckoutDeeplink = "https://checkout.tamara.co/sms-1";
        });

        Assert.That(model.SentBy, Is.EqualTo("sent by SMS to *********516"));
        Assert.That(model.QrCodeDataUri, Is.Null.Or.Empty);
    }

    [Test]
    public async Task A_closed_qr_session_shows_no_code()
    {
        var model = await ModelAsync(TamaraSessionState.Expired, session =>
        {
            session.Channel = TamaraSessionChannel.Qr;
            session.DeviceId = "POS-7";
            session.CheckoutDeeplink = "https://checkout.tamara.co/qr-1";
        });

        Assert.That(model.QrCodeDataUri, Is.Null.Or.Empty);
    }

    [Test]
    public async Task Without_permission_to_edit_orders_no_button_is_offered()
    {
        _permissions.Setup(service => service.AuthorizeAsync(It.IsAny<string>())).ReturnsAsync(false);

        var model = await ModelAsync(TamaraSessionState.NeedsAttention);

        Assert.That(new[] { model.CanAcceptCapture, model.CanRefundCapture, model.CanCheck, model.CanVoid, model.CanSendNewLink }, Is.All.False);
    }
}
