using System.Net;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Api;

/// <summary>
/// Which API base URLs the plugin sends the merchant token to: https anywhere, plain http only to this machine (the simulator)
/// </summary>
public static class TamaraBaseUrl
{
    /// <summary>The address the store's settings send requests to: the override, or Tamara's sandbox or live API</summary>
    public static string For(TamaraInStoreSettings settings) =>
        !string.IsNullOrWhiteSpace(settings.ApiBaseUrlOverride)
            ? settings.ApiBaseUrlOverride.Trim()
            : settings.UseSandbox ? TamaraInStoreDefaults.SandboxBaseUrl : TamaraInStoreDefaults.LiveBaseUrl;

    public static bool IsAllowed(string value)
    {
        if (!Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri))
            return false;

        if (uri.Scheme == Uri.UriSchemeHttps)
            return true;

        return uri.Scheme == Uri.UriSchemeHttp && IsLoopbackHost(uri);
    }

    /// <summary>localhost, 127.0.0.0/8 or [::1]; a name that merely starts with 127.0.0.1 is not</summary>
    private static bool IsLoopbackHost(Uri uri)
    {
        if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
            return true;

        return uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
            && IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address)
            && IPAddress.IsLoopback(address);
    }
}
