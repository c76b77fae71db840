using Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;

namespace Nop.Plugin.Payments.TamaraInStore.EndToEnd;

/// <summary>
/// One round trip before any test: the first request of a process compiles the simulator's and the plugin's code,
/// which on a small CI machine can outlast the short timeouts the fault tests use; every kind of call is made once.
/// </summary>
[SetUpFixture]
public class WarmUp
{
    [OneTimeSetUp]
    public async Task RunOneRoundTripAsync()
    {
        await using var environment = await EndToEndEnvironment.StartAsync(new EnvironmentOptions { RequestTimeoutSeconds = 60 });
        var settings = environment.StoreSettings;
        var session = await environment.Client.CreateInStoreSessionAsync(settings, SessionRequests.Sms("warm-up", 300m));
        environment.Simulator.State.Pay(session.OrderId);
        await environment.Client.GetOrderAsync(settings, session.OrderId);
        await environment.Client.GetOrderByReferenceIdAsync(settings, "warm-up");
        await environment.RegisterWebhookAsync();
        await environment.Client.SimplifiedRefundAsync(settings, session.OrderId, new Services.Api.Models.SimplifiedRefundRequest
        {
            TotalAmount = new Services.Api.Models.TamaraMoney(1m, "SAR"),
            Comment = "warm-up"
        });
    }
}
