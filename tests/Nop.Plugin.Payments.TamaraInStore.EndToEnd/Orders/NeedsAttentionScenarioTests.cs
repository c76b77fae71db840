using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Staff;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;

namespace Nop.Plugin.Payments.TamaraInStore.EndToEnd.Orders;

/// <summary>
/// The order total was edited by 0.05 after the link was sent and the customer paid the old total: the payment needs
/// attention, and staff leave that state from the order page
/// </summary>
public class NeedsAttentionScenarioTests : EndToEndTest
{
    [Test]
    public async Task Accepting_the_capture_marks_the_order_paid_and_refunds_then_work_as_for_any_paid_order()
    {
        var (orderId, tamaraOrderId) = await CapturedForAnEditedTotalAsync();

        var accepted = await ExitAsync(orderId, (exits, order, session) => exits.AcceptCaptureAsync(order, session));

        Assert.That(accepted.Success, Is.True, accepted.Message);
        Assert.That(Env.IsPaid(orderId), Is.True);
        Assert.That(Env.SessionOf(orderId).State, Is.EqualTo(TamaraSessionState.Paid));

        Tamara.PortalRefund(tamaraOrderId, 50m);
        await Env.SyncAsync(tamaraOrderId);
        Assert.That(Env.Order(orderId).RefundedAmount, Is.EqualTo(50m), "the portal refund is picked up");

        var rest = await Env.RefundAsync(orderId, 250.05m);

        Assert.That(rest.Success, Is.True, string.Join("; ", rest.Errors));
        Assert.That(Tamara.FindOrder(tamaraOrderId)!.Status, Is.EqualTo(TamaraOrderStatus.FullyRefunded));
        Assert.That(Tamara.FindOrder(tamaraOrderId)!.RefundedAmount, Is.EqualTo(300m));
        Assert.That(Env.Order(orderId).PaymentStatus, Is.EqualTo(PaymentStatus.Refunded));
    }

    [Test]
    public async Task Refunding_the_capture_gives_everything_back_at_Tamara_and_the_order_can_get_a_new_link()
    {
        var (orderId, tamaraOrderId) = await CapturedForAnEditedTotalAsync();

        var refunded = await ExitAsync(orderId, (exits, order, session) => exits.RefundCaptureAsync(order, session));
        var later = await Env.SyncAsync(tamaraOrderId);

        Assert.Multiple(() =>
        {
            Assert.That(refunded.Success, Is.True, refunded.Message);
            Assert.That(Tamara.FindOrder(tamaraOrderId)!.Status, Is.EqualTo(TamaraOrderStatus.FullyRefunded));
            Assert.That(Tamara.FindOrder(tamaraOrderId)!.RefundedAmount, Is.EqualTo(300m));
            Assert.That(Env.SessionOf(orderId).State, Is.EqualTo(TamaraSessionState.Refunded));
            Assert.That(later.Outcome, Is.EqualTo(TamaraSyncOutcome.Closed), "Tamara's refund does not reopen it");
            Assert.That(Env.Order(orderId).PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
            Assert.That(Env.Order(orderId).RefundedAmount, Is.Zero);
        });
    }

    private async Task<(int OrderId, string TamaraOrderId)> CapturedForAnEditedTotalAsync()
    {
        var (orderId, tamaraOrderId) = await Env.Counter.PlaceOrderAsync(300m);
        var order = Env.Order(orderId);
        order.OrderTotal += 0.05m;
        await Env.Orders.OrderService.UpdateOrderAsync(order);
        Tamara.Pay(tamaraOrderId);

        var result = await Env.SyncAsync(tamaraOrderId);
        Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.NeedsAttention));
        return (orderId, tamaraOrderId);
    }

    private async Task<TamaraStaffActionResult> ExitAsync(int orderId,
        Func<TamaraNeedsAttentionService, Nop.Core.Domain.Orders.Order, TamaraSession, Task<TamaraStaffActionResult>> exit)
    {
        using var scope = Env.Plugin.CreateScope();
        return await exit(scope.ServiceProvider.GetRequiredService<TamaraNeedsAttentionService>(), Env.Order(orderId), Env.SessionOf(orderId));
    }
}
