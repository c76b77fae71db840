using System.Text.Json;
using System.Text.Json.Serialization;

namespace TamaraSimulator;

/// <summary>Builds the simulator web application, for the program and for <see cref="SimulatorHost"/> alike.</summary>
public static class SimulatorApp
{
    public const string DefaultUrls = "http://127.0.0.1:5077";
    public const string ConfigurationSection = "Simulator";

    /// <summary>For the program: options from appsettings.json, environment (Simulator__ApiToken) and command line (--Simulator:ApiToken=...).</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var options = new SimulatorOptions();
        builder.Configuration.GetSection(ConfigurationSection).Bind(options);
        options.EnableConsoleLogging ??= true;
        var urls = builder.Configuration["urls"] is { Length: > 0 } configured ? configured : DefaultUrls;
        return Build(builder, options, urls);
    }

    /// <summary>For in-process use: the given options as they are, listening on <paramref name="urls"/>.</summary>
    public static WebApplication Build(SimulatorOptions options, string urls)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        return Build(builder, options, urls);
    }

    /// <summary>Listening again after <see cref="SimulatorHost.StopListeningAsync"/>: the same orders, SMS, webhooks and faults</summary>
    internal static WebApplication Build(SimulatorOptions options, string urls, SimulatorState state, FaultInjector faults)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        return Build(builder, options, urls, state, faults);
    }

    private static WebApplication Build(WebApplicationBuilder builder, SimulatorOptions options, string urls,
        SimulatorState? state = null, FaultInjector? faults = null)
    {
        LoopbackUrls.EnsureLoopback(urls);
        if (builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            throw new NonLoopbackBindingException("Kestrel:Endpoints is not supported: use --urls with a loopback address.");
        }

        builder.WebHost.UseUrls(urls);
        if (options.EnableConsoleLogging != true)
        {
            builder.Logging.ClearProviders();
        }

        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(3));
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });

        faults ??= new FaultInjector(options.Faults);
        state ??= new SimulatorState(options);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(faults);
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton<SessionRequestValidator>();
        builder.Services.AddSingleton<PreCheckSwitch>();
        builder.Services.AddSingleton<NotificationDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<NotificationDispatcher>());
        builder.Services.AddHostedService<ExpirySweeper>();

        var app = builder.Build();
        app.UseMiddleware<FaultMiddleware>();
        app.UseMiddleware<ApiAuthMiddleware>();
        app.MapCheckoutEndpoints();
        app.MapOrderEndpoints();
        app.MapRefundEndpoints();
        app.MapCustomerEndpoints();
        app.MapPreCheckEndpoints();
        app.MapWebhookEndpoints();
        app.MapDisputeEndpoints();
        app.MapControlEndpoints();
        app.MapCustomerPages();
        return app;
    }
}
