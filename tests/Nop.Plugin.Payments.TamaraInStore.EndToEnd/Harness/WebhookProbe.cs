using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;

namespace Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;

/// <summary>
/// A bare receiver for webhook deliveries: records each body and whether its token passes the plugin's validator
/// with the store's notification token. Used to test the wire without the order sync behind it.
/// </summary>
public class WebhookProbe
{
    public const string Path = "/e2e/webhook-probe";

    private readonly ConcurrentQueue<(string Body, bool TokenValid)> _deliveries = new();

    public IReadOnlyList<(string Body, bool TokenValid)> Deliveries => _deliveries.ToList();

    public async Task<IResult> ReceiveAsync(HttpRequest request, ITamaraNotificationTokenValidator validator, StoreSettings settings)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var token = TamaraNotificationTokenValidator.ExtractToken(request.Query["tamaraToken"], request.Headers.Authorization);
        var valid = validator.IsValid(token, settings.For(StoreSettings.StoreId).NotificationToken);
        _deliveries.Enqueue((body, valid));

        return valid ? Results.Ok() : Results.Unauthorized();
    }
}
