using Microsoft.Playwright;
using Nop.Plugin.Payments.TamaraInStore.RealHost.Harness;

namespace Nop.Plugin.Payments.TamaraInStore.RealHost.Journeys;

/// <summary>
/// The configuration page tells whether the store's webhooks still exist at Tamara and repairs them; a customer's dispute
/// shows on the order card with its deadline, and the refund Tamara makes to close it is recorded once
/// </summary>
[RealHostFixture, Order(22), NonParallelizable]
public class N_DisputeAndWebhookHealthTests : Journey
{
    [SetUp]
    public void NoFaults() => Tamara.Faults.Reset();

    private static async Task<IReadOnlyList<string>> WebhookStatesAsync()
    {
        await Admin.Page.GotoAsync("Admin/TamaraInStore/Configure");
        await Admin.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var items = Admin.Page.Locator("#tamara-webhook-health li.tamara-webhook-health");
        var states = new List<string>();
        for (var i = 0; i < await items.CountAsync(); i++)
            states.Add(await items.Nth(i).GetAttributeAsync("data-state"));
        return states;
    }

    [Test, Order(1)]
    public async Task A_the_configuration_page_shows_both_webhooks_healthy_then_a_deleted_one_and_repair_brings_it_back()
    {
        var healthy = await WebhookStatesAsync();
        await Screens.TakeAsync(Admin.Page, "webhook-health-healthy");
        Assert.That(healthy, Is.EqualTo(new[] { "Healthy", "Healthy" }), "order and dispute webhooks");
        Assert.That(await Admin.Page.Locator("#tamara-repair-webhook").CountAsync(), Is.Zero, "nothing to repair");

        var order = Tamara.State.Webhooks.Single(webhook => webhook.Type == "order");
        Assert.That(Tamara.State.DeleteWebhook(order.WebhookId), Is.True);

        var broken = await WebhookStatesAsync();
        await Screens.TakeAsync(Admin.Page, "webhook-health-deleted");
        Assert.That(broken, Is.EqualTo(new[] { "Missing", "Healthy" }));
        Assert.That(await Admin.Page.Locator("#tamara-webhook-health").InnerTextAsync(), Does.Contain("no longer exists at Tamara"));

        await Admin.Page.ClickAsync("#tamara-repair-webhook");
        await Admin.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.That(await Admin.Page.Locator(".alert-success").CountAsync(), Is.GreaterThan(0), "repair: " + await Admin.NotificationsAsync());
        var repaired = await WebhookStatesAsync();
        await Screens.TakeAsync(Admin.Page, "webhook-health-repaired");
        Assert.That(repaired, Is.EqualTo(new[] { "Healthy", "Healthy" }));
        Assert.That(Tamara.State.Webhooks.Count(webhook => webhook.Type == "order"), Is.EqualTo(1), "registered again, once");
        Assert.That(Tamara.State.Webhooks.Count(webhook => webhook.Type == "dispute"), Is.EqualTo(1), "the dispute webhook kept, not doubled");
    }

    [Test, Order(2)]
    public async Task B_a_dispute_shows_on_the_order_card_and_the_refund_Tamara_makes_to_close_it_is_recorded_once()
    {
        var order = await PlaceTamaraOrderAsync();
        await Customer.PayAsync(order.PhoneDigits);
        await WaitForOrderAsync(order.OrderId, row => row.PaymentStatusId == OrderRow.Paid, "paid", 60);

        var respondBy = DateTimeOffset.UtcNow.Date.AddDays(3).AddHours(12);
        var opened = Tamara.State.OpenDispute(order.TamaraOrderId, 100m, "Item not received", respondBy);
        Assert.That(opened.IsSuccess, Is.True, opened.Error?.Message);
        await Waits.UntilAsync(() => Database.ScalarAsync<string>("SELECT max(\"Status\") FROM \"TamaraDispute\" WHERE \"OrderId\" = @order", ("order", order.OrderId)),
            status => status == "awaiting_merchant_response", TimeSpan.FromSeconds(60), "the dispute recorded");

        var openText = await OrderPageTextAsync(order.OrderId, "order-dispute-open");
        Assert.That(openText, Does.Contain("Disputes at Tamara").And.Contain("Awaiting your answer"));
        Assert.That(await Admin.Page.Locator("#tamara-disputes .tamara-dispute-deadline").InnerTextAsync(), Does.StartWith(respondBy.ToString("yyyy-MM-")));

        Tamara.Faults.Update(faults => faults.DuplicateNotifications = true);
        var closed = Tamara.State.CloseDispute(opened.Value.DisputeId, "tamara_refunded");
        Assert.That(closed.IsSuccess, Is.True, closed.Error?.Message);

        var refunded = await WaitForOrderAsync(order.OrderId, row => row.RefundedAmount == 100m, "the dispute's refund recorded", 60);
        Assert.That(refunded.PaymentStatusId, Is.EqualTo(OrderRow.PartiallyRefunded));
        await Task.Delay(5000);
        Assert.That((await Database.OrderAsync(order.OrderId)).RefundedAmount, Is.EqualTo(100m), "recorded once, not per delivery");
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM \"TamaraRefund\" WHERE \"OrderId\" = @order", ("order", order.OrderId)), Is.EqualTo(1));
        var closedText = await OrderPageTextAsync(order.OrderId, "order-dispute-refunded");
        Assert.That(closedText, Does.Contain("Claim accepted"));
    }
}
