using TamaraSimulator.Tests.Support;

namespace TamaraSimulator.Tests;

public class ListenerRestartTests : SimulatorTestBase
{
    [Test]
    public async Task Stopped_it_refuses_connections_and_back_on_the_same_address_it_knows_what_happened_meanwhile()
    {
        var (orderId, _) = await CreateSessionAsync();

        await Sim.StopListeningAsync();
        Assert.ThrowsAsync<HttpRequestException>(() => Api.GetAsync($"merchants/orders/{orderId}"), "nothing listens while Tamara is down");
        Assert.That(Sim.State.Pay(orderId).IsSuccess, Is.True, "the customer pays meanwhile");

        await Sim.ListenAgainAsync();
        var order = await Api.GetJsonAsync($"merchants/orders/{orderId}");
        Assert.That(order.Status, Is.EqualTo(System.Net.HttpStatusCode.OK), order.Text);
        Assert.That(order.Body.Str("status"), Is.EqualTo("fully_captured"));
    }
}
