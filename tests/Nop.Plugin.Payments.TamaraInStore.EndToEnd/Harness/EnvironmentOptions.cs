using TamaraSimulator;

namespace Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;

public class EnvironmentOptions
{
    /// <summary>The plugin's per-call timeout; fault tests make it 1-2 s so a hanging Tamara costs the suite little</summary>
    public int RequestTimeoutSeconds { get; set; } = 10;

    /// <summary>The simulated Tamara's clock (session expiry, webhook token iat/exp); the plugin keeps the real one</summary>
    public TimeProvider SimulatorClock { get; set; } = TimeProvider.System;

    /// <summary>Further simulator settings (limits, faults at start, delivery retries, ...)</summary>
    public Action<SimulatorOptions> ConfigureSimulator { get; set; }

    /// <summary>Replaces the plugin's HTTP client to Tamara (e.g. an instant in-process fake, to measure the plugin alone)</summary>
    public Nop.Plugin.Payments.TamaraInStore.Services.Api.ITamaraClient TamaraClient { get; set; }

    /// <summary>Last word on the store's services, after the plugin's and the fakes' registrations</summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection> ConfigureServices { get; set; }
}
