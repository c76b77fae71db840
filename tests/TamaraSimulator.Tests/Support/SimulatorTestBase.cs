using Microsoft.Extensions.Time.Testing;

namespace TamaraSimulator.Tests.Support;

/// <summary>
/// One simulator per fixture (with a fake clock started at the real current time), emptied before
/// every test; a test that restarts it with other options gets a fresh default one for the next test.
/// </summary>
public abstract class SimulatorTestBase
{
    private bool _customised;

    protected SimulatorHost Sim { get; private set; } = null!;
    protected HttpClient Api { get; private set; } = null!;
    protected FakeTimeProvider Clock { get; private set; } = null!;

    /// <summary>Override to change options for the whole fixture.</summary>
    protected virtual void Configure(SimulatorOptions options)
    {
    }

    [OneTimeSetUp]
    public Task StartFixtureSimulator() => StartAsync(Configure);

    [OneTimeTearDown]
    public Task StopFixtureSimulator() => StopAsync();

    [SetUp]
    public async Task ResetSimulator()
    {
        if (_customised)
        {
            await StopAsync();
            await StartAsync(Configure);
            _customised = false;
            return;
        }

        Sim.State.Reset();
        Sim.Faults.Reset();
        Sim.PreCheck.Mode = PreCheckMode.Offer;
    }

    /// <summary>Stops this fixture's simulator and starts one with other options, for this test only.</summary>
    protected async Task RestartAsync(Action<SimulatorOptions> configure)
    {
        _customised = true;
        await StopAsync();
        await StartAsync(options =>
        {
            Configure(options);
            configure(options);
        });
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

    private async Task StopAsync()
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
