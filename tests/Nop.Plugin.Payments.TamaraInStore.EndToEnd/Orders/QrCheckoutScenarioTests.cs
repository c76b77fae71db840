using System.Net;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

namespace Nop.Plugin.Payments.TamaraInStore.EndToEnd.Orders;

/// <summary>A QR code at the till, from the payment step to paid and refunded, against the simulated Tamara over HTTP</summary>
public class QrCheckoutScenarioTests : EndToEndTest
{
    protected override EnvironmentOptions Options => new() { RequestTimeoutSeconds = 3 };

    [Test]
    public async Task A_qr_session_is_scanned_paid_and_refunded_in_part_and_in_full_without_any_sms()
    {
        Settings.DeviceId = "POS-STORE";

        var (orderId, tamaraOrderId) = await Env.Counter.PlaceQrOrderAsync(300m, "POS-TILL-2");

        var session = Env.SessionOf(orderId);
        var atTamara = Tamara.FindOrder(tamaraOrderId)!;
        Assert.Multiple(() =>
        {
            Assert.That(session.Channel, Is.EqualTo(TamaraSessionChannel.Qr));
            Assert.That(session.DeviceId, Is.EqualTo("POS-TILL-2"));
            Assert.That(session.PhoneNumber, Is.Null);
            Assert.That((atTamara.Channel, atTamara.DeviceId, atTamara.TotalAmount), Is.EqualTo(("qr", "POS-TILL-2", 300m)));
            Assert.That(Tamara.SmsOutbox, Is.Empty);
        });

        // the customer scans the code: the link opens the payment page, where they pay
        using var customerPhone = new HttpClient();
        var page = await customerPhone.GetAsync(session.CheckoutDeeplink);
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var paid = await customerPhone.PostAsync(session.CheckoutDeeplink + "/pay", null);
        Assert.That(paid.IsSuccessStatusCode, Is.True);

        await Env.SyncAsync(tamaraOrderId, Services.Sync.TamaraSyncTrigger.Poll);
        Assert.That(Env.IsPaid(orderId), Is.True, "the poll finds the payment as for an SMS session");

        var partial = await Env.RefundAsync(orderId, 100m);
        var rest = await Env.RefundAsync(orderId, 200m);

        Assert.Multiple(() =>
        {
            Assert.That(partial.NewPaymentStatus, Is.EqualTo(PaymentStatus.PartiallyRefunded), string.Join("; ", partial.Errors));
            Assert.That(rest.NewPaymentStatus, Is.EqualTo(PaymentStatus.Refunded), string.Join("; ", rest.Errors));
            Assert.That(Tamara.FindOrder(tamaraOrderId)!.Status, Is.EqualTo(TamaraOrderStatus.FullyRefunded));
            Assert.That(Tamara.FindOrder(tamaraOrderId)!.RefundedAmount, Is.EqualTo(300m));
            Assert.That(Env.Order(orderId).RefundedAmount, Is.EqualTo(300m));
            Assert.That(Env.SessionOf(orderId).RefundedAmount, Is.EqualTo(300m));
        });
    }
}
