using TamaraSimulator;

using Nop.Plugin.Payments.TamaraInStore.RealHost.Harness;

namespace Nop.Plugin.Payments.TamaraInStore.RealHost;

/// <summary>
/// Once for the whole suite: finds the real host (or skips everything with one line), starts the Tamara simulator
/// in this process and Debian's Chromium. The journeys then share one browser, one simulator and one store, in order.
/// </summary>
[SetUpFixture]
public sealed class RealHostSuite
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>A fixed port, so that a store configured by an earlier run still reaches Tamara (REALHOST_TAMARA_PORT)</summary>
    public static int TamaraPort => int.TryParse(Environment.GetEnvironmentVariable("REALHOST_TAMARA_PORT"), out var port) ? port : 5077;

    public static RealHostInfo Host { get; private set; }
    public static SimulatorHost Tamara { get; private set; }
    public static IPlaywright Playwright { get; private set; }
    public static IBrowser Browser { get; private set; }
    public static NopDatabase Database { get; private set; }
    public static Screens Screens { get; private set; }

    /// <summary>The plugin package the merchant uploads: artifacts/Payments.TamaraInStore.zip</summary>
    public static string PackagePath => Path.Combine(RepositoryRoot, "artifacts", "Payments.TamaraInStore.zip");

    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TamaraInStore.sln")))
                directory = directory.Parent;
            return directory?.FullName ?? throw new InvalidOperationException("TamaraInStore.sln not found above " + AppContext.BaseDirectory);
        }
    }

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var (host, whyNot) = await RealHostInfo.DiscoverAsync();
        if (host is null)
        {
            if (RealHostInfo.Required)
                Assert.Fail($"NOPHOST_REQUIRED=1 but the real host is not available: {whyNot}");

            Assert.Ignore(RealHostInfo.SkipMessage);
        }

        if (!File.Exists(PackagePath))
            Assert.Fail($"The plugin package {PackagePath} is missing: build it with `dotnet pwsh ./build.ps1 -Target Pack`.");
        if (!File.Exists(ChromiumPath))
            Assert.Fail($"{ChromiumPath} is missing: `apt-get install chromium` (../shared/nophost/up.sh installs it).");

        Host = host;
        Database = new NopDatabase(host.ConnectionString);
        Screens = new Screens(Path.Combine(TestContext.CurrentContext.WorkDirectory, "realhost-screens"));

        Tamara = await SimulatorHost.StartAsync(new SimulatorOptions
        {
            // a store that answers 503 while busy, or a dropped delivery, is retried quickly
            NotificationRetryInitialDelayMs = 500,
            NotificationRetryBackoffFactor = 2,
            NotificationMaxAttempts = 6
        }, TamaraPort);

        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = new[]
            {
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"
            }
        });
        TestContext.Progress.WriteLine($"real host: {host.Url} with Tamara simulated at {Tamara.BaseAddress}");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        Playwright?.Dispose();
        if (Tamara is not null)
            await Tamara.DisposeAsync();
    }
}
