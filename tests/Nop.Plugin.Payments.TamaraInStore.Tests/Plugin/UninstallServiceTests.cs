using Moq;
using Nop.Core.Domain.Payments;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Tests.Sync;
using Nop.Services.Stores;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Plugin;

/// <summary>
/// nopCommerce drops the plugin's tables right after UninstallAsync: before that, open links are voided, every Tamara
/// order's ids and refunds are written to its order, and the webhooks are deleted at Tamara; failures never block
/// </summary>
public class UninstallServiceTests
{
    private SyncHarness _harness;
    private Mock<IStoreService> _stores;

    [SetUp]
    public void SetUp()
    {
        _harness = new SyncHarness();
        _harness.Settings[0].WebhookId = "webhook-0";
        _stores = new Mock<IStoreService>();
        _stores.Setup(service => service.GetAllStoresAsync()).ReturnsAsync(new List<Store> { new() { Id = 1 }, new() { Id = 2 } });
        _harness.Client.Setup(client => client.VoidCheckoutSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new VoidCheckoutSessionResponse { OrderWasVoided = true });
    }

    private TamaraUninstallService NewService() =>
        new(_harness.NoteWriter, _harness.English.Object, _harness.Logger.Object, _harness.Orders.OrderService, _harness.SettingService.Object, _stores.Object,
            _harness.Client.Object, _harness.NewService(), _harness.SessionService, _harness.Time);

    [Test]
    public async Task Live_links_are_voided_and_every_tamara_order_is_written_to_its_order_notes()
    {
        var (pendingOrder, pending) = _harness.AddPendingOrder();
        _harness.TamaraSays(pending.TamaraOrderId, SyncHarness.Status(TamaraOrderStatus.New));
        var (paidOrder, paid) = _harness.AddPendingOrder(tamaraOrderId: "tamara-paid");
        paid.State = TamaraSessionState.Paid;
        paid.CapturedAmount = 300m;
        paid.RefundedAmount = 50m;
        await _harness.SessionService.UpdateSessionAsync(paid);
        _harness.Refunds.Insert(new TamaraRefund
        {
            OrderId = paidOrder.Id, SessionId = paid.Id, TamaraOrderId = paid.TamaraOrderId, RefundId = "refund-77", MerchantRefundId = "ours-77",
            CaptureId = "capture-1", Amount = 50m, CurrencyCode = "SAR", State = TamaraRefundState.Succeeded, Source = TamaraRefundSource.Tamara,
            CreatedOnUtc = _harness.Now
        });

        await NewService().PrepareAsync();

        _harness.Client.Verify(client => client.VoidCheckoutSessionAsync(It.IsAny<TamaraInStoreSettings>(), pending.CheckoutId, pending.TamaraOrderId, It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
        _harness.Client.Verify(client => client.VoidCheckoutSessionAsync(It.IsAny<TamaraInStoreSettings>(), paid.CheckoutId, It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        var pendingNote = _harness.Orders.NotesOf(pendingOrder.Id).Last().Note;
        var paidNote = _harness.Orders.NotesOf(paidOrder.Id).Single().Note;
        Assert.Multiple(() =>
        {
            Assert.That(pendingNote, Does.StartWith("Tamara: the Tamara in-store plugin was uninstalled"));
            Assert.That(pendingNote, Does.Contain($"Tamara order {pending.TamaraOrderId}, checkout {pending.CheckoutId}: state Canceled"));
            Assert.That(paidNote, Does.Contain("Tamara order tamara-paid").And.Contain("captured 300.00 SAR, refunded 50.00 SAR"));
            Assert.That(paidNote, Does.Contain("Refund refund-77 (our reference ours-77, capture capture-1, Tamara order tamara-paid): 50.00 SAR, Succeeded, made in Tamara"));
        });
    }

    [Test]
    public async Task The_webhook_is_deleted_once_and_tamara_failures_do_not_stop_the_uninstall()
    {
        var (order, pending) = _harness.AddPendingOrder();
        _harness.TamaraFails(pending.TamaraOrderId, SyncHarness.Transient(System.Net.HttpStatusCode.ServiceUnavailable));
        _harness.Settings[2] = new TamaraInStoreSettings { ApiToken = "api-2", WebhookId = "webhook-2" };
        _harness.Client.Setup(client => client.DeleteWebhookAsync(It.IsAny<TamaraInStoreSettings>(), "webhook-0", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TamaraApiException("Tamara is down", System.Net.HttpStatusCode.BadGateway, "DELETE /webhooks/webhook-0", isTransient: true));

        Assert.DoesNotThrowAsync(() => NewService().PrepareAsync());

        // store 1 inherits the default store's registration: deleted once, under the default store's token
        _harness.Client.Verify(client => client.DeleteWebhookAsync(It.IsAny<TamaraInStoreSettings>(), "webhook-0", It.IsAny<CancellationToken>()), Times.Once);
        _harness.Client.Verify(client => client.DeleteWebhookAsync(It.Is<TamaraInStoreSettings>(settings => settings.ApiToken == "api-2"), "webhook-2", It.IsAny<CancellationToken>()), Times.Once);
        Assert.That(_harness.Orders.NotesOf(order.Id), Has.Some.Matches<Nop.Core.Domain.Orders.OrderNote>(note => note.Note.Contains(pending.TamaraOrderId)));
        _harness.Logger.Verify(logger => logger.ErrorAsync(It.Is<string>(message => message.Contains("webhook-0")), It.IsAny<Exception>(), null), Times.Once);
    }

    [Test]
    public async Task A_link_expired_here_that_tamara_still_reports_new_is_voided_too()
    {
        var (order, session) = _harness.AddPendingOrder();
        session.State = TamaraSessionState.Expired;
        await _harness.SessionService.UpdateSessionAsync(session);
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Status(TamaraOrderStatus.New));

        await NewService().PrepareAsync();

        _harness.Client.Verify(client => client.VoidCheckoutSessionAsync(It.IsAny<TamaraInStoreSettings>(), session.CheckoutId, session.TamaraOrderId, It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.That(_harness.Session(session.Id).TamaraStatus, Is.EqualTo(TamaraOrderStatus.Canceled));
    }
}
