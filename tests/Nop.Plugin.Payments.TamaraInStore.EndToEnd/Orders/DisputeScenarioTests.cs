using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;
using Nop.Plugin.Payments.TamaraInStore.Services.Webhooks;
using TamaraSimulator;

namespace Nop.Plugin.Payments.TamaraInStore.EndToEnd.Orders;

/// <summary>Disputes delivered by Tamara's dispute webhook, and the store's webhook registrations checked and repaired</summary>
public class DisputeScenarioTests : EndToEndTest
{
    private async Task<(int OrderId, string TamaraOrderId)> PaidOrderWithWebhooksAsync(decimal total = 300m)
    {
        await Env.RegisterWebhookAsync();
        var placed = await Env.Counter.PlaceOrderAsync(total);
        Tamara.Pay(placed.TamaraOrderId);
        Assert.That(await EndToEndEnvironment.EventuallyAsync(() => Env.IsPaid(placed.OrderId)), Is.True, "paid by webhook");
        return placed;
    }

    private TamaraDispute DisputeOf(int orderId) => Env.Disputes.Rows.SingleOrDefault(dispute => dispute.OrderId == orderId);

    [Test]
    public async Task An_opened_dispute_reaches_the_order_with_its_status_amount_and_deadline()
    {
        var (orderId, tamaraOrderId) = await PaidOrderWithWebhooksAsync();
        var respondBy = DateTimeOffset.UtcNow.AddDays(5);

        var opened = Tamara.OpenDispute(tamaraOrderId, 80m, "Item not received", respondBy);

        Assert.That(opened.IsSuccess, Is.True);
        Assert.That(await EndToEndEnvironment.EventuallyAsync(() => DisputeOf(orderId) is not null), Is.True, "the dispute webhook was handled");
        var dispute = DisputeOf(orderId);
        Assert.Multiple(() =>
        {
            Assert.That(dispute.DisputeId, Is.EqualTo(opened.Value!.DisputeId));
            Assert.That(dispute.Status, Is.EqualTo("awaiting_merchant_response"));
            Assert.That(dispute.Amount, Is.EqualTo(80m));
            Assert.That(dispute.CurrencyCode, Is.EqualTo("SAR"));
            Assert.That(dispute.Reason, Is.EqualTo("Item not received"));
            Assert.That(dispute.RespondByUtc, Is.EqualTo(respondBy.UtcDateTime).Within(TimeSpan.FromSeconds(1)));
        });
    }

    [Test]
    public async Task A_dispute_closed_by_Tamara_refunding_is_booked_once_despite_duplicate_and_reversed_deliveries()
    {
        var (orderId, tamaraOrderId) = await PaidOrderWithWebhooksAsync();
        var opened = Tamara.OpenDispute(tamaraOrderId, 120m, null, null).Value!;
        Simulator.Faults.Update(faults =>
        {
            faults.DuplicateNotifications = true;
            faults.OutOfOrderNotifications = true;
        });
        Tamara.UpdateDispute(opened.DisputeId, "under_review", null);

        Tamara.CloseDispute(opened.DisputeId, DisputeOutcomes.TamaraRefunded);

        Assert.That(await Simulator.WaitUntilAsync(state => state.DeliveryAttempts.Count(attempt =>
            attempt.EventType == "OrderDisputeClosedTamaraAcceptedClaim" && attempt.Outcome == DeliveryOutcomes.Delivered) == 2, TimeSpan.FromSeconds(15)), Is.True);
        await Env.SyncAsync(tamaraOrderId);
        var refund = Env.RefundsOf(orderId).Single();
        Assert.Multiple(() =>
        {
            Assert.That(refund.RefundId, Is.EqualTo(Tamara.FindOrder(tamaraOrderId)!.Refunds.Single().RefundId));
            Assert.That(refund.Amount, Is.EqualTo(120m));
            Assert.That(refund.Source, Is.EqualTo(TamaraRefundSource.Tamara));
            Assert.That(Env.Order(orderId).RefundedAmount, Is.EqualTo(120m));
            Assert.That(Env.Order(orderId).PaymentStatus, Is.EqualTo(PaymentStatus.PartiallyRefunded));
            Assert.That(DisputeOf(orderId).Status, Is.EqualTo("claim_accepted"));
        });
    }

    [Test]
    public async Task The_health_check_finds_a_deleted_and_a_redirected_webhook_and_repair_puts_both_right()
    {
        await Env.RegisterWebhookAsync();
        var url = Env.Plugin.WebhookUrl.ToString();
        using var scope = Env.Plugin.CreateScope();
        var registrar = scope.ServiceProvider.GetRequiredService<TamaraWebhookRegistrar>();
        Assert.That((await registrar.CheckAsync(Settings, url)).Select(health => health.State), Is.All.EqualTo(TamaraWebhookState.Healthy));

        var order = Tamara.Webhooks.Single(webhook => webhook.Type == "order");
        var dispute = Tamara.Webhooks.Single(webhook => webhook.Type == "dispute");
        Tamara.DeleteWebhook(order.WebhookId);
        Tamara.UpdateWebhook(dispute.WebhookId, "dispute", dispute.Events.Take(2).ToList(), "http://127.0.0.1:9/elsewhere", dispute.Headers);

        var broken = await registrar.CheckAsync(Settings, url);
        await registrar.RepairAsync(Settings, Harness.StoreSettings.StoreId, url);
        var repaired = await registrar.CheckAsync(Settings, url);

        Assert.That(broken.Select(health => health.State), Is.EqualTo(new[] { TamaraWebhookState.Missing, TamaraWebhookState.WrongUrl }));
        Assert.That(repaired.Select(health => health.State), Is.All.EqualTo(TamaraWebhookState.Healthy));
        Assert.That(Tamara.Webhooks.Select(webhook => webhook.Type), Is.EquivalentTo(new[] { "order", "dispute" }), "one of each, none doubled");
        Assert.That(Tamara.Webhooks.Single(webhook => webhook.Type == "dispute").WebhookId, Is.EqualTo(dispute.WebhookId), "changed in place");
        Assert.That(Settings.WebhookId, Is.Not.EqualTo(order.WebhookId).And.EqualTo(Tamara.Webhooks.Single(webhook => webhook.Type == "order").WebhookId));
    }
}
