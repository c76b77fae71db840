using Nop.Plugin.Payments.TamaraInStore.Domain;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Refunds;

/// <summary>
/// Two servers of a web farm both hold nopCommerce's lock (its distributed lock checks, then sets) and both see the same
/// refund at Tamara: the database books it once, and only the server that booked it counts it in nopCommerce
/// </summary>
public class WebFarmRefundBookingTests
{
    [Test]
    public async Task A_portal_refund_seen_by_two_servers_at_once_is_booked_and_counted_once()
    {
        var context = new RefundTestContext(300m);
        var refundId = context.Tamara.RefundInPortal(50m);
        // the other server records it between this server's read of the refund rows and its insert
        context.Refunds.BeforeNextInsert = () => context.ReconcileAsync().GetAwaiter().GetResult();

        await context.ReconcileAsync();

        Assert.That(context.Refunds.BeforeNextInsert, Is.Null, "the other server recorded it meanwhile");
        context.VerifyOfflineRefunds(partial: 1, full: 0);
        Assert.Multiple(() =>
        {
            Assert.That(context.Refunds.Rows.Single().RefundId, Is.EqualTo(refundId));
            Assert.That(context.Order.RefundedAmount, Is.EqualTo(50m));
            Assert.That(context.Session.RefundedAmount, Is.EqualTo(50m));
            Assert.That(context.Notes.Count(note => note.Contains(refundId)), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_refund_whose_answer_was_lost_confirmed_by_two_servers_at_once_is_counted_once()
    {
        var context = new RefundTestContext(300m);
        await context.PartialRefundWhoseAnswerIsLostAsync(100m);
        // the other server confirms it between this server's read of the refund rows and its own confirmation
        context.Refunds.BeforeNextUpdate = () => context.ReconcileAsync().GetAwaiter().GetResult();

        await context.ReconcileAsync();

        Assert.That(context.Refunds.BeforeNextUpdate, Is.Null, "the other server confirmed it meanwhile");
        context.VerifyOfflineRefunds(partial: 1, full: 0);
        Assert.Multiple(() =>
        {
            Assert.That(context.Refunds.Rows.Single().State, Is.EqualTo(TamaraRefundState.Succeeded));
            Assert.That(context.Order.RefundedAmount, Is.EqualTo(100m));
            Assert.That(context.Session.RefundedAmount, Is.EqualTo(100m));
        });
    }
}
