using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Moq;
using Nop.Core.Domain.Payments;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Payments.TamaraInStore.Controllers;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;
using Nop.Plugin.Payments.TamaraInStore.Tests.Sync;
using Nop.Services.Stores;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Disputes;

/// <summary>Dispute webhooks: the order's disputes read and kept, and a refund Tamara made for one booked once</summary>
public class DisputeDeliveryTests
{
    private const string ValidToken = "token-signed-with-store-1";

    private SyncHarness _harness;
    private Mock<ITamaraNotificationTokenValidator> _validator;
    private Mock<IStoreService> _storeService;
    private List<TamaraOrderDispute> _disputesAtTamara;

    [SetUp]
    public void SetUp()
    {
        _harness = new SyncHarness();
        _harness.Settings[1] = new TamaraInStoreSettings { ApiToken = "api-1", NotificationToken = "notify-1", PollIntervalSeconds = 10 };
        _validator = new Mock<ITamaraNotificationTokenValidator>();
        _validator.Setup(validator => validator.IsValid(ValidToken, "notify-1")).Returns(true);
        _storeService = new Mock<IStoreService>();
        _storeService.Setup(service => service.GetAllStoresAsync()).ReturnsAsync(new List<Store> { new() { Id = 1 } });

        _disputesAtTamara = new List<TamaraOrderDispute>();
        _harness.Client.Setup(client => client.GetDisputesAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => _disputesAtTamara.Select(Copy).ToList());
    }

    private static TamaraOrderDispute Copy(TamaraOrderDispute dispute) => new()
    {
        DisputeId = dispute.DisputeId, OrderId = dispute.OrderId, Status = dispute.Status, Reason = dispute.Reason,
        Amount = dispute.Amount, RespondByUtc = dispute.RespondByUtc, UpdatedAtUtc = dispute.UpdatedAtUtc
    };

    private async Task<int> DeliverAsync(string tamaraOrderId, string eventType)
    {
        var httpContext = new DefaultHttpContext();
        httpContext.Request.Method = "POST";
        httpContext.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(
            $"{{\"dispute_id\":\"d-1\",\"order_id\":\"{tamaraOrderId}\",\"order_reference_id\":\"100\",\"event_type\":\"{eventType}\",\"data\":{{}}}}"));
        httpContext.Request.Headers.Authorization = "Bearer " + ValidToken;

        var syncService = _harness.NewService(refundService: _harness.NewRefundService());
        var customers = new Mock<Nop.Services.Customers.ICustomerService>();
        customers.Setup(service => service.GetOrCreateBackgroundTaskUserAsync()).ReturnsAsync(new Nop.Core.Domain.Customers.Customer { Id = 2 });
        var controller = new TamaraInStoreWebhookController(customers.Object, _harness.Logger.Object, _harness.SettingService.Object, _storeService.Object,
            _validator.Object, new Fakes.WebRequestWorkContext(), syncService, _harness.SessionService, _harness.NewDisputeService(syncService),
            new TamaraUnknownOrderService(_harness.Locker, _harness.Logger.Object, _harness.SettingService.Object, _harness.Client.Object,
                syncService, _harness.SessionService, _harness.Time))
        {
            ControllerContext = new ControllerContext { HttpContext = httpContext }
        };

        return (await controller.Webhook()) switch
        {
            IStatusCodeActionResult withStatus => withStatus.StatusCode ?? 200,
            var other => throw new AssertionException($"Unexpected result {other}")
        };
    }

    private async Task<(Nop.Core.Domain.Orders.Order Order, TamaraSession Session)> PaidOrderAsync()
    {
        var (order, session) = _harness.AddPendingOrder(storeId: 1);
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Captured());
        await _harness.NewService().SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);
        Assume.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.Paid));
        return (order, session);
    }

    private TamaraOrderDispute Dispute(string tamaraOrderId, string status, DateTime updatedAt) => new()
    {
        DisputeId = "d-1",
        OrderId = tamaraOrderId,
        Status = status,
        Reason = "Item not received",
        Amount = new TamaraMoney(120m, "SAR"),
        RespondByUtc = SyncHarness.Start.AddDays(7),
        UpdatedAtUtc = updatedAt
    };

    private void TamaraRefundedTheDispute(string tamaraOrderId)
    {
        var order = SyncHarness.Captured();
        order.Status = TamaraOrderStatus.PartiallyRefunded;
        order.RefundedAmount = new TamaraMoney(120m, "SAR");
        order.Transactions.Refunds.Add(new TamaraRefundTransaction
        {
            RefundId = "dispute-refund-1", CaptureId = "capture-1", TotalAmount = new TamaraMoney(120m, "SAR"), Comment = "Dispute d-1"
        });
        _harness.TamaraSays(tamaraOrderId, order);
    }

    [Test]
    public async Task A_dispute_delivery_keeps_the_orders_dispute_with_its_status_amount_and_deadline()
    {
        var (order, session) = await PaidOrderAsync();
        _disputesAtTamara.Add(Dispute(session.TamaraOrderId, "awaiting_merchant_response", SyncHarness.Start));

        var status = await DeliverAsync(session.TamaraOrderId, "OrderDisputeAwaitingMerchantResponse");

        Assert.That(status, Is.EqualTo(200));
        var row = _harness.Disputes.Rows.Single();
        Assert.Multiple(() =>
        {
            Assert.That(row.DisputeId, Is.EqualTo("d-1"));
            Assert.That(row.OrderId, Is.EqualTo(order.Id));
            Assert.That(row.SessionId, Is.EqualTo(session.Id));
            Assert.That(row.Status, Is.EqualTo("awaiting_merchant_response"));
            Assert.That(row.Amount, Is.EqualTo(120m));
            Assert.That(row.CurrencyCode, Is.EqualTo("SAR"));
            Assert.That(row.RespondByUtc, Is.EqualTo(SyncHarness.Start.AddDays(7)));
        });
    }

    [Test]
    public async Task Duplicate_dispute_deliveries_keep_one_row_that_follows_tamaras_latest_status()
    {
        var (_, session) = await PaidOrderAsync();
        _disputesAtTamara.Add(Dispute(session.TamaraOrderId, "awaiting_merchant_response", SyncHarness.Start));
        await DeliverAsync(session.TamaraOrderId, "OrderDisputeAwaitingMerchantResponse");
        await DeliverAsync(session.TamaraOrderId, "OrderDisputeAwaitingMerchantResponse");

        _disputesAtTamara[0] = Dispute(session.TamaraOrderId, "under_review", SyncHarness.Start.AddHours(1));
        await DeliverAsync(session.TamaraOrderId, "OrderDisputeWasUpdated");

        Assert.That(_harness.Disputes.Rows.Single().Status, Is.EqualTo("under_review"));
    }

    [Test]
    public async Task A_read_older_than_what_is_kept_changes_nothing()
    {
        var (_, session) = await PaidOrderAsync();
        _disputesAtTamara.Add(Dispute(session.TamaraOrderId, "claim_accepted", SyncHarness.Start.AddHours(2)));
        await DeliverAsync(session.TamaraOrderId, "OrderDisputeClosedTamaraAcceptedClaim");

        // a slow read answered with the state before the close
        _disputesAtTamara[0] = Dispute(session.TamaraOrderId, "awaiting_merchant_response", SyncHarness.Start);
        await DeliverAsync(session.TamaraOrderId, "OrderDisputeAwaitingMerchantResponse");

        Assert.That(_harness.Disputes.Rows.Single().Status, Is.EqualTo("claim_accepted"));
    }

    [Test]
    public async Task A_dispute_Tamara_refunded_is_booked_once_across_duplicate_dispute_deliveries_and_the_order_webhook()
    {
        var (order, session) = await PaidOrderAsync();
        _disputesAtTamara.Add(Dispute(session.TamaraOrderId, "claim_accepted", SyncHarness.Start.AddHours(1)));
        TamaraRefundedTheDispute(session.TamaraOrderId);

        await DeliverAsync(session.TamaraOrderId, "OrderDisputeClosedTamaraAcceptedClaim");
        await DeliverAsync(session.TamaraOrderId, "order_refunded");
        await DeliverAsync(session.TamaraOrderId, "OrderDisputeClosedTamaraAcceptedClaim");
        await _harness.NewService(refundService: _harness.NewRefundService()).SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Staff);

        var refund = _harness.Refunds.Rows.Single();
        Assert.Multiple(() =>
        {
            Assert.That(refund.RefundId, Is.EqualTo("dispute-refund-1"));
            Assert.That(refund.Amount, Is.EqualTo(120m));
            Assert.That(refund.Source, Is.EqualTo(TamaraRefundSource.Tamara));
            Assert.That(_harness.Orders.Get(order.Id).RefundedAmount, Is.EqualTo(120m));
            Assert.That(_harness.Orders.Get(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.PartiallyRefunded));
            Assert.That(_harness.Session(session.Id).RefundedAmount, Is.EqualTo(120m));
        });
    }

    [Test]
    public async Task A_dispute_refund_arriving_before_the_dispute_list_shows_it_is_still_booked_by_the_delivery()
    {
        var (order, session) = await PaidOrderAsync();
        // Tamara's order already shows the refund while its dispute list still says the dispute is open
        _disputesAtTamara.Add(Dispute(session.TamaraOrderId, "under_review", SyncHarness.Start));
        TamaraRefundedTheDispute(session.TamaraOrderId);

        await DeliverAsync(session.TamaraOrderId, "OrderDisputeClosedTamaraAcceptedClaim");

        Assert.That(_harness.Refunds.Rows.Single().RefundId, Is.EqualTo("dispute-refund-1"));
        Assert.That(_harness.Orders.Get(order.Id).RefundedAmount, Is.EqualTo(120m));
    }

    [Test]
    public async Task Disputes_Tamara_cannot_give_now_ask_for_the_delivery_again()
    {
        var (_, session) = await PaidOrderAsync();
        _harness.Client.Setup(client => client.GetDisputesAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(SyncHarness.Transient(HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30)));

        var status = await DeliverAsync(session.TamaraOrderId, "OrderDisputeWasUpdated");

        Assert.That(status, Is.EqualTo(503));
        Assert.That(_harness.Disputes.Rows, Is.Empty);
    }
}
