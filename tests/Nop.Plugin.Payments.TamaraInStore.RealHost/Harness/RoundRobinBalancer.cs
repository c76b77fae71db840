using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Nop.Plugin.Payments.TamaraInStore.RealHost.Harness;

/// <summary>
/// The load balancer in front of a web farm: each request goes to the next instance in turn, as it came (method, path,
/// headers, body), and the answer comes back as the instance gave it. The store's URL points here in a farm, so Tamara's
/// webhooks and nopCommerce's own scheduled-task calls are spread over the instances the way a real balancer spreads them.
/// </summary>
public sealed class RoundRobinBalancer : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Proxy-Connection", "TE", "Trailer", "Host"
    };

    private readonly WebApplication _app;
    private readonly Uri[] _instances;
    private readonly HttpClient _client = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        Timeout = TimeSpan.FromMinutes(3)
    };
    private int _next = -1;

    private RoundRobinBalancer(WebApplication app, Uri[] instances)
    {
        _app = app;
        _instances = instances;
    }

    public Uri Url { get; private init; }

    /// <summary>Every request forwarded: the instance, the path and the status it answered (0 when it could not be reached)</summary>
    public ConcurrentQueue<(Uri Instance, string Path, int Status)> Forwarded { get; } = new();

    /// <summary>The status recorded for a call its caller abandoned before the server answered</summary>
    public const int CallerGaveUp = 499;

    public static async Task<RoundRobinBalancer> StartAsync(int port, params Uri[] instances)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var balancer = new RoundRobinBalancer(app, instances) { Url = new Uri($"http://127.0.0.1:{port}/") };
        app.Run(balancer.ForwardAsync);
        await app.StartAsync();
        return balancer;
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var instance = _instances[(int)((uint)Interlocked.Increment(ref _next) % (uint)_instances.Length)];
        var path = context.Request.Path + context.Request.QueryString;
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(instance, path.TrimStart('/')));
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
            request.Content = new StreamContent(context.Request.Body);
        foreach (var (name, values) in context.Request.Headers)
        {
            if (HopByHop.Contains(name))
                continue;
            if (!request.Headers.TryAddWithoutValidation(name, values.ToArray()))
                request.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
        }

        request.Headers.TryAddWithoutValidation("X-Forwarded-For", context.Connection.RemoteIpAddress?.ToString());
        try
        {
            using var answer = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
            Forwarded.Enqueue((instance, context.Request.Path, (int)answer.StatusCode));
            context.Response.StatusCode = (int)answer.StatusCode;
            foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers))
                if (!HopByHop.Contains(name))
                    context.Response.Headers[name] = values.ToArray();
            await answer.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            // 499 as nginx logs it: the caller gave up waiting (Tamara's delivery timeout; it sends the notification again)
            Forwarded.Enqueue((instance, context.Request.Path, context.RequestAborted.IsCancellationRequested ? CallerGaveUp : 0));
            if (!context.Response.HasStarted)
                context.Response.StatusCode = StatusCodes.Status502BadGateway;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _client.Dispose();
    }
}
