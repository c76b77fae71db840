using System.Collections.Concurrent;

namespace Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;

/// <summary>Counts the HTTP requests the plugin's Tamara client sends (each retry is a request of its own)</summary>
public class HttpCallCounter
{
    private readonly ConcurrentQueue<string> _requests = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Every request as "METHOD /path", in the order sent</summary>
    public IReadOnlyList<string> Requests => _requests.ToList();

    public DelegatingHandler CreateHandler() => new CountingHandler(this);

    private sealed class CountingHandler(HttpCallCounter counter) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref counter._count);
            counter._requests.Enqueue($"{request.Method} {request.RequestUri?.AbsolutePath}");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
