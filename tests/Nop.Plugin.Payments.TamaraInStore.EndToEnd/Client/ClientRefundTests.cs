using System.Net;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

namespace Nop.Plugin.Payments.TamaraInStore.EndToEnd.Client;

/// <summary>The plugin's Tamara client against the simulator: simplified refunds</summary>
public class ClientRefundTests : EndToEndTest
{
    [Test]
    public async Task A_partial_then_a_final_refund_add_up_to_the_captured_amount()
    {
        var orderId = await CreatePaidTamaraOrderAsync(300m);

        var first = await Client.SimplifiedRefundAsync(Settings, orderId, Refund(100m, "r-1"));
        var afterFirst = await Client.GetOrderAsync(Settings, orderId);
        var second = await Client.SimplifiedRefundAsync(Settings, orderId, Refund(200m, "r-2"));
        var afterSecond = await Client.GetOrderAsync(Settings, orderId);

        Assert.That(first.RefundedAmount.Amount, Is.EqualTo(100m));
        Assert.That(second.RefundedAmount.Amount, Is.EqualTo(200m));
        Assert.That(second.RefundId, Is.Not.EqualTo(first.RefundId));
        Assert.That(afterFirst.Status, Is.EqualTo(TamaraOrderStatus.PartiallyRefunded));
        Assert.That(afterSecond.Status, Is.EqualTo(TamaraOrderStatus.FullyRefunded));
        Assert.That(afterSecond.RefundedAmount.Amount, Is.EqualTo(300m));
        Assert.That(afterSecond.Transactions.Refunds.Select(refund => refund.RefundId), Is.EquivalentTo(new[] { first.RefundId, second.RefundId }));
        Assert.That(afterSecond.Transactions.Refunds.Select(refund => refund.MerchantRefundId), Is.EquivalentTo(new[] { "r-1", "r-2" }));
    }

    [Test]
    public async Task More_than_is_left_to_refund_is_refused_and_nothing_is_refunded()
    {
        var orderId = await CreatePaidTamaraOrderAsync(300m);
        await Client.SimplifiedRefundAsync(Settings, orderId, Refund(250m, "r-1"));

        var refused = Assert.ThrowsAsync<TamaraApiException>(() => Client.SimplifiedRefundAsync(Settings, orderId, Refund(60m, "r-2")));

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(refused.ErrorCodes, Does.Contain("refund_amount_exceeds_refundable"));
        Assert.That(Tamara.FindOrder(orderId)!.RefundedAmount, Is.EqualTo(250m));
    }

    [Test]
    public async Task An_unpaid_order_cannot_be_refunded()
    {
        var session = await CreateSessionAsync();

        var refused = Assert.ThrowsAsync<TamaraApiException>(() => Client.SimplifiedRefundAsync(Settings, session.OrderId, Refund(50m, "r-1")));

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(Tamara.FindOrder(session.OrderId)!.RefundedAmount, Is.Zero);
    }

    [Test]
    public async Task The_same_merchant_refund_id_twice_refunds_once()
    {
        var orderId = await CreatePaidTamaraOrderAsync(300m);

        var first = await Client.SimplifiedRefundAsync(Settings, orderId, Refund(120m, "same-id"));
        var again = await Client.SimplifiedRefundAsync(Settings, orderId, Refund(120m, "same-id"));

        Assert.That(again.RefundId, Is.EqualTo(first.RefundId));
        Assert.That(Tamara.FindOrder(orderId)!.RefundedAmount, Is.EqualTo(120m));
    }

    internal static SimplifiedRefundRequest Refund(decimal amount, string merchantRefundId) => new()
    {
        TotalAmount = new TamaraMoney(amount, "SAR"),
        Comment = "Returned at the counter",
        MerchantRefundId = merchantRefundId
    };
}
