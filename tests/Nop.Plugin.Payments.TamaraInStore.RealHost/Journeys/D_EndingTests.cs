using Nop.Plugin.Payments.TamaraInStore.RealHost.Harness;

namespace Nop.Plugin.Payments.TamaraInStore.RealHost.Journeys;

/// <summary>Links that end without a payment: declined by Tamara, expired, and an order the admin cancels (its link voided)</summary>
[RealHostFixture, Order(4), NonParallelizable]
public class D_EndingTests : Journey
{
    [SetUp]
    public void NoFaults() => Tamara.Faults.Reset();

    [Test, Order(1)]
    public async Task A_declined_payment_cancels_the_order_with_a_note()
    {
        var order = await PlaceTamaraOrderAsync();
        await Customer.DeclineAsync(order.PhoneDigits);

        var cancelled = await WaitForOrderAsync(order.OrderId, row => row.OrderStatusId == OrderRow.Cancelled, "cancelled after the decline");
        Assert.That(cancelled.PaymentStatusId, Is.Not.EqualTo(OrderRow.Paid));
        var notes = await Database.OrderNotesAsync(order.OrderId);
        Assert.That(notes.Any(note => note.Contains("declin", StringComparison.OrdinalIgnoreCase)), Is.True, string.Join("\n", notes));
        await OrderPageTextAsync(order.OrderId, "order-declined");
    }

    [Test, Order(2)]
    public async Task An_expired_link_cancels_the_order()
    {
        var order = await PlaceTamaraOrderAsync();
        var expired = Tamara.State.ExpireNow(order.TamaraOrderId);
        Assert.That(expired.IsSuccess, Is.True, expired.Error?.Message);

        await WaitForOrderAsync(order.OrderId, row => row.OrderStatusId == OrderRow.Cancelled, "cancelled after the expiry");
        var notes = await Database.OrderNotesAsync(order.OrderId);
        Assert.That(notes.Any(note => note.Contains("expir", StringComparison.OrdinalIgnoreCase)), Is.True, string.Join("\n", notes));
        await OrderPageTextAsync(order.OrderId, "order-expired");
    }

    [Test, Order(3)]
    public async Task Cancelling_the_order_in_the_admin_voids_the_link()
    {
        var order = await PlaceTamaraOrderAsync();

        await Admin.CancelOrderAsync(order.OrderId);
        Assert.That((await Database.OrderAsync(order.OrderId)).OrderStatusId, Is.EqualTo(OrderRow.Cancelled));
        await WaitForTamaraAsync(order.TamaraOrderId, tamara => tamara.Status == "canceled", "voided at Tamara", 30);

        // the customer's link no longer takes money
        var pay = Tamara.State.Pay(order.TamaraOrderId);
        Assert.That(pay.IsSuccess, Is.False, "a voided link cannot be paid");
        await OrderPageTextAsync(order.OrderId, "order-cancelled-link-voided");
    }
}
