using System.Text;
using TamaraSimulator;

namespace Nop.Plugin.Payments.TamaraInStore.RealHost.Harness;

/// <summary>
/// Tamara's notifications of one order sent again, at once (up to a number in flight), as a retrying or misbehaving sender would: the same
/// signed payloads Tamara sent, to the registered webhook URL, each with a fresh tamaraToken
/// </summary>
public static class WebhookBurst
{
    public static async Task<IReadOnlyList<(int Status, string RetryAfter)>> SendAsync(SimulatorHost tamara,
        IReadOnlyList<OrderNotification> notifications, int copiesEach, int atOnce)
    {
        using var inFlight = new SemaphoreSlim(atOnce);
        var webhook = tamara.State.Webhooks.Single(registration => registration.Type == "order");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { Timeout = TimeSpan.FromMinutes(2) };
        var start = new TaskCompletionSource();
        var sends = Enumerable.Range(0, copiesEach)
            .SelectMany(_ => notifications)
            .Select(async notification =>
            {
                await start.Task;
                await inFlight.WaitAsync();
                var token = NotificationTokenSigner.Create(tamara.Options.NotificationToken, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
                using var request = new HttpRequestMessage(HttpMethod.Post,
                    webhook.Url + (webhook.Url.Contains('?') ? "&" : "?") + "tamaraToken=" + Uri.EscapeDataString(token))
                {
                    Content = new StringContent(notification.PayloadJson, Encoding.UTF8, "application/json")
                };
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
                try
                {
                    using var answer = await http.SendAsync(request);
                    return ((int)answer.StatusCode, answer.Headers.RetryAfter?.ToString());
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    return (0, exception.Message);
                }
                finally
                {
                    inFlight.Release();
                }
            })
            .ToList();
        start.SetResult();
        return await Task.WhenAll(sends);
    }
}
