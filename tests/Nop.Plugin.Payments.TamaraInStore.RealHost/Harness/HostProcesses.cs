using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Nop.Plugin.Payments.TamaraInStore.RealHost.Harness;

/// <summary>
/// The processes behind the store, as an operator handles them: nopCommerce under up.sh's supervisor, a second Nop.Web
/// from the same folder, Debian's redis-server and PostgreSQL. The test process runs inside the host's namespace, so
/// what it starts listens on the same loopback.
/// </summary>
public static class HostProcesses
{
    private const string RedisServerPath = "/usr/bin/redis-server";

    private static string NophostDir => Environment.GetEnvironmentVariable("NOPHOST_DIR") ?? "/var/tmp/nophost";
    private static string AppSettingsPath => Path.Combine(RealHostSuite.Host.WebDir, "App_Data", "appsettings.json");

    /// <summary>Nop.Web as up.sh's supervisor runs it; the supervisor starts it again a second after it exits</summary>
    public static int? SupervisedNopWebPid()
    {
        var supervisor = File.ReadAllText(Path.Combine(NophostDir, "supervise.pid")).Trim();
        var children = Run("pgrep", "-P", supervisor).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return children.Length > 0 ? int.Parse(children[0]) : null;
    }

    /// <summary>Ends the supervised Nop.Web (SIGTERM, or SIGKILL as a crash would) and waits until a new one answers</summary>
    public static async Task RestartSupervisedNopWebAsync(bool kill = false)
    {
        var pid = StopSupervisedNopWeb(kill);
        await WaitForSupervisorRestartAsync(pid);
    }

    /// <summary>Signals the supervised Nop.Web; returns its pid. The supervisor starts a new one a second after it exits.</summary>
    public static int StopSupervisedNopWeb(bool kill)
    {
        var pid = SupervisedNopWebPid() ?? throw new InvalidOperationException("the supervisor runs no Nop.Web");
        Run("kill", kill ? "-KILL" : "-TERM", pid.ToString());
        return pid;
    }

    public static async Task WaitForSupervisorRestartAsync(int stoppedPid)
    {
        await Waits.UntilAsync(() => Task.FromResult(SupervisedNopWebPid()), running => running is not null && running != stoppedPid,
            TimeSpan.FromSeconds(60), "the supervisor to start Nop.Web again");
        await WaitForStoreAsync(RealHostSuite.Host.Url);
    }

    /// <summary>A second Nop.Web from the same folder (same App_Data, plugins and data-protection keys) on another port</summary>
    public static Process StartSecondNopWeb(int port, string logPath)
    {
        var start = new ProcessStartInfo("dotnet", "bin/Release/net9.0/Nop.Web.dll")
        {
            WorkingDirectory = RealHostSuite.Host.WebDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false
        };
        start.Environment["DOTNET_ROLL_FORWARD"] = "Major";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return StartLogged(start, logPath);
    }

    /// <summary>Debian's redis-server on loopback, in the foreground of this process, with nothing written to disk</summary>
    public static Process StartRedis(int port, string logPath)
    {
        if (!File.Exists(RedisServerPath))
            Assert.Fail($"{RedisServerPath} is missing: `apt-get install -y redis-server` (the farm journey starts and stops it itself).");
        var start = new ProcessStartInfo(RedisServerPath,
            $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no --daemonize no --protected-mode yes")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false
        };
        return StartLogged(start, logPath);
    }

    public static async Task StopAsync(Process process)
    {
        if (process is null || process.HasExited)
            return;

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>
    /// Turns nopCommerce's distributed cache on (Redis, memory caches kept in step through it, and the Redis locker);
    /// returns the file as it was, for <see cref="RestoreAppSettings"/>. nopCommerce reads it at start.
    /// </summary>
    public static string UseRedisDistributedCache(int redisPort)
    {
        var original = File.ReadAllText(AppSettingsPath);
        var settings = JsonNode.Parse(original.TrimStart('\uFEFF'))!.AsObject();
        var cache = settings["DistributedCacheConfig"] as JsonObject ?? new JsonObject();
        cache["DistributedCacheType"] = "RedisSynchronizedMemory";
        cache["Enabled"] = true;
        cache["ConnectionString"] = $"127.0.0.1:{redisPort},ssl=False";
        settings["DistributedCacheConfig"] = cache;
        File.WriteAllText(AppSettingsPath, settings.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        return original;
    }

    public static void RestoreAppSettings(string original)
    {
        if (original is not null)
            File.WriteAllText(AppSettingsPath, original);
    }

    /// <summary>`pg_ctlcluster VERSION main restart`, as a database administrator would (fast shutdown: open connections dropped)</summary>
    public static void RestartPostgreSql()
    {
        var version = Directory.GetDirectories("/etc/postgresql").Select(Path.GetFileName).OrderBy(v => double.Parse(v)).Last();
        Run("pg_ctlcluster", version, "main", "restart");
        // this process's pooled connections died with the server
        Npgsql.NpgsqlConnection.ClearAllPools();
    }

    public static async Task WaitForStoreAsync(Uri url, int seconds = 240)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(20) };
        await Waits.UntilAsync(async () =>
        {
            try
            {
                using var answer = await http.GetAsync(url);
                return (int)answer.StatusCode;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                return 0;
            }
        }, code => code is 200 or 302, TimeSpan.FromSeconds(seconds), $"nopCommerce at {url} to answer");
    }

    private static Process StartLogged(ProcessStartInfo start, string logPath)
    {
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) lock (log) log.WriteLine(line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) lock (log) log.WriteLine(line.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static string Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
