using Moq;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Factories;
using Nop.Plugin.Payments.TamaraInStore.Models;
using Nop.Services.Helpers;
using Nop.Services.Security;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Sync;

/// <summary>Which buttons the Tamara card offers, by session state and by the staff member's permission</summary>
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

    private async Task<OrderBlockModel> ModelAsync(TamaraSessionState state)
    {
        var (order, session) = _harness.AddPendingOrder();
        session.State = state;
        await _harness.SessionService.UpdateSessionAsync(session);

        var dates = new Mock<IDateTimeHelper>();
        dates.Setup(helper => helper.ConvertToUserTimeAsync(It.IsAny<DateTime>(), It.IsAny<DateTimeKind>())).ReturnsAsync((DateTime value, DateTimeKind _) => value);
        var factory = new TamaraOrderBlockModelFactory(dates.Object, _harness.English.Object, _harness.Orders.OrderService, _permissions.Object,
            _harness.SessionService, _harness.Time);

        return await factory.PrepareOrderBlockModelAsync(order);
    }

    [Test]
    public async Task NeedsAttentionOffersBothWaysOutAndNoNewLink()
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
    public async Task AfterTheCaptureWasRefundedAnUnpaidOrderCanGetANewLink()
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
    public async Task WithoutPermissionToEditOrdersNoButtonIsOffered()
    {
        _permissions.Setup(service => service.AuthorizeAsync(It.IsAny<string>())).ReturnsAsync(false);

        var model = await ModelAsync(TamaraSessionState.NeedsAttention);

        Assert.That(new[] { model.CanAcceptCapture, model.CanRefundCapture, model.CanCheck, model.CanVoid, model.CanSendNewLink }, Is.All.False);
    }
}
