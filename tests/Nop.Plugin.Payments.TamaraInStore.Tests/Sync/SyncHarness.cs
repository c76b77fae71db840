using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Refunds;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;
using Nop.Plugin.Payments.TamaraInStore.Tests.Fakes;
using Nop.Services.Configuration;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Sync;

/// <summary>
/// Everything a sync needs, in memory: sessions, refunds, orders, settings per store, a real locker and a fake clock.
/// Tamara is a mock whose current answer per order is set with <see cref="TamaraSays"/>.
/// </summary>
public class SyncHarness
{
    public static readonly DateTime Start = new(2025, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    private readonly Dictionary<string, TamaraOrder> _tamaraOrders = new();
    private readonly Dictionary<string, Func<Task>> _duringRead = new();
    private int _nextOrderId = 100;

    public SyncHarness()
    {
        SessionService = new TamaraSessionService(Refunds, Sessions, PaymentClaims);
        Settings[0] = new TamaraInStoreSettings { ApiToken = "api-0", NotificationToken = "notify-0", PollIntervalSeconds = 10, CancelOrderWhenDeclinedOrExpired = true };

        SettingService.Setup(service => service.LoadSettingAsync<TamaraInStoreSettings>(It.IsAny<int>()))
            .ReturnsAsync((int storeId) => Settings.TryGetValue(storeId, out var settings) ? settings : Settings[0]);

        Client.Setup(client => client.GetOrderAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(async (TamaraInStoreSettings _, string orderId, CancellationToken _) =>
            {
                await Task.Yield();
                Func<Task> duringRead;
                lock (_duringRead)
                    _duringRead.Remove(orderId, out duringRead);
                if (duringRead is not null)
                    await duringRead();

                lock (_tamaraOrders)
                    return _tamaraOrders.TryGetValue(orderId, out var order)
                        ? order
                        : throw new TamaraApiException("Order not found", System.Net.HttpStatusCode.NotFound, "GET /merchants/orders/x");
            });
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(Start));

    public InMemoryRepository<TamaraSession> Sessions { get; } = new();

    public InMemoryRepository<TamaraRefund> Refunds { get; } = new();

    /// <summary>The payment claims with the database's unique index on the order</summary>
    public InMemoryRepository<TamaraPaymentClaim> PaymentClaims { get; } = new() { UniqueKey = claim => claim.OrderId };

    public TamaraSessionService SessionService { get; }

    public InMemoryOrders Orders { get; } = new();

    /// <summary>Which order notes the plugin wrote</summary>
    public InMemoryRepository<TamaraOrderNote> OrderNotes { get; } = new();

    /// <summary>The plugin's note writer over the shared orders and marks</summary>
    public TamaraOrderNoteWriter NoteWriter => new(Orders.OrderService, OrderNotes, Time);

    public InMemoryLocker Locker { get; } = new();

    public Dictionary<int, TamaraInStoreSettings> Settings { get; } = new();

    public Mock<ISettingService> SettingService { get; } = new();

    public Mock<ITamaraClient> Client { get; } = new();

    public Mock<ILogger> Logger { get; } = new();

    /// <summary>nopCommerce's IHttpContextAccessor, a singleton over an AsyncLocal</summary>
    public HttpContextAccessor HttpContextAccessor { get; } = new();

#pragma warning disable ASPDEPR006 // obsolete from ASP.NET Core 10; nopCommerce 4.90 (net9.0) uses it for its e-mails' links
    public Microsoft.AspNetCore.Mvc.Infrastructure.ActionContextAccessor ActionContextAccessor { get; } = new();
#pragma warning restore ASPDEPR006

    /// <summary>The plugin's singleton: one pause per API token, kept between runs</summary>
    public TamaraTokenBackoff TokenBackoff => _tokenBackoff ??= new TamaraTokenBackoff(Time);

    private TamaraTokenBackoff _tokenBackoff;

    /// <summary>Every order-sync service the poller's workers resolved, with the request their scope saw when it did</summary>
    public ConcurrentBag<WorkerResolution> WorkerResolutions { get; } = new();

    /// <summary>The lock the workers' sync services take; the shared one when not set</summary>
    public Nop.Core.Caching.ILocker LockerForWorkers { get; set; }

    /// <summary>The container: the sync service is scoped, as NopStartup registers it</summary>
    public IServiceProvider Services => _services ??= BuildServices();

    private IServiceProvider _services;

    private IServiceProvider BuildServices()
    {
        var services = new ServiceCollection();
        services.AddSingleton(Logger.Object);
        services.AddSingleton<IHttpContextAccessor>(HttpContextAccessor);
        // nopCommerce registers the action context accessor as a singleton over an AsyncLocal too
        services.AddSingleton<Microsoft.AspNetCore.Mvc.Infrastructure.IActionContextAccessor>(ActionContextAccessor);
        services.AddScoped<TamaraOrderSyncService>(provider =>
        {
            var service = NewService(locker: LockerForWorkers);
            WorkerResolutions.Add(new WorkerResolution(service, provider, HttpContextAccessor.HttpContext, ActionContextAccessor.ActionContext));
            return service;
        });
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>A run of the scheduled task as nopCommerce starts it: built in the runtask request's scope and run inside that request</summary>
    public ScheduleTaskRequest NewPollTask()
    {
        var requestScope = Services.CreateScope();
        var task = new TamaraPendingSessionsTask(HttpContextAccessor, requestScope.ServiceProvider.GetRequiredService<IServiceScopeFactory>(),
            SettingService.Object, SessionService, TokenBackoff, Time);
        return new ScheduleTaskRequest(HttpContextAccessor, requestScope.ServiceProvider, task);
    }

    /// <summary>Constructed without dependencies: only its virtual reconcile entry point is used, as a mock</summary>
    public Mock<TamaraRefundService> RefundService { get; } = new(Enumerable.Repeat<object>(null, typeof(TamaraRefundService).GetConstructors().Single().GetParameters().Length).ToArray());

    public DateTime Now => Time.GetUtcNow().UtcDateTime;

    /// <summary>A new service instance over the shared state, as another web server of a farm would have</summary>
    public TestableOrderSyncService NewService(Nop.Core.Caching.ILocker locker = null,
        Nop.Services.Orders.IOrderProcessingService orderProcessingService = null, TamaraSessionService sessionService = null,
        TamaraRefundService refundService = null) =>
        new(NoteWriter, locker ?? Locker, Logger.Object, orderProcessingService ?? Orders.OrderProcessingService, Orders.OrderService,
            SettingService.Object, Client.Object, NewOrderPayment(orderProcessingService, sessionService), refundService ?? RefundService.Object,
            sessionService ?? SessionService, Time);

    /// <summary>The shared mark-paid over the shared state</summary>
    public TamaraOrderPayment NewOrderPayment(Nop.Services.Orders.IOrderProcessingService orderProcessingService = null, TamaraSessionService sessionService = null) =>
        new(orderProcessingService ?? Orders.OrderProcessingService, Orders.OrderService, sessionService ?? SessionService, Time);

    public InMemoryRepository<TamaraDispute> Disputes { get; } = new() { UniqueKey = dispute => dispute.DisputeId };

    /// <summary>The dispute service over the shared state, syncing orders with <paramref name="syncService"/> (a new one by default)</summary>
    public Nop.Plugin.Payments.TamaraInStore.Services.Disputes.TamaraDisputeService NewDisputeService(TamaraOrderSyncService syncService = null) =>
        new(Disputes, Logger.Object, SettingService.Object, Client.Object, syncService ?? NewService(), Time);

    /// <summary>The real refund service over the shared state, with English texts and the primary currency SAR</summary>
    public TamaraRefundService NewRefundService()
    {
        var currencies = new Mock<Nop.Services.Directory.ICurrencyService>();
        currencies.Setup(service => service.GetCurrencyByIdAsync(1)).ReturnsAsync(new Nop.Core.Domain.Directory.Currency { Id = 1, CurrencyCode = "SAR" });

        return new TamaraRefundService(NoteWriter, new Nop.Core.Domain.Directory.CurrencySettings { PrimaryStoreCurrencyId = 1 }, currencies.Object, null,
            English.Object, Locker, Logger.Object, Orders.OrderProcessingService, Orders.OrderService, SettingService.Object,
            Client.Object, SessionService, Time);
    }

    /// <summary>Resources in English, formatted as staff read them</summary>
    public Mock<Nop.Services.Localization.ILocalizationService> English { get; } = EnglishResources();

    private static Mock<Nop.Services.Localization.ILocalizationService> EnglishResources()
    {
        var english = Localization.TamaraInStoreLocaleResources.English();
        var localization = new Mock<Nop.Services.Localization.ILocalizationService>();
        localization.Setup(service => service.GetResourceAsync(It.IsAny<string>()))
            .ReturnsAsync((string key) => english.TryGetValue(key, out var text) ? text : key);
        return localization;
    }

    public (Order Order, TamaraSession Session) AddPendingOrder(decimal amount = 300m, string currency = "SAR", int storeId = 1, string tamaraOrderId = null)
    {
        var order = Orders.Add(new Order
        {
            Id = _nextOrderId++,
            StoreId = storeId,
            OrderGuid = Guid.NewGuid(),
            PaymentMethodSystemName = TamaraInStoreDefaults.SystemName,
            OrderStatus = OrderStatus.Pending,
            PaymentStatus = PaymentStatus.Pending,
            OrderTotal = amount,
            CurrencyRate = 1m,
            CustomerCurrencyCode = currency
        });

        var session = AddSession(order, amount, currency, tamaraOrderId);
        return (order, session);
    }

    public TamaraSession AddSession(Order order, decimal amount = 300m, string currency = "SAR", string tamaraOrderId = null)
    {
        var session = new TamaraSession
        {
            OrderId = order?.Id ?? 0,
            OrderGuid = order?.OrderGuid ?? Guid.NewGuid(),
            StoreId = order?.StoreId ?? 1,
            CheckoutId = "checkout-" + Guid.NewGuid().ToString("N")[..8],
            TamaraOrderId = tamaraOrderId ?? "tamara-" + Guid.NewGuid().ToString("N")[..8],
            TamaraStatus = TamaraOrderStatus.New,
            State = TamaraSessionState.Pending,
            Amount = amount,
            CurrencyCode = currency,
            CreatedOnUtc = Now,
            ExpiresOnUtc = Now.AddMinutes(15)
        };
        Sessions.Insert(session);
        return session;
    }

    public TamaraSession Session(int id) => Sessions.GetById(id);

    public void TamaraSays(string tamaraOrderId, TamaraOrder order)
    {
        order.OrderId = tamaraOrderId;
        lock (_tamaraOrders)
            _tamaraOrders[tamaraOrderId] = order;
    }

    /// <summary>Runs once while the next read of the Tamara order is on its way: what staff or another server do meanwhile</summary>
    public void DuringNextRead(string tamaraOrderId, Func<Task> action)
    {
        lock (_duringRead)
            _duringRead[tamaraOrderId] = action;
    }

    public void TamaraFails(string tamaraOrderId, TamaraApiException exception)
    {
        Client.Setup(client => client.GetOrderAsync(It.IsAny<TamaraInStoreSettings>(), tamaraOrderId, It.IsAny<CancellationToken>()))
            .ThrowsAsync(exception);
    }

    public static TamaraOrder Status(string status, decimal captured = 0m, string currency = "SAR") => new()
    {
        Status = status,
        TotalAmount = new TamaraMoney(300m, "SAR"),
        CapturedAmount = new TamaraMoney(captured, currency),
        RefundedAmount = new TamaraMoney(0m, currency)
    };

    public static TamaraOrder Captured(decimal amount = 300m, string currency = "SAR", string status = TamaraOrderStatus.FullyCaptured)
    {
        var order = Status(status, amount, currency);
        order.Transactions.Captures.Add(new TamaraCapture { CaptureId = "capture-1", TotalAmount = new TamaraMoney(amount, currency) });
        return order;
    }

    public static TamaraApiException Transient(System.Net.HttpStatusCode statusCode, TimeSpan? retryAfter = null) =>
        new("Tamara is busy", statusCode, "GET /merchants/orders/x", isTransient: true, retryAfter: retryAfter);
}

/// <summary>An order-sync service a worker resolved, the provider (scope) it came from and the request that scope saw</summary>
public record WorkerResolution(TamaraOrderSyncService Service, IServiceProvider Scope, HttpContext Request, Microsoft.AspNetCore.Mvc.ActionContext ActionContext);

/// <summary>The real service with a short lock-retry pause, so racing tests run fast</summary>
public class TestableOrderSyncService : TamaraOrderSyncService
{
    public TestableOrderSyncService(TamaraOrderNoteWriter noteWriter, Nop.Core.Caching.ILocker locker, ILogger logger, Nop.Services.Orders.IOrderProcessingService orderProcessingService,
        Nop.Services.Orders.IOrderService orderService, ISettingService settingService, ITamaraClient tamaraClient, TamaraOrderPayment orderPayment,
        TamaraRefundService refundService, TamaraSessionService sessionService, TimeProvider timeProvider)
        : base(noteWriter, locker, logger, orderProcessingService, orderService, settingService, tamaraClient, orderPayment, refundService, sessionService, timeProvider)
    {
    }

    protected override int LockAttempts => 200;

    protected override TimeSpan LockRetryDelay => TimeSpan.FromMilliseconds(2);
}
