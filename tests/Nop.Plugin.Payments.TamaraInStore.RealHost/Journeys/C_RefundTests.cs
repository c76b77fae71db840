using Nop.Plugin.Payments.TamaraInStore.RealHost.Harness;

namespace Nop.Plugin.Payments.TamaraInStore.RealHost.Journeys;

/// <summary>Refunds through nopCommerce's own buttons reach Tamara; a refund made in Tamara's portal is recorded once</summary>
[RealHostFixture, Order(3), NonParallelizable]
public class C_RefundTests : Journey
{
    [SetUp]
    public void NoFaults() => Tamara.Faults.Reset();

    private static async Task<PlacedOrder> PaidOrderAsync(int quantity = 1)
    {
        var order = await PlaceTamaraOrderAsync(quantity);
        await Customer.PayAsync(order.PhoneDigits);
        await WaitForOrderAsync(order.OrderId, row => row.PaymentStatusId == OrderRow.Paid, "paid", 60);
        return order;
    }

    [Test, Order(1)]
    public async Task A_partial_refund_then_the_remaining_amount()
    {
        var order = await PaidOrderAsync();

        await Admin.PartialRefundAsync(order.OrderId, 120.50m);
        var partly = await WaitForOrderAsync(order.OrderId, row => row.RefundedAmount == 120.50m, "120.50 refunded", 30);
        Assert.That(partly.PaymentStatusId, Is.EqualTo(OrderRow.PartiallyRefunded));
        Assert.That(Tamara.State.FindOrder(order.TamaraOrderId).RefundedAmount, Is.EqualTo(120.50m), "Tamara refunded 120.50");

        await Admin.PartialRefundAsync(order.OrderId, order.Total - 120.50m);
        var refunded = await WaitForOrderAsync(order.OrderId, row => row.RefundedAmount == order.Total, "all refunded", 30);
        Assert.That(refunded.PaymentStatusId, Is.EqualTo(OrderRow.Refunded));
        var atTamara = Tamara.State.FindOrder(order.TamaraOrderId);
        Assert.That(atTamara.RefundedAmount, Is.EqualTo(order.Total));
        Assert.That(atTamara.Status, Is.EqualTo("fully_refunded"));

        // the webhooks of both refunds arrive after nopCommerce booked them: nothing is booked twice
        await Task.Delay(3000);
        Assert.That((await Database.OrderAsync(order.OrderId)).RefundedAmount, Is.EqualTo(order.Total));
        await OrderPageTextAsync(order.OrderId, "order-refunded-in-two-parts");
    }

    [Test, Order(2)]
    public async Task A_full_refund_with_the_refund_button()
    {
        var order = await PaidOrderAsync();

        await Admin.RefundAsync(order.OrderId);
        var refunded = await WaitForOrderAsync(order.OrderId, row => row.PaymentStatusId == OrderRow.Refunded, "refunded", 30);
        Assert.That(refunded.RefundedAmount, Is.EqualTo(order.Total));
        Assert.That(Tamara.State.FindOrder(order.TamaraOrderId).RefundedAmount, Is.EqualTo(order.Total));

        // the button posted the refund state the card showed (none yet), and the page shown afterwards knows this refund
        var claimed = await Database.ScalarAsync<long>(
            "SELECT count(*) FROM \"TamaraRefundClaim\" c JOIN \"TamaraSession\" s ON s.\"Id\" = c.\"SessionId\" WHERE s.\"OrderId\" = @order AND c.\"Basis\" = 0",
            ("order", order.OrderId));
        Assert.That(claimed, Is.EqualTo(1), "one refund claimed from the order page");
        var refundId = await Database.ScalarAsync<int>("SELECT max(\"Id\") FROM \"TamaraRefund\" WHERE \"OrderId\" = @order", ("order", order.OrderId));
        await Admin.OpenOrderAsync(order.OrderId);
        Assert.That(await Admin.Page.Locator("#order-form input[name='tamara_instore_refund_basis']").InputValueAsync(),
            Is.EqualTo($"{order.OrderId}:{refundId}"), "the order form carries the card's refund state");
    }

    [Test, Order(3)]
    public async Task A_refund_made_in_the_tamara_portal_is_recorded_once_even_when_notified_twice()
    {
        var order = await PaidOrderAsync();
        Tamara.Faults.Update(faults => faults.DuplicateNotifications = true);

        var portal = Tamara.State.PortalRefund(order.TamaraOrderId, 100m, "returned one item at the counter");
        Assert.That(portal.IsSuccess, Is.True, portal.Error?.Message);

        var recorded = await WaitForOrderAsync(order.OrderId, row => row.RefundedAmount == 100m, "the portal refund recorded", 60);
        Assert.That(recorded.PaymentStatusId, Is.EqualTo(OrderRow.PartiallyRefunded));
        await Task.Delay(5000);
        Assert.That((await Database.OrderAsync(order.OrderId)).RefundedAmount, Is.EqualTo(100m), "recorded once, not twice");
        await OrderPageTextAsync(order.OrderId, "order-portal-refund");
    }
}
