using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Nop.Plugin.Payments.TamaraInStore.Infrastructure;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Api;

[TestFixture]
public class TamaraApiRegistrationTests
{
    [Test]
    public void Client_and_token_validator_resolve_from_the_plugins_registrations()
    {
        var services = new ServiceCollection();
        services.AddSingleton(Mock.Of<ILogger>());
        new NopStartup().ConfigureServices(services, new ConfigurationBuilder().Build());

        using var provider = services.BuildServiceProvider();

        Assert.That(provider.GetRequiredService<ITamaraClient>(), Is.InstanceOf<TamaraClient>());
        Assert.That(provider.GetRequiredService<ITamaraNotificationTokenValidator>(), Is.InstanceOf<TamaraNotificationTokenValidator>());
        Assert.That(provider.GetRequiredService<TimeProvider>(), Is.SameAs(TimeProvider.System));
    }
}
