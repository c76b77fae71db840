using Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;

namespace Nop.Plugin.Payments.TamaraInStore.EndToEnd.Orders;

/// <summary>A delivery that finds the order's lock busy is asked for again, so Tamara's news is never dropped</summary>
public class WebhookBusyScenarioTests : EndToEndTest
{
    [Test]
    public async Task A_capture_delivered_while_the_order_is_locked_pays_the_order_on_redelivery()
    {
        await Env.RegisterWebhookAsync();
        var (orderId, tamaraOrderId) = await Env.Counter.PlaceOrderAsync(300m);

        using (Env.Locker.Hold(string.Format(TamaraInStoreDefaults.OrderLockKey, tamaraOrderId)))
        {
            Tamara.Pay(tamaraOrderId);
            Assert.That(await Simulator.WaitUntilAsync(state => state.DeliveryAttempts.Any(attempt =>
                attempt.OrderId == tamaraOrderId && attempt.StatusCode == 503), TimeSpan.FromSeconds(15)), Is.True, "answered 503 while busy");
            Assert.That(Env.IsPaid(orderId), Is.False);
        }

        // no poll runs here: only Tamara delivering again can pay the order
        Assert.That(await EndToEndEnvironment.EventuallyAsync(() => Env.IsPaid(orderId)), Is.True);
        Assert.That(Env.Orders.MarkPaidCalls, Is.EqualTo(1));
    }
}
