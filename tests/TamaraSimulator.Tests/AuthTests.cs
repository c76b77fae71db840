using System.Net;
using System.Net.Http.Headers;
using TamaraSimulator.Tests.Support;

namespace TamaraSimulator.Tests;

public class AuthTests : SimulatorTestBase
{
    [TestCase(null)]
    [TestCase("wrong-token")]
    public async Task Api_calls_without_the_api_token_get_401_with_tamara_like_error(string? token)
    {
        using var client = new HttpClient { BaseAddress = Sim.BaseAddress };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var answer = await client.PostAsync("checkout/in-store-session", Requests.Session());

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(answer.Body!["message"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That(answer.FirstErrorCode(), Is.EqualTo("unauthorized"));
        Assert.That(Sim.State.Orders, Is.Empty);
    }

    [Test]
    public async Task Control_api_and_pages_need_no_token()
    {
        using var client = new HttpClient { BaseAddress = Sim.BaseAddress };

        Assert.That((await client.GetJsonAsync("_sim/faults")).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.GetJsonAsync("sms")).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Custom_api_token_is_honoured()
    {
        await RestartAsync(o => o.ApiToken = "other");
        using var client = new HttpClient { BaseAddress = Sim.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "other");

        var answer = await client.PostAsync("checkout/in-store-session", Requests.Session());

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK));
    }
}
