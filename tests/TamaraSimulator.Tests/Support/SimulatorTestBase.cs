using Microsoft.Extensions.Time.Testing;

namespace TamaraSimulator.Tests.Support;

/// <summary>Starts a fresh simulator (with a fake clock at the real current time) for every test.</summary>
public abstract class SimulatorTestBase
{
    protected SimulatorHost Sim { get; private set; } = null!;
    protected HttpClient Api { get; private set; } = null!;
    protected FakeTimeProvider Clock { get; private set; } = null!;

    /// <summary>Override to change options before the simulator starts.</summary>
    protected virtual void Configure(SimulatorOptions options)
    {
    }

    [SetUp]
    public Task StartSimulator() => StartAsync(Configure);

    /// <summary>Stops this test's simulator and starts a new one with other options.</summary>
    protected async Task RestartAsync(Action<SimulatorOptions> configure)
    {
        await StopSimulator();
        await StartAsync(configure);
    }

    private async Task StartAsync(Action<SimulatorOptions> configure)
    {
        Clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = new SimulatorOptions
        {
            TimeProvider = Clock,
            NotificationRetryInitialDelayMs = 50,
            NotificationTimeoutMs = 2000,
            ExpirySweepIntervalMs = 100,
        };
        configure(options);
        Sim = await SimulatorHost.StartAsync(options);
        Api = Sim.CreateApiClient(TimeSpan.FromSeconds(10));
    }

    [TearDown]
    public async Task StopSimulator()
    {
        Api.Dispose();
        await Sim.DisposeAsync();
    }

    /// <summary>Creates an SMS session and returns (order_id, checkout_id).</summary>
    protected async Task<(string OrderId, string CheckoutId)> CreateSessionAsync(JsonObject? body = null)
    {
        var answer = await Api.PostAsync("checkout/in-store-session", body ?? Requests.Session());
        Assert.That(answer.Status, Is.EqualTo(System.Net.HttpStatusCode.OK), answer.Text);
        return (answer.Body.Str("order_id"), answer.Body.Str("checkout_id"));
    }

    protected async Task<string> CreatePaidOrderAsync(decimal amount = 300m)
    {
        var (orderId, _) = await CreateSessionAsync(Requests.Session(amount: amount));
        Assert.That(Sim.State.Pay(orderId).IsSuccess, Is.True);
        return orderId;
    }
}
