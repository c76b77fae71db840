using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Api;

/// <summary>
/// A real HTTP server on 127.0.0.1 standing in for Tamara: it records every request and answers with queued responses
/// (a request with nothing queued gets 599 so that a test notices)
/// </summary>
public sealed class StubTamaraServer : IAsyncDisposable
{
    /// <param name="Path">decoded path</param>
    /// <param name="PathAndQuery">as sent on the wire, still escaped</param>
    public sealed record RecordedRequest(string Method, string Path, string PathAndQuery, IReadOnlyDictionary<string, string> Headers,
        IReadOnlyDictionary<string, string> Query, string Body)
    {
        public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

        public JObject BodyJson => JObject.Parse(Body);
    }

    /// <param name="ResetMidBody">Announce the whole body, send half of it, then drop the connection</param>
    /// <param name="TrickleDelay">Send the body one byte at a time, waiting this long before each</param>
    public sealed record StubResponse(int Status, string Body = null, IReadOnlyDictionary<string, string> Headers = null, TimeSpan Delay = default,
        bool ResetMidBody = false, TimeSpan TrickleDelay = default);

    private readonly ConcurrentQueue<StubResponse> _responses = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private WebApplication _app;

    public string BaseUrl { get; private set; }

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public RecordedRequest LastRequest => Requests[^1];

    public static async Task<StubTamaraServer> StartAsync()
    {
        var server = new StubTamaraServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        server._app = builder.Build();
        server._app.Run(server.HandleAsync);
        await server._app.StartAsync();
        server.BaseUrl = server._app.Urls.First();

        return server;
    }

    public StubTamaraServer Enqueue(int status, string body = null, IReadOnlyDictionary<string, string> headers = null, TimeSpan delay = default)
    {
        _responses.Enqueue(new StubResponse(status, body, headers, delay));
        return this;
    }

    public StubTamaraServer EnqueueJson(object body, int status = 200) => Enqueue(status, JToken.FromObject(body).ToString());

    public StubTamaraServer EnqueueResetMidBody(string body, int status = 200)
    {
        _responses.Enqueue(new StubResponse(status, body, ResetMidBody: true));
        return this;
    }

    public StubTamaraServer EnqueueTrickle(string body, TimeSpan delayPerByte, int status = 200)
    {
        _responses.Enqueue(new StubResponse(status, body, TrickleDelay: delayPerByte));
        return this;
    }

    public void Reset()
    {
        _responses.Clear();
        _requests.Clear();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        _requests.Enqueue(new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value,
            context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value + context.Request.QueryString.Value,
            context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            context.Request.Query.ToDictionary(parameter => parameter.Key, parameter => parameter.Value.ToString()),
            body));

        var response = _responses.TryDequeue(out var queued) ? queued : new StubResponse(599, "no response queued");
        if (response.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(response.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
            context.Response.Headers[name] = value;

        if (response.Body is not null)
        {
            if (!context.Response.Headers.ContainsKey("Content-Type"))
                context.Response.ContentType = "application/json";

            var bytes = System.Text.Encoding.UTF8.GetBytes(response.Body);
            if (response.ResetMidBody)
            {
                context.Response.ContentLength = bytes.Length;
                await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
                await context.Response.Body.FlushAsync();
                context.Abort();
                return;
            }

            if (response.TrickleDelay > TimeSpan.Zero)
            {
                context.Response.ContentLength = bytes.Length;
                try
                {
                    foreach (var b in bytes)
                    {
                        await Task.Delay(response.TrickleDelay, context.RequestAborted);
                        await context.Response.Body.WriteAsync(new[] { b }, context.RequestAborted);
                        await context.Response.Body.FlushAsync(context.RequestAborted);
                    }
                }
                catch (Exception exception) when (exception is OperationCanceledException or IOException)
                {
                    // the client gave up
                }

                return;
            }

            await context.Response.WriteAsync(response.Body);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
