using System.Net;
using Moq;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Webhooks;
using Nop.Services.Configuration;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Webhooks;

public class WebhookRegistrarTests
{
    private const string Url = "https://shop.example/tamara/in-store/webhook";

    private Mock<ITamaraClient> _client;
    private Mock<ISettingService> _settingService;
    private TamaraInStoreSettings _settings;
    private TamaraWebhookRegistrar _registrar;

    [SetUp]
    public void SetUp()
    {
        _client = new Mock<ITamaraClient>();
        _settingService = new Mock<ISettingService>();
        _settings = new TamaraInStoreSettings { ApiToken = "api", WebhookId = "order-hook", DisputeWebhookId = "dispute-hook" };
        _registrar = new TamaraWebhookRegistrar(_settingService.Object, _client.Object);
    }

    private void TamaraHas(string id, string type, string url, IEnumerable<string> events) =>
        _client.Setup(client => client.GetWebhookAsync(_settings, id, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new TamaraWebhook { WebhookId = id, Type = type, Url = url, Events = events.ToList() });

    private void BothAreRight()
    {
        TamaraHas("order-hook", "order", Url, TamaraInStoreDefaults.WebhookEvents);
        TamaraHas("dispute-hook", "dispute", Url, TamaraInStoreDefaults.DisputeWebhookEvents);
    }

    [Test]
    public async Task Registrations_that_exist_point_here_and_carry_every_event_are_healthy()
    {
        BothAreRight();
        TamaraHas("order-hook", "order", "https://SHOP.example/tamara/in-store/webhook/", TamaraInStoreDefaults.WebhookEvents.Append("order_updated"));

        var health = await _registrar.CheckAsync(_settings, Url);

        Assert.That(health.Select(h => (h.Type, h.State)), Is.EqualTo(new[] { ("order", TamaraWebhookState.Healthy), ("dispute", TamaraWebhookState.Healthy) }));
    }

    [Test]
    public async Task A_registration_Tamara_no_longer_knows_is_missing()
    {
        BothAreRight();
        _client.Setup(client => client.GetWebhookAsync(_settings, "dispute-hook", It.IsAny<CancellationToken>())).ReturnsAsync((TamaraWebhook)null);

        var health = await _registrar.CheckAsync(_settings, Url);

        Assert.That(health[1].State, Is.EqualTo(TamaraWebhookState.Missing));
        Assert.That(health[0].State, Is.EqualTo(TamaraWebhookState.Healthy));
    }

    [Test]
    public async Task A_registration_pointing_elsewhere_or_lacking_events_says_which()
    {
        TamaraHas("order-hook", "order", "https://old-shop.example/tamara/in-store/webhook", TamaraInStoreDefaults.WebhookEvents);
        TamaraHas("dispute-hook", "dispute", Url, ["OrderDisputeWasUpdated"]);

        var health = await _registrar.CheckAsync(_settings, Url);

        Assert.That(health[0].State, Is.EqualTo(TamaraWebhookState.WrongUrl));
        Assert.That(health[0].RegisteredUrl, Is.EqualTo("https://old-shop.example/tamara/in-store/webhook"));
        Assert.That(health[1].State, Is.EqualTo(TamaraWebhookState.MissingEvents));
        Assert.That(health[1].MissingEvents, Does.Contain("OrderDisputeClosedTamaraAcceptedClaim").And.Not.Contain("OrderDisputeWasUpdated"));
    }

    [Test]
    public async Task A_store_without_ids_is_not_registered_and_Tamara_is_not_asked()
    {
        _settings.WebhookId = null;
        _settings.DisputeWebhookId = null;

        var health = await _registrar.CheckAsync(_settings, Url);

        Assert.That(health.Select(h => h.State), Is.All.EqualTo(TamaraWebhookState.NotRegistered));
        _client.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Tamara_unreachable_makes_the_state_unknown_instead_of_failing_the_page()
    {
        _client.Setup(client => client.GetWebhookAsync(_settings, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TamaraApiException("Tamara did not answer in time", null, "GET /webhooks/{id}", isTransient: true));

        var health = await _registrar.CheckAsync(_settings, Url);

        Assert.That(health.Select(h => h.State), Is.All.EqualTo(TamaraWebhookState.Unknown));
        Assert.That(health[0].Error, Does.Contain("did not answer"));
    }

    [Test]
    public async Task Repair_changes_a_registration_that_still_exists_and_registers_a_missing_one_again_saving_its_id()
    {
        _client.Setup(client => client.UpdateWebhookAsync(_settings, "order-hook", It.IsAny<TamaraWebhook>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((TamaraInStoreSettings _, string id, TamaraWebhook webhook, CancellationToken _) => new TamaraWebhook { WebhookId = id, Url = webhook.Url });
        _client.Setup(client => client.UpdateWebhookAsync(_settings, "dispute-hook", It.IsAny<TamaraWebhook>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((TamaraWebhook)null);
        _client.Setup(client => client.RegisterWebhookAsync(_settings, It.IsAny<TamaraWebhook>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new TamaraWebhook { WebhookId = "new-dispute-hook" });

        await _registrar.RepairAsync(_settings, 3, Url);

        _client.Verify(client => client.UpdateWebhookAsync(_settings, "order-hook",
            It.Is<TamaraWebhook>(w => w.Type == "order" && w.Url == Url && w.Events.SequenceEqual(TamaraInStoreDefaults.WebhookEvents)), It.IsAny<CancellationToken>()));
        _client.Verify(client => client.RegisterWebhookAsync(_settings,
            It.Is<TamaraWebhook>(w => w.Type == "dispute" && w.Url == Url && w.Events.SequenceEqual(TamaraInStoreDefaults.DisputeWebhookEvents)), It.IsAny<CancellationToken>()), Times.Once);
        Assert.That(_settings.WebhookId, Is.EqualTo("order-hook"));
        Assert.That(_settings.DisputeWebhookId, Is.EqualTo("new-dispute-hook"));
        _settingService.Verify(service => service.SaveSettingAsync(_settings,
            It.IsAny<System.Linq.Expressions.Expression<Func<TamaraInStoreSettings, string>>>(), 3, false), Times.Once);
    }

    [Test]
    public async Task A_first_registration_posts_both_types()
    {
        _settings.WebhookId = null;
        _settings.DisputeWebhookId = null;
        var next = 0;
        _client.Setup(client => client.RegisterWebhookAsync(_settings, It.IsAny<TamaraWebhook>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new TamaraWebhook { WebhookId = $"hook-{++next}" });

        await _registrar.RepairAsync(_settings, 0, Url);

        Assert.That((_settings.WebhookId, _settings.DisputeWebhookId), Is.EqualTo(("hook-1", "hook-2")));
        _client.Verify(client => client.UpdateWebhookAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<TamaraWebhook>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
