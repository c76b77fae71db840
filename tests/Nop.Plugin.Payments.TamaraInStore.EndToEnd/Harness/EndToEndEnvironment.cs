using Microsoft.Extensions.DependencyInjection;
using Nop.Data;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Tests.Fakes;
using Nop.Services.Logging;
using TamaraSimulator;

namespace Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;

/// <summary>
/// One test's world: the Tamara simulator and the store (<see cref="PluginHost"/>) talking over real HTTP on 127.0.0.1,
/// the store configured with the simulator's address and tokens, its database in memory.
/// </summary>
public sealed partial class EndToEndEnvironment : IAsyncDisposable
{
    private readonly EnvironmentOptions _options;

    private EndToEndEnvironment(SimulatorHost simulator, StoreSettings settings, EnvironmentOptions options)
    {
        Simulator = simulator;
        Settings = settings;
        _options = options;
    }

    /// <summary>Requests sent to Tamara by the plugin's HTTP client</summary>
    public HttpCallCounter TamaraHttpCalls { get; } = new();

    public SimulatorHost Simulator { get; }

    public PluginHost Plugin { get; private set; }

    public StoreSettings Settings { get; }

    public TamaraInStoreSettings StoreSettings => Settings.For(Harness.StoreSettings.StoreId);

    public RecordingLogger Log { get; } = new();

    public InMemoryRepository<TamaraSession> Sessions { get; } = new();

    public InMemoryRepository<TamaraRefund> Refunds { get; } = new();

    public InMemoryRepository<TamaraPaymentClaim> PaymentClaims { get; } = new() { UniqueKey = claim => claim.OrderId };

    /// <summary>With the unique index the database has</summary>
    public InMemoryRepository<TamaraRefundClaim> RefundClaims { get; } = new() { UniqueKey = claim => (claim.SessionId, claim.Basis) };

    /// <summary>Which order notes the plugin wrote</summary>
    public InMemoryRepository<TamaraOrderNote> OrderNotes { get; } = new();

    public InMemoryRepository<TamaraReconciliationRun> ReconciliationRuns { get; } = new();

    public InMemoryRepository<TamaraDispute> Disputes { get; } = new() { UniqueKey = dispute => dispute.DisputeId };

    public InMemoryRepository<TamaraStoreHealth> Health { get; } = new();
    public InMemoryRepository<TamaraReconciliationMark> ReconciliationMarks { get; } = new() { UniqueKey = mark => mark.SessionId };

    /// <summary>The plugin's Tamara client as nopCommerce would resolve it (typed HttpClient from the factory)</summary>
    public ITamaraClient Client => Plugin.Services.GetRequiredService<ITamaraClient>();

    public static async Task<EndToEndEnvironment> StartAsync(EnvironmentOptions options = null)
    {
        options ??= new EnvironmentOptions();
        var simulatorOptions = new SimulatorOptions
        {
            TimeProvider = options.SimulatorClock,
            // quick redelivery, so drop-then-retry and a 503 from the store resolve within a test
            NotificationRetryInitialDelayMs = 100,
            NotificationRetryBackoffFactor = 2,
            NotificationTimeoutMs = 5000
        };
        options.ConfigureSimulator?.Invoke(simulatorOptions);

        var simulator = await SimulatorHost.StartAsync(simulatorOptions);
        var settings = new StoreSettings();
        settings.Set(Harness.StoreSettings.StoreId, new TamaraInStoreSettings
        {
            ApiBaseUrlOverride = simulator.BaseAddress.ToString(),
            ApiToken = simulatorOptions.ApiToken,
            NotificationToken = simulatorOptions.NotificationToken,
            StoreCode = "riyadh-01",
            CountryCode = "SA",
            RequestTimeoutSeconds = options.RequestTimeoutSeconds,
            PollIntervalSeconds = 1,
            SessionLifetimeMinutes = simulatorOptions.SessionLifetimeMinutes,
            CancelOrderWhenDeclinedOrExpired = true
        });

        var environment = new EndToEndEnvironment(simulator, settings, options);
        try
        {
            environment.Plugin = await PluginHost.StartAsync(environment.AddNopCommerceFakes);
            environment.Log.HttpContextAccessor = environment.Plugin.Services.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>();
            environment.PublishOrderEventsToThePlugin();
        }
        catch
        {
            await simulator.DisposeAsync();
            throw;
        }

        return environment;
    }

    /// <summary>What nopCommerce itself would provide to the plugin</summary>
    private void AddNopCommerceFakes(IServiceCollection services)
    {
        services.AddSingleton<ILogger>(Log);
        // nopCommerce registers it at start-up; the checkout reads and writes the till's cookie through it
        services.AddHttpContextAccessor();
        services.AddSingleton(Settings);
        services.AddSingleton(Settings.SettingService.Object);
        services.AddSingleton(Settings.StoreService.Object);
        services.AddSingleton<IRepository<TamaraSession>>(Sessions);
        services.AddSingleton<IRepository<TamaraRefund>>(Refunds);
        services.AddSingleton<IRepository<TamaraPaymentClaim>>(PaymentClaims);
        services.AddSingleton<IRepository<TamaraRefundClaim>>(RefundClaims);
        services.AddSingleton<IRepository<TamaraOrderNote>>(OrderNotes);
        services.AddSingleton<IRepository<TamaraReconciliationRun>>(ReconciliationRuns);
        services.AddSingleton<IRepository<TamaraDispute>>(Disputes);
        services.AddSingleton<IRepository<TamaraStoreHealth>>(Health);
        services.AddSingleton<IRepository<TamaraReconciliationMark>>(ReconciliationMarks);
        AddOrderFakes(services);

        services.AddHttpClient<ITamaraClient, TamaraClient>().AddHttpMessageHandler(TamaraHttpCalls.CreateHandler);
        if (_options.TamaraClient is not null)
            services.AddSingleton(_options.TamaraClient);

        _options.ConfigureServices?.Invoke(services);
    }

    /// <summary>Polls <paramref name="condition"/> until it holds or <paramref name="timeout"/> passes; the caller asserts the answer</summary>
    public static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        // generous: on a loaded 2-core CI machine a webhook round trip can take seconds; a passing test never waits this long
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                return false;
            await Task.Delay(20);
        }
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        if (Plugin is not null)
            await Plugin.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
