using Nop.Plugin.Payments.TamaraInStore.RealHost.Harness;

namespace Nop.Plugin.Payments.TamaraInStore.RealHost.Journeys;

/// <summary>Staff enter the order, the customer pays on their phone, the order becomes Paid: by webhook, and by the scheduled task</summary>
[RealHostFixture, Order(2), NonParallelizable]
public class B_PaymentTests : Journey
{
    [SetUp]
    public void NoFaults() => Tamara.Faults.Reset();

    [Test, Order(1)]
    public async Task A_staff_order_is_paid_by_webhook_once()
    {
        Tamara.Faults.Update(faults => faults.DuplicateNotifications = true);
        var order = await PlaceTamaraOrderAsync();

        var pending = await Database.OrderAsync(order.OrderId);
        Assert.That(pending.PaymentStatusId, Is.EqualTo(OrderRow.PaymentPending), "pending until Tamara says paid");
        var text = await OrderPageTextAsync(order.OrderId, "order-pending-tamara-block");
        Assert.That(text, Does.Contain("Tamara"), "the order page shows the Tamara block");

        var customersBefore = await CustomerCountAsync();
        await Customer.PayAsync(order.PhoneDigits);
        var paid = await WaitForOrderAsync(order.OrderId, row => row.PaymentStatusId == OrderRow.Paid, "paid by webhook", 45);
        Assert.That(paid.AuthorizationTransactionId, Is.EqualTo(order.TamaraOrderId));

        // every notification came twice; the order was marked paid once
        await Task.Delay(3000);
        var notes = await Database.OrderNotesAsync(order.OrderId);
        Assert.That(notes.Count(note => note.Contains("has been marked as paid", StringComparison.OrdinalIgnoreCase)), Is.EqualTo(1),
            string.Join("\n", notes));
        // the deliveries carry no cookie: they run as nopCommerce's background-task customer, not as a new guest each
        Assert.That(await CustomerCountAsync() - customersBefore, Is.Zero, "customers created by the webhook deliveries");
        await OrderPageTextAsync(order.OrderId, "order-paid-by-webhook");
    }

    [Test, Order(2)]
    public async Task With_every_webhook_lost_the_scheduled_task_marks_it_paid()
    {
        var order = await PlaceTamaraOrderAsync();
        Tamara.Faults.Update(faults => faults.DropNotificationAttempts = 1000);
        var paidFrom = DateTime.UtcNow;

        await Customer.PayAsync(order.PhoneDigits);
        await WaitForOrderAsync(order.OrderId, row => row.PaymentStatusId == OrderRow.Paid, "paid by the poll task", 120);
        // the task's workers send nopCommerce's "order paid" e-mails: their links need a request and an action context
        Assert.That((await LogSinceAsync(paidFrom)).Where(line => line.Contains("error occurred while creating a link", StringComparison.OrdinalIgnoreCase)),
            Is.Empty, "the e-mails sent when the poll task marks the order paid have their links");
        Assert.That(Tamara.State.DeliveryAttempts.Where(d => d.OrderId == order.TamaraOrderId).All(d => d.Outcome != "delivered"),
            Is.True, "no webhook reached the store");
        await OrderPageTextAsync(order.OrderId, "order-paid-by-poll");
    }

    private static Task<long> CustomerCountAsync() => Database.ScalarAsync<long>("SELECT count(*) FROM \"Customer\"");
}
