using System.Text.Json;

namespace Nop.Plugin.Payments.TamaraInStore.RealHost.Harness;

/// <summary>
/// Where the real nopCommerce of ../shared/nophost is: read from the file its up.sh writes
/// (NOPHOST_ENV_FILE, default /var/tmp/nophost/env), then checked by a request to the store.
/// </summary>
public sealed class RealHostInfo
{
    public const string HowToRun =
        "real-host suite skipped: no nopCommerce reachable; to run it: ../shared/nophost/up.sh && dotnet pwsh ./build.ps1 -Target Pack && " +
        "../shared/nophost/inside.sh dotnet test tests/Nop.Plugin.Payments.TamaraInStore.RealHost";

    public Uri Url { get; private init; }
    public string AdminEmail { get; private init; }
    public string AdminPassword { get; private init; }
    public string WebDir { get; private init; }
    public string LogPath { get; private init; }

    /// <summary>The store's own connection string, as its installer wrote it into App_Data/appsettings.json</summary>
    public string ConnectionString { get; private init; }

    /// <summary>CI sets NOPHOST_REQUIRED=1 once up.sh succeeded: then an unreachable host fails the suite instead of skipping it</summary>
    public static bool Required => Environment.GetEnvironmentVariable("NOPHOST_REQUIRED") == "1";

    /// <summary>
    /// Why CI did not bring the real host up (its kit absent, or up.sh failed), as .ci/run exports it in
    /// NOPHOST_NOT_RUN_REASON; null when CI did not say
    /// </summary>
    public static string NotRunReason =>
        Environment.GetEnvironmentVariable("NOPHOST_NOT_RUN_REASON") is { Length: > 0 } reason ? reason.Trim() : null;

    /// <summary>The line the placeholder test is skipped with: the reason first when CI gave one, then how to run the suite</summary>
    public static string SkipMessage => NotRunReason is { } reason ? $"REAL HOST NOT RUN: {reason}. {HowToRun}" : HowToRun;

    private static string EnvFile => Environment.GetEnvironmentVariable("NOPHOST_ENV_FILE") ?? "/var/tmp/nophost/env";

    private static Dictionary<string, string> ReadEnvFile() => !File.Exists(EnvFile) ? null : File.ReadAllLines(EnvFile)
        .Select(line => line.Split('=', 2))
        .Where(parts => parts.Length == 2)
        .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim().Trim('"'));

    public static Uri ReadUrlFromEnvFile()
    {
        var values = ReadEnvFile();
        return values is null ? null : new Uri(values.GetValueOrDefault("NOPHOST_URL", "http://127.0.0.1:5000"));
    }

    public static async Task<(RealHostInfo Host, string WhyNot)> DiscoverAsync()
    {
        var values = ReadEnvFile();
        if (values is null)
            return (null, $"{EnvFile} does not exist");

        var host = new RealHostInfo
        {
            Url = new Uri(values.GetValueOrDefault("NOPHOST_URL", "http://127.0.0.1:5000").TrimEnd('/') + "/"),
            AdminEmail = values.GetValueOrDefault("NOPHOST_ADMIN_EMAIL", "admin@example.com"),
            AdminPassword = values.GetValueOrDefault("NOPHOST_ADMIN_PASSWORD", "Admin123!"),
            WebDir = values.GetValueOrDefault("NOPHOST_WEB_DIR"),
            LogPath = values.GetValueOrDefault("NOPHOST_LOG"),
            ConnectionString = ReadConnectionString(values.GetValueOrDefault("NOPHOST_WEB_DIR"))
        };

        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            using var answer = await http.GetAsync(host.Url);
            if ((int)answer.StatusCode >= 500)
                return (null, $"{host.Url} answered {(int)answer.StatusCode}");
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return (null, $"{host.Url} is not reachable from this network namespace ({exception.Message})");
        }

        return (host, null);
    }

    private static string ReadConnectionString(string webDir)
    {
        var path = webDir is null ? null : Path.Combine(webDir, "App_Data", "appsettings.json");
        if (path is null || !File.Exists(path))
            return null;

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.TryGetProperty("ConnectionStrings", out var strings)
            && strings.TryGetProperty("ConnectionString", out var value) ? value.GetString() : null;
    }
}
