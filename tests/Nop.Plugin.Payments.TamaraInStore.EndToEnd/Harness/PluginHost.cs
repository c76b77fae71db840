using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nop.Plugin.Payments.TamaraInStore.Infrastructure;

namespace Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;

/// <summary>
/// The store's side: a small Kestrel app on 127.0.0.1 with the plugin's own registrations (real Tamara client,
/// token validator, session, sync and refund services) over fake nopCommerce services, serving the plugin's
/// webhook controller at the route the plugin registers in nopCommerce.
/// </summary>
public sealed class PluginHost : IAsyncDisposable
{
    public const string WebhookPath = "tamara/in-store/webhook";

    private readonly WebApplication _app;

    private PluginHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>e.g. http://127.0.0.1:41235/</summary>
    public Uri BaseAddress { get; }

    public Uri WebhookUrl => new(BaseAddress, WebhookPath);

    public Uri ProbeUrl => new(BaseAddress, WebhookProbe.Path.TrimStart('/'));

    /// <summary>The host's container; resolve scoped services from <see cref="CreateScope"/></summary>
    public IServiceProvider Services => _app.Services;

    public IServiceScope CreateScope() => _app.Services.CreateScope();

    public static async Task<PluginHost> StartAsync(Action<IServiceCollection> addNopCommerceFakes)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");

        new NopStartup().ConfigureServices(builder.Services, builder.Configuration);
        addNopCommerceFakes(builder.Services);
        builder.Services.AddSingleton<WebhookProbe>();
        builder.Services.AddControllers().ConfigureApplicationPartManager(manager =>
        {
            manager.ApplicationParts.Add(new AssemblyPart(typeof(TamaraInStorePaymentMethod).Assembly));
            foreach (var provider in manager.FeatureProviders.OfType<ControllerFeatureProvider>().ToList())
                manager.FeatureProviders.Remove(provider);
            manager.FeatureProviders.Add(new WebhookControllerOnly());
        });

        var app = builder.Build();
        // as nopCommerce does with every INopStartup: the plugin's middleware runs before the webhook's controller
        new NopStartup().Configure(app);
        app.MapControllerRoute(TamaraInStoreDefaults.Routes.Webhook, WebhookPath,
            new { controller = "TamaraInStoreWebhook", action = "Webhook" });
        app.MapPost(WebhookProbe.Path, (Microsoft.AspNetCore.Http.HttpRequest request, WebhookProbe probe,
                Services.Api.ITamaraNotificationTokenValidator validator, StoreSettings settings) =>
            probe.ReceiveAsync(request, validator, settings));

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new PluginHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
