using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Moq;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Payments.TamaraInStore.Controllers;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;
using Nop.Services.Stores;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Sync;

public class TamaraInStoreWebhookControllerTests
{
    private const string ValidToken = "token-signed-with-store-1";

    private SyncHarness _harness;
    private Mock<ITamaraNotificationTokenValidator> _validator;
    private Mock<IStoreService> _storeService;

    /// <summary>nopCommerce's built-in record for background tasks</summary>
    private static readonly Nop.Core.Domain.Customers.Customer BackgroundTaskCustomer =
        new() { Id = 2, SystemName = "BackgroundTask", IsSystemAccount = true, Active = true };

    private Mock<Nop.Services.Customers.ICustomerService> Customers { get; set; }

    private Fakes.WebRequestWorkContext WorkContext { get; set; }

    [SetUp]
    public void SetUp()
    {
        _harness = new SyncHarness();
        Customers = new Mock<Nop.Services.Customers.ICustomerService>();
        Customers.Setup(service => service.GetOrCreateBackgroundTaskUserAsync()).ReturnsAsync(BackgroundTaskCustomer);
        WorkContext = new Fakes.WebRequestWorkContext();
        // nopCommerce's paid processing (order paid e-mails, message tokens) asks for the current customer
        _harness.Orders.OrderPaid = async _ => await WorkContext.GetCurrentCustomerAsync();
        _harness.Settings[1] = new TamaraInStoreSettings { ApiToken = "api-1", NotificationToken = "notify-1", PollIntervalSeconds = 10 };
        _harness.Settings[2] = new TamaraInStoreSettings { ApiToken = "api-2", NotificationToken = "notify-2", PollIntervalSeconds = 10 };

        _validator = new Mock<ITamaraNotificationTokenValidator>();
        _validator.Setup(validator => validator.IsValid(ValidToken, "notify-1")).Returns(true);

        _storeService = new Mock<IStoreService>();
        _storeService.Setup(service => service.GetAllStoresAsync()).ReturnsAsync(new List<Store> { new() { Id = 1 }, new() { Id = 2 } });
    }

    private TamaraInStoreWebhookController NewController(string body, string queryToken = null, string bearerToken = null)
    {
        var httpContext = new DefaultHttpContext();
        httpContext.Request.Method = "POST";
        httpContext.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        if (queryToken is not null)
            httpContext.Request.QueryString = QueryString.Create("tamaraToken", queryToken);
        if (bearerToken is not null)
            httpContext.Request.Headers.Authorization = "Bearer " + bearerToken;

        var orderSync = _harness.NewService();
        return new TamaraInStoreWebhookController(Customers.Object, _harness.Logger.Object, _harness.SettingService.Object, _storeService.Object,
            _validator.Object, WorkContext, orderSync, _harness.SessionService, _harness.NewDisputeService(),
            new TamaraUnknownOrderService(_harness.Locker, _harness.Logger.Object, _harness.SettingService.Object, _harness.Client.Object,
                orderSync, _harness.SessionService, _harness.Time))
        {
            ControllerContext = new ControllerContext { HttpContext = httpContext }
        };
    }

    private static string Notification(string orderId, string eventType = "order_captured", string reference = "100") =>
        $"{{\"order_id\":\"{orderId}\",\"order_reference_id\":\"{reference}\",\"order_number\":\"100\",\"event_type\":\"{eventType}\",\"data\":[]}}";

    private static int StatusOf(IActionResult result) => result switch
    {
        IStatusCodeActionResult withStatus => withStatus.StatusCode ?? 200,
        _ => throw new AssertionException($"Unexpected result {result}")
    };

    private TamaraSession CapturedSessionInStore1()
    {
        var (_, session) = _harness.AddPendingOrder(storeId: 1);
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Captured());
        return session;
    }

    [Test]
    public async Task A_valid_delivery_is_answered_200_and_pays_the_order()
    {
        var session = CapturedSessionInStore1();

        var result = await NewController(Notification(session.TamaraOrderId), queryToken: ValidToken).Webhook();

        Assert.That(StatusOf(result), Is.EqualTo(200));
        Assert.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.Paid));
    }

    [Test]
    public async Task The_token_may_come_as_a_bearer_header()
    {
        var session = CapturedSessionInStore1();

        var result = await NewController(Notification(session.TamaraOrderId), bearerToken: ValidToken).Webhook();

        Assert.That(StatusOf(result), Is.EqualTo(200));
        Assert.That(_harness.Orders.MarkPaidCalls, Is.EqualTo(1));
    }

    [Test]
    public async Task A_duplicate_delivery_is_answered_200_and_pays_once()
    {
        var session = CapturedSessionInStore1();

        var first = await NewController(Notification(session.TamaraOrderId), queryToken: ValidToken).Webhook();
        var second = await NewController(Notification(session.TamaraOrderId), queryToken: ValidToken).Webhook();

        Assert.That(StatusOf(first), Is.EqualTo(200));
        Assert.That(StatusOf(second), Is.EqualTo(200));
        Assert.That(_harness.Orders.MarkPaidCalls, Is.EqualTo(1));
    }

    [Test]
    public async Task A_missing_token_is_401()
    {
        var session = CapturedSessionInStore1();

        var result = await NewController(Notification(session.TamaraOrderId)).Webhook();

        Assert.That(StatusOf(result), Is.EqualTo(401));
        _harness.Client.VerifyNoOtherCalls();
    }

    [Test]
    public async Task A_forged_token_is_401_without_detail()
    {
        var session = CapturedSessionInStore1();

        var result = await NewController(Notification(session.TamaraOrderId), queryToken: "forged").Webhook();

        Assert.That(result, Is.TypeOf<UnauthorizedResult>());
        Assert.That(_harness.Orders.MarkPaidCalls, Is.Zero);
    }

    [Test]
    public async Task An_expired_token_is_401()
    {
        var session = CapturedSessionInStore1();
        _validator.Setup(validator => validator.IsValid("expired-token", It.IsAny<string>())).Returns(false);

        var result = await NewController(Notification(session.TamaraOrderId), queryToken: "expired-token").Webhook();

        Assert.That(StatusOf(result), Is.EqualTo(401));
    }

    [Test]
    public async Task Another_stores_token_does_not_open_this_stores_order()
    {
        var (_, session) = _harness.AddPendingOrder(storeId: 2);
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Captured());

        var result = await NewController(Notification(session.TamaraOrderId), queryToken: ValidToken).Webhook();

        Assert.That(StatusOf(result), Is.EqualTo(401));
        Assert.That(_harness.Orders.MarkPaidCalls, Is.Zero);
    }

    [Test]
    public async Task An_unknown_order_without_a_payment_is_200_so_tamara_stops_retrying()
    {
        _harness.TamaraSays("not-ours", SyncHarness.Status(TamaraOrderStatus.New));

        var result = await NewController(Notification("not-ours"), queryToken: ValidToken).Webhook();

        Assert.That(StatusOf(result), Is.EqualTo(200));
        Assert.That(_harness.Sessions.Rows, Is.Empty);
        _harness.Logger.Verify(logger => logger.InformationAsync(It.Is<string>(message => message.Contains("not-ours")), null, null), Times.Once);
    }

    [Test]
    public async Task An_unknown_order_with_an_invalid_token_is_401()
    {
        var result = await NewController(Notification("not-ours"), queryToken: "forged").Webhook();

        Assert.That(StatusOf(result), Is.EqualTo(401));
    }

    [TestCase("{ not json")]
    [TestCase("")]
    [TestCase("[1,2,3]")]
    [TestCase("{\"event_type\":\"order_captured\"}")]
    public async Task A_malformed_body_is_400(string body)
    {
        var result = await NewController(body, queryToken: ValidToken).Webhook();

        Assert.That(StatusOf(result), Is.EqualTo(400));
    }

    [Test]
    public async Task A_malformed_body_with_a_forged_token_is_401()
    {
        var result = await NewController("{ not json", queryToken: "forged").Webhook();

        Assert.That(StatusOf(result), Is.EqualTo(401));
    }

    [Test]
    public async Task When_tamara_cannot_be_read_the_delivery_is_asked_again()
    {
        var (_, session) = _harness.AddPendingOrder(storeId: 1);
        _harness.TamaraFails(session.TamaraOrderId, SyncHarness.Transient(HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(20)));
        var controller = NewController(Notification(session.TamaraOrderId), queryToken: ValidToken);

        var result = await controller.Webhook();

        Assert.That(StatusOf(result), Is.EqualTo(503));
        Assert.That(controller.Response.Headers.RetryAfter.ToString(), Is.EqualTo("20"));
    }

    [Test]
    public async Task When_the_order_is_locked_the_delivery_is_asked_again()
    {
        var session = CapturedSessionInStore1();
        var controller = NewController(Notification(session.TamaraOrderId), queryToken: ValidToken);

        IActionResult result;
        using (_harness.Locker.Hold(string.Format(TamaraInStoreDefaults.OrderLockKey, session.TamaraOrderId)))
            result = await controller.Webhook();

        Assert.Multiple(() =>
        {
            Assert.That(StatusOf(result), Is.EqualTo(503));
            Assert.That(int.Parse(controller.Response.Headers.RetryAfter.ToString()), Is.Positive);
            Assert.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.Pending));
        });
    }

    [Test]
    public async Task A_sync_failure_other_than_tamara_being_down_is_still_200()
    {
        var (_, session) = _harness.AddPendingOrder(storeId: 1);
        _harness.Client.Setup(client => client.GetOrderAsync(It.IsAny<TamaraInStoreSettings>(), session.TamaraOrderId, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("boom"));

        var result = await NewController(Notification(session.TamaraOrderId, "order_approved"), queryToken: ValidToken).Webhook();

        Assert.That(StatusOf(result), Is.EqualTo(200));
    }

    [Test]
    public async Task The_payload_alone_never_moves_money()
    {
        var (_, session) = _harness.AddPendingOrder(storeId: 1);
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Status(TamaraOrderStatus.New));

        var result = await NewController(Notification(session.TamaraOrderId, "order_captured"), queryToken: ValidToken).Webhook();

        Assert.That(StatusOf(result), Is.EqualTo(200));
        Assert.That(_harness.Orders.MarkPaidCalls, Is.Zero);
        Assert.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.Pending));
    }

    [Test]
    public async Task The_bearer_header_is_read_before_the_query_string()
    {
        var session = CapturedSessionInStore1();

        var result = await NewController(Notification(session.TamaraOrderId), queryToken: "forged", bearerToken: ValidToken).Webhook();

        Assert.That(StatusOf(result), Is.EqualTo(200));
        Assert.That(_harness.Orders.MarkPaidCalls, Is.EqualTo(1));
    }

    [Test]
    public async Task The_token_taken_out_of_the_query_string_still_authenticates_the_delivery()
    {
        var session = CapturedSessionInStore1();
        var controller = NewController(Notification(session.TamaraOrderId), queryToken: ValidToken);
        controller.HttpContext.Request.Path = "/" + TamaraInStoreDefaults.WebhookPath;
        Infrastructure.WebhookTokenMiddleware.MoveQueryToken(controller.HttpContext);

        var result = await controller.Webhook();

        Assert.That(controller.HttpContext.Request.QueryString.Value ?? string.Empty, Does.Not.Contain(ValidToken));
        Assert.That(StatusOf(result), Is.EqualTo(200));
        Assert.That(_harness.Orders.MarkPaidCalls, Is.EqualTo(1));
    }

    [Test]
    public async Task A_webhook_for_an_order_known_only_by_its_reference_takes_over_the_creating_session_and_pays_its_order()
    {
        var (order, placed) = _harness.AddPendingOrder(storeId: 1);
        // the checkout recorded the session, Tamara's answer was lost; the clerk placed the order anyway on a retry
        var session = _harness.Session(placed.Id);
        session.TamaraOrderId = null;
        session.CheckoutId = null;
        session.OrderReferenceId = order.OrderGuid.ToString();
        session.State = TamaraSessionState.Creating;
        _harness.Sessions.Update(session);
        var tamaraOrder = SyncHarness.Captured();
        _harness.TamaraSays("tamara-found", tamaraOrder);
        _harness.Client.Setup(client => client.GetOrderByReferenceIdAsync(It.IsAny<TamaraInStoreSettings>(), order.OrderGuid.ToString(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(tamaraOrder);

        var result = await NewController(Notification("tamara-found", reference: order.OrderGuid.ToString()), bearerToken: ValidToken).Webhook();

        Assert.Multiple(() =>
        {
            Assert.That(StatusOf(result), Is.EqualTo(200));
            Assert.That(_harness.Session(session.Id).TamaraOrderId, Is.EqualTo("tamara-found"));
            Assert.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.Paid));
            Assert.That(_harness.Orders.MarkPaidCalls, Is.EqualTo(1));
            Assert.That(_harness.Sessions.Rows, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task A_paid_order_no_session_knows_is_recorded_once_as_needing_attention_with_one_error_naming_it_and_its_amount()
    {
        _harness.TamaraSays("stranger", SyncHarness.Captured(300m));

        var first = await NewController(Notification("stranger", reference: "elsewhere-1"), bearerToken: ValidToken).Webhook();
        var second = await NewController(Notification("stranger", reference: "elsewhere-1"), bearerToken: ValidToken).Webhook();

        var row = _harness.Sessions.Rows.Single();
        Assert.Multiple(() =>
        {
            Assert.That(StatusOf(first), Is.EqualTo(200));
            Assert.That(StatusOf(second), Is.EqualTo(200));
            Assert.That(row.TamaraOrderId, Is.EqualTo("stranger"));
            Assert.That(row.State, Is.EqualTo(TamaraSessionState.NeedsAttention));
            Assert.That(row.StoreId, Is.EqualTo(1), "the store whose token signed it");
            Assert.That(row.Amount, Is.EqualTo(300m));
            Assert.That(row.OrderId, Is.Zero);
            Assert.That(row.OrderGuid, Is.EqualTo(Guid.Empty));
        });
        _harness.Logger.Verify(logger => logger.ErrorAsync(It.Is<string>(message => message.Contains("stranger") && message.Contains("300.00")),
            It.IsAny<Exception>(), It.IsAny<Nop.Core.Domain.Customers.Customer>()), Times.Once);
    }

    [Test]
    public async Task An_unknown_order_tamara_cannot_be_read_for_is_asked_again()
    {
        _harness.TamaraFails("stranger", SyncHarness.Transient(HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(9)));

        var result = await NewController(Notification("stranger"), bearerToken: ValidToken).Webhook();

        Assert.That(StatusOf(result), Is.EqualTo(503));
        Assert.That(_harness.Sessions.Rows, Is.Empty);
    }

    [Test]
    public async Task A_payment_by_webhook_runs_as_the_background_task_customer_and_creates_no_guest()
    {
        var session = CapturedSessionInStore1();

        var result = await NewController(Notification(session.TamaraOrderId), queryToken: ValidToken).Webhook();

        Assert.Multiple(() =>
        {
            Assert.That(StatusOf(result), Is.EqualTo(200));
            Assert.That(_harness.Orders.MarkPaidCalls, Is.EqualTo(1));
            Assert.That(WorkContext.GuestsCreated, Is.Zero);
            Assert.That(WorkContext.GetCurrentCustomerAsync().Result, Is.SameAs(BackgroundTaskCustomer));
        });
    }
}
