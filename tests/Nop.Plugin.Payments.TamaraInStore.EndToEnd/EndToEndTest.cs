using Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using TamaraSimulator;

namespace Nop.Plugin.Payments.TamaraInStore.EndToEnd;

/// <summary>A fresh simulator and store per test; override <see cref="Options"/> to change either</summary>
public abstract class EndToEndTest
{
    protected EndToEndEnvironment Env { get; private set; }

    protected SimulatorHost Simulator => Env.Simulator;

    protected SimulatorState Tamara => Env.Simulator.State;

    protected ITamaraClient Client => Env.Client;

    protected TamaraInStoreSettings Settings => Env.StoreSettings;

    protected virtual EnvironmentOptions Options => new();

    [SetUp]
    public async Task StartEnvironmentAsync() => Env = await EndToEndEnvironment.StartAsync(Options);

    [TearDown]
    public async Task StopEnvironmentAsync()
    {
        if (Env is not null)
            await Env.DisposeAsync();
    }

    protected static string NewReference() => "ORD-" + Guid.NewGuid().ToString("N")[..10];

    protected async Task<CreateInStoreSessionResponse> CreateSessionAsync(decimal total = 300m, string reference = null) =>
        await Client.CreateInStoreSessionAsync(Settings, SessionRequests.Sms(reference ?? NewReference(), total));

    protected async Task<string> CreatePaidTamaraOrderAsync(decimal total = 300m)
    {
        var session = await CreateSessionAsync(total);
        Assert.That(Tamara.Pay(session.OrderId).IsSuccess, Is.True, "the simulator took the payment");
        return session.OrderId;
    }
}
