using System.Net;

namespace TamaraSimulator;

public sealed class NonLoopbackBindingException(string message) : Exception(message);

public static class LoopbackUrls
{
    /// <summary>Throws when any of the ';'-separated URLs binds to something else than loopback.</summary>
    public static void EnsureLoopback(string urls)
    {
        foreach (var part in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(part.Replace("*", "wildcard").Replace("+", "wildcard"), UriKind.Absolute, out var uri) || !IsLoopbackHost(uri.Host))
            {
                throw new NonLoopbackBindingException(
                    $"Refusing to bind to '{part}': the simulator only listens on loopback (127.0.0.1, localhost, [::1]).");
            }
        }
    }

    public static bool IsLoopbackHost(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }
}
