using Newtonsoft.Json.Linq;
using Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using TamaraSimulator;

namespace Nop.Plugin.Payments.TamaraInStore.EndToEnd.Client;

/// <summary>Webhook registration through the client, and deliveries checked by the plugin's token validator</summary>
public class ClientWebhookTests : EndToEndTest
{
    [Test]
    public async Task A_webhook_is_registered_listed_and_deleted()
    {
        var registered = await RegisterProbeAsync();

        var listed = await Client.GetWebhooksAsync(Settings);
        await Client.DeleteWebhookAsync(Settings, registered.WebhookId);
        var afterDelete = await Client.GetWebhooksAsync(Settings);

        Assert.That(registered.WebhookId, Is.Not.Empty);
        var webhook = listed.Single();
        Assert.That(webhook.WebhookId, Is.EqualTo(registered.WebhookId));
        Assert.That(webhook.Url, Is.EqualTo(Env.Plugin.ProbeUrl.ToString()));
        Assert.That(webhook.Events, Is.EquivalentTo(TamaraInStoreDefaults.WebhookEvents));
        Assert.That(afterDelete, Is.Empty);
        Assert.DoesNotThrowAsync(() => Client.DeleteWebhookAsync(Settings, registered.WebhookId), "already gone is not an error");
    }

    [Test]
    public async Task Each_delivery_of_a_payment_carries_a_token_the_plugin_accepts()
    {
        await RegisterProbeAsync();
        var probe = Probe;

        var orderId = await CreatePaidTamaraOrderAsync();

        Assert.That(await EndToEndEnvironment.EventuallyAsync(() => probe.Deliveries.Count == 3), Is.True, "three events reached the store");
        Assert.That(probe.Deliveries.Select(delivery => delivery.TokenValid), Is.All.True);
        var events = probe.Deliveries.Select(delivery => JObject.Parse(delivery.Body)).ToList();
        Assert.That(events.Select(body => (string)body["order_id"]), Is.All.EqualTo(orderId));
        Assert.That(events.Select(body => (string)body["event_type"]), Is.EqualTo(new[] { "order_approved", "order_authorised", "order_captured" }));
    }

    [Test]
    public async Task A_store_with_another_notification_token_rejects_the_deliveries()
    {
        await RegisterProbeAsync();
        Settings.NotificationToken = "someone-else's-token";

        await CreatePaidTamaraOrderAsync();

        Assert.That(await Simulator.WaitUntilAsync(state => state.DeliveryAttempts.Count(attempt => attempt.Outcome == DeliveryOutcomes.Failed) >= 3,
            TimeSpan.FromSeconds(10)), Is.True);
        Assert.That(Probe.Deliveries.Select(delivery => delivery.TokenValid), Is.All.False);
        Assert.That(Tamara.DeliveryAttempts.Where(attempt => attempt.Outcome == DeliveryOutcomes.Failed).Select(attempt => attempt.StatusCode), Is.All.EqualTo(401));
    }

    private WebhookProbe Probe => (WebhookProbe)Env.Plugin.Services.GetService(typeof(WebhookProbe));

    private Task<TamaraWebhook> RegisterProbeAsync() => Client.RegisterWebhookAsync(Settings, new TamaraWebhook
    {
        Type = "order",
        Events = TamaraInStoreDefaults.WebhookEvents.ToList(),
        Url = Env.Plugin.ProbeUrl.ToString()
    });
}
