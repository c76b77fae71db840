using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace TamaraSimulator;

/// <summary>The simulator running in-process on http://127.0.0.1:{random port}.</summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private WebApplication? _app;
    private int _disposed;

    private SimulatorHost(WebApplication app, Uri baseAddress, SimulatorOptions options)
    {
        _app = app;
        BaseAddress = baseAddress;
        Options = options;
        State = app.Services.GetRequiredService<SimulatorState>();
        Faults = app.Services.GetRequiredService<FaultInjector>();
    }

    /// <summary>e.g. http://127.0.0.1:41234/ (ends with a slash).</summary>
    public Uri BaseAddress { get; }
    public SimulatorOptions Options { get; }
    public SimulatorState State { get; }
    public FaultInjector Faults { get; }
    public PreCheckSwitch PreCheck => _app!.Services.GetRequiredService<PreCheckSwitch>();

    public static Task<SimulatorHost> StartAsync(SimulatorOptions options, CancellationToken ct = default) =>
        StartAsync(options, 0, ct);

    /// <summary>Listens on http://127.0.0.1:{port}; 0 takes a free port.</summary>
    public static async Task<SimulatorHost> StartAsync(SimulatorOptions options, int port, CancellationToken ct = default)
    {
        // The webhook/dispatcher services are created lazily; build them before the first request.
        var app = SimulatorApp.Build(options, $"http://127.0.0.1:{port}");
        _ = app.Services.GetRequiredService<NotificationDispatcher>();
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SimulatorHost(app, new Uri(address.TrimEnd('/') + "/"), options);
    }

    /// <summary>
    /// Makes Tamara disagree with the store: changes an order's captured or refunded amount or status WITHOUT any notification
    /// (a capture or a portal refund whose webhook was lost, a status Tamara changed on its side)
    /// </summary>
    public SimResult<SimOrder> ChangeOrderSilently(string orderIdOrCheckoutId, SilentChange change) =>
        State.ChangeSilently(orderIdOrCheckoutId, change);

    /// <summary>An HttpClient for this simulator, with the API token set (timeout optional).</summary>
    public HttpClient CreateApiClient(TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Options.ApiToken);
        return client;
    }

    /// <summary>Polls <paramref name="condition"/> every 20 ms until it holds; false when the timeout passes first.</summary>
    public async Task<bool> WaitUntilAsync(Func<SimulatorState, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (condition(State))
            {
                return true;
            }

            await Task.Delay(20);
        }

        return condition(State);
    }

    /// <summary>
    /// Tamara down: the listener stops (connections are refused) and the notifications not yet delivered are lost; orders,
    /// SMS, webhooks and faults are kept, and customers can still pay through <see cref="State"/>
    /// </summary>
    public async Task StopListeningAsync()
    {
        var app = Interlocked.Exchange(ref _app, null);
        if (app is null)
        {
            return;
        }

        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>Tamara back on the same address after <see cref="StopListeningAsync"/>, with everything it knew</summary>
    public async Task ListenAgainAsync(CancellationToken ct = default)
    {
        if (_app is not null)
        {
            return;
        }

        var app = SimulatorApp.Build(Options, BaseAddress.ToString().TrimEnd('/'), State, Faults);
        _ = app.Services.GetRequiredService<NotificationDispatcher>();
        await app.StartAsync(ct);
        _app = app;
    }

    /// <summary>Stops the simulator (at most a few seconds, even with hanging calls); safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await StopListeningAsync();
    }
}
