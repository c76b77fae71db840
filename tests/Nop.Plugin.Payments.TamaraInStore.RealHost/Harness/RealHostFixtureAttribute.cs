using System.Net.Sockets;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace Nop.Plugin.Payments.TamaraInStore.RealHost.Harness;

/// <summary>
/// A journey fixture that exists only where the real host answers. Without it no journey is even listed, and the one
/// test in <see cref="RealHostAvailabilityTests"/> is skipped with the line that says how to run them.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RealHostFixtureAttribute : NUnitAttribute, IFixtureBuilder2
{
    private static readonly Lazy<bool> Reachable = new(ProbeHost);

    /// <summary>Decided once, when the tests are discovered: the store's port accepts a connection from here</summary>
    public static bool HostReachable => Reachable.Value;

    public IEnumerable<TestSuite> BuildFrom(ITypeInfo typeInfo) =>
        HostReachable || RealHostInfo.Required ? new TestFixtureAttribute().BuildFrom(typeInfo) : NoTests(typeInfo);

    public IEnumerable<TestSuite> BuildFrom(ITypeInfo typeInfo, IPreFilter filter) =>
        HostReachable || RealHostInfo.Required ? new TestFixtureAttribute().BuildFrom(typeInfo, filter) : NoTests(typeInfo);

    // an empty suite, since NUnit builds the default fixture when a builder returns none
    private static IEnumerable<TestSuite> NoTests(ITypeInfo typeInfo) => new[] { new TestSuite(typeInfo) };

    private static bool ProbeHost()
    {
        var url = RealHostInfo.ReadUrlFromEnvFile();
        if (url is null)
            return false;

        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync(url.Host, url.Port).Wait(TimeSpan.FromSeconds(3)) && client.Connected;
        }
        catch (Exception exception) when (exception is SocketException or AggregateException)
        {
            return false;
        }
    }
}
