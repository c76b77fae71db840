using System.Collections.Concurrent;

namespace Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;

/// <summary>Counts the HTTP requests the plugin's Tamara client sends (each retry is a request of its own)</summary>
public class HttpCallCounter
{
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<(string Request, int Status)> _answers = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Every request as "METHOD /path", in the order sent</summary>
    public IReadOnlyList<string> Requests => _requests.ToList();

    /// <summary>Every answer that arrived, with its HTTP status (a request that got none is not listed)</summary>
    public IReadOnlyList<(string Request, int Status)> Answers => _answers.ToList();

    public DelegatingHandler CreateHandler() => new CountingHandler(this);

    private sealed class CountingHandler(HttpCallCounter counter) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref counter._count);
            var name = $"{request.Method} {request.RequestUri?.AbsolutePath}";
            counter._requests.Enqueue(name);
            var response = await base.SendAsync(request, cancellationToken);
            counter._answers.Enqueue((name, (int)response.StatusCode));
            return response;
        }
    }
}
