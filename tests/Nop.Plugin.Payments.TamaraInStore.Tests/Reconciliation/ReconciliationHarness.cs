using Microsoft.Extensions.DependencyInjection;
using Moq;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Reconciliation;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;
using Nop.Plugin.Payments.TamaraInStore.Tests.Fakes;
using Nop.Plugin.Payments.TamaraInStore.Tests.Sync;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Reconciliation;

/// <summary>
/// The reconciliation over <see cref="SyncHarness"/>: nopCommerce in memory, Tamara scripted per order, the real order sync
/// and refund service, and a real DI container whose scopes the workers open
/// </summary>
public class ReconciliationHarness
{
    public ReconciliationHarness()
    {
        Sync.Settings[1] = new TamaraInStoreSettings { ApiToken = "api-1", PollIntervalSeconds = 10 };

        var services = new ServiceCollection();
        services.AddSingleton(Sync.English.Object);
        services.AddSingleton(Sync.Orders.OrderService);
        services.AddSingleton(Sync.SettingService.Object);
        services.AddSingleton(Sync.Client.Object);
        services.AddSingleton(Sync.SessionService);
        services.AddSingleton(Sync.NoteWriter);
        services.AddSingleton<TimeProvider>(Sync.Time);
        services.AddScoped<TamaraOrderSyncService>(_ => new HookedOrderSyncService(Sync, () => BeforeSync));
        services.AddScoped<TamaraSessionReconciler>(provider =>
        {
            Interlocked.Increment(ref _scopes);
            WorkerRequests.Add((Sync.HttpContextAccessor.HttpContext, provider));
            return ActivatorUtilities.CreateInstance<TamaraSessionReconciler>(provider);
        });
        Provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private int _scopes;

    public SyncHarness Sync { get; } = new();

    public ServiceProvider Provider { get; }

    public InMemoryRepository<TamaraReconciliationRun> Runs { get; } = new();

    public InMemoryRepository<TamaraReconciliationMark> Marks { get; } = new() { UniqueKey = mark => mark.SessionId };

    /// <summary>How many worker scopes resolved a reconciler</summary>
    public int Scopes => _scopes;

    /// <summary>The request each worker scope saw when it resolved its reconciler, and that scope</summary>
    public System.Collections.Concurrent.ConcurrentBag<(Microsoft.AspNetCore.Http.HttpContext Request, IServiceProvider Scope)> WorkerRequests { get; } = new();

    /// <summary>Runs just before the reconciliation's own sync, e.g. a webhook landing between its read and its fix</summary>
    public Func<string, Task> BeforeSync { get; set; }

    public TimeSpan Budget { get; set; } = TamaraInStoreDefaults.Reconciliation.RunBudget;

    /// <summary>The run's pace; none by default, as Tamara's clock here moves only when a test moves it</summary>
    public double ReadsPerSecond { get; set; }

    public TamaraReconciliationService NewService() =>
        new TestableReconciliationService(Sync.HttpContextAccessor, Sync.English.Object, Sync.Logger.Object, Provider.GetRequiredService<IServiceScopeFactory>(),
            Sync.SettingService.Object, new TamaraReconciliationMarkStore(Marks), new TamaraReconciliationReportStore(Runs), Sync.SessionService,
            Sync.Time, () => Budget, () => ReadsPerSecond);

    public Task<TamaraReconciliationReport> RunAsync() => NewService().RunAsync();

    /// <summary>A sync as Tamara's webhook starts it</summary>
    public Task<TamaraSyncResult> WebhookAsync(string tamaraOrderId) =>
        Sync.NewService(refundService: Sync.NewRefundService()).SyncAsync(tamaraOrderId, TamaraSyncTrigger.Webhook);

    public (Order Order, TamaraSession Session) AddPendingOrder(decimal amount = 300m) => Sync.AddPendingOrder(amount);

    /// <summary>An order the plugin marked as paid for Tamara's full capture</summary>
    public (Order Order, TamaraSession Session) AddPaidOrder(decimal amount = 300m)
    {
        var (order, session) = Sync.AddPendingOrder(amount);
        Change(order, o => { o.PaymentStatus = PaymentStatus.Paid; o.OrderStatus = OrderStatus.Processing; });
        Change(session, s => { s.State = TamaraSessionState.Paid; s.TamaraStatus = TamaraOrderStatus.FullyCaptured; s.CapturedAmount = amount; s.PaidOnUtc = Sync.Now; });
        return (Order(order.Id), Session(session.Id));
    }

    public Order Order(int id) => Sync.Orders.Get(id);

    public TamaraSession Session(int id) => Sync.Session(id);

    public void Change(Order order, Action<Order> change)
    {
        var stored = Order(order.Id);
        change(stored);
        Sync.Orders.OrderService.UpdateOrderAsync(stored).GetAwaiter().GetResult();
    }

    public void Change(TamaraSession session, Action<TamaraSession> change)
    {
        var stored = Session(session.Id);
        change(stored);
        Sync.Sessions.Update(stored);
    }

    public IReadOnlyList<string> Notes(int orderId) => Sync.Orders.NotesOf(orderId).Select(note => note.Note).ToList();

    public int ReadsOf(string tamaraOrderId) => Sync.Client.Invocations
        .Count(call => call.Method.Name == nameof(ITamaraClient.GetOrderAsync) && (string)call.Arguments[1] == tamaraOrderId);

    /// <summary>The reconciliation reads only: no void, refund, reference update or session</summary>
    public void VerifyNothingWrittenToTamara()
    {
        var writes = Sync.Client.Invocations.Where(call => call.Method.Name != nameof(ITamaraClient.GetOrderAsync)).Select(call => call.Method.Name).ToList();
        Assert.That(writes, Is.Empty);
    }
}

/// <summary>The real order sync (with the real refund service), after a hook</summary>
public class HookedOrderSyncService : TestableOrderSyncService
{
    private readonly Func<Func<string, Task>> _hook;

    public HookedOrderSyncService(SyncHarness sync, Func<Func<string, Task>> hook)
        : base(sync.NoteWriter, sync.Locker, sync.Logger.Object, sync.Orders.OrderProcessingService, sync.Orders.OrderService, sync.SettingService.Object,
            sync.Client.Object, sync.NewOrderPayment(), sync.NewRefundService(), sync.SessionService, sync.Time)
    {
        _hook = hook;
    }

    public override async Task<TamaraSyncResult> SyncAsync(string tamaraOrderId, TamaraSyncTrigger trigger, CancellationToken cancellationToken = default)
    {
        if (_hook() is { } hook)
            await hook(tamaraOrderId);

        return await base.SyncAsync(tamaraOrderId, trigger, cancellationToken);
    }
}

/// <summary>The real service with a time budget and a pace a test sets</summary>
public class TestableReconciliationService : TamaraReconciliationService
{
    private readonly Func<TimeSpan> _budget;
    private readonly Func<double> _readsPerSecond;

    public TestableReconciliationService(Microsoft.AspNetCore.Http.IHttpContextAccessor httpContextAccessor, ILocalizationService localizationService,
        Nop.Services.Logging.ILogger logger, IServiceScopeFactory scopeFactory,
        ISettingService settingService, TamaraReconciliationMarkStore markStore, TamaraReconciliationReportStore reportStore,
        TamaraSessionService sessionService, TimeProvider timeProvider, Func<TimeSpan> budget, Func<double> readsPerSecond)
        : base(httpContextAccessor, localizationService, logger, scopeFactory, settingService, markStore, reportStore, sessionService, timeProvider)
    {
        _budget = budget;
        _readsPerSecond = readsPerSecond;
    }

    protected override TimeSpan RunBudget => _budget();

    protected override double ReadsPerSecond => _readsPerSecond();
}
