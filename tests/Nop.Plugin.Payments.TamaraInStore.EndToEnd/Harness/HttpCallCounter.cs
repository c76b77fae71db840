namespace Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;

/// <summary>Counts the HTTP requests the plugin's Tamara client sends (each retry is a request of its own)</summary>
public class HttpCallCounter
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public DelegatingHandler CreateHandler() => new CountingHandler(this);

    private sealed class CountingHandler(HttpCallCounter counter) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref counter._count);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
