using Nop.Plugin.Payments.TamaraInStore.RealHost.Harness;

namespace Nop.Plugin.Payments.TamaraInStore.RealHost.Journeys;

/// <summary>
/// QR checkout without SMS: the store's POS device id on the configuration page, "Show a QR code here" at the payment
/// step with the till's own device id, the code on the counter page, the customer scanning and paying, the page turning
/// Paid by itself, and refunds as for any Tamara order
/// </summary>
[RealHostFixture, Order(10), NonParallelizable]
public class J_QrCheckoutTests : Journey
{
    private const string StoreDeviceId = "POS-RUH-01";
    private const string TillDeviceId = "POS-RUH-01-TILL-2";

    [SetUp]
    public void NoFaults() => Tamara.Faults.Reset();

    [Test, Order(1)]
    public async Task The_store_gets_a_pos_device_id()
    {
        var notifications = await Admin.SetDeviceIdAsync(StoreDeviceId);

        Assert.That(await Admin.Page.Locator(".alert-success").CountAsync(), Is.GreaterThan(0), "saved: " + notifications);
        Assert.That(await Database.SettingAsync("tamarainstoresettings.deviceid"), Is.EqualTo(StoreDeviceId));
    }

    [Test, Order(2)]
    public async Task A_qr_code_at_the_till_is_scanned_paid_and_refunded()
    {
        var smsBefore = Tamara.State.SmsOutbox.Count;
        string shownDeviceId = null, deeplink = null, counterText = null, paidState = null;
        var qrWidth = 0;

        var orderId = await PlaceTamaraQrOrderAsync(
            atThePaymentStep: async () => shownDeviceId = await Store.ChooseQrCodeAsync(TillDeviceId),
            atTheCounter: async page =>
            {
                (deeplink, qrWidth) = await Store.CounterQrCodeAsync();
                counterText = await Store.CounterTextAsync();
                await Screens.TakeAsync(page, "qr-counter-page");

                // the customer scans the code with their phone and pays; the counter page turns Paid by itself
                await Customer.ScanAndPayAsync(deeplink);
                paidState = await Waits.UntilAsync(() => Store.CounterStateAsync(), state => state == "paid", TimeSpan.FromSeconds(60),
                    "the counter page shows Paid");
                await Screens.TakeAsync(page, "qr-counter-page-paid");
            });

        Assert.Multiple(() =>
        {
            Assert.That(shownDeviceId, Is.EqualTo(StoreDeviceId), "the payment step pre-fills the store's device id");
            Assert.That(deeplink, Does.StartWith(Tamara.BaseAddress.ToString().TrimEnd('/') + "/pay/"));
            Assert.That(qrWidth, Is.GreaterThanOrEqualTo(300), "large enough to scan across the counter");
            Assert.That(counterText, Does.Contain("scans this code"));
            Assert.That(counterText, Does.Not.Contain("sent by SMS"));
            Assert.That(paidState, Is.EqualTo("paid"));
            Assert.That(Tamara.State.SmsOutbox, Has.Count.EqualTo(smsBefore), "nobody was texted");
        });

        var row = await WaitForOrderAsync(orderId, order => order.PaymentStatusId == OrderRow.Paid, "paid", 60);
        var atTamara = Tamara.State.FindOrder(row.AuthorizationTransactionId);
        Assert.That((atTamara.Channel, atTamara.DeviceId), Is.EqualTo(("qr", TillDeviceId)), "a QR session for the till's own device");
        Assert.That(atTamara.Platform, Is.EqualTo("NOPCOMMERCE_POS_QR"), "the platform Tamara requires, as the install set it");
        var notes = await Database.OrderNotesAsync(orderId);
        Assert.That(notes, Has.Some.Contains($"QR code at device {TillDeviceId}"), string.Join("\n", notes));
        var total = row.OrderTotal;

        await Admin.PartialRefundAsync(orderId, 100m);
        var partly = await WaitForOrderAsync(orderId, order => order.RefundedAmount == 100m, "100 refunded", 30);
        Assert.That(partly.PaymentStatusId, Is.EqualTo(OrderRow.PartiallyRefunded));

        // nopCommerce offers only partial refunds once an order is partly refunded: the rest is the full refund
        await Admin.PartialRefundAsync(orderId, total - 100m);
        var refunded = await WaitForOrderAsync(orderId, order => order.PaymentStatusId == OrderRow.Refunded, "refunded", 30);
        Assert.That(refunded.RefundedAmount, Is.EqualTo(total));
        atTamara = Tamara.State.FindOrder(row.AuthorizationTransactionId);
        Assert.That((atTamara.Status, atTamara.RefundedAmount), Is.EqualTo(("fully_refunded", total)));
        await OrderPageTextAsync(orderId, "qr-order-refunded");
    }

    [Test, Order(3)]
    public async Task The_till_remembers_its_own_device_id()
    {
        string shown = null;
        await PlaceTamaraQrOrderAsync(atThePaymentStep: async () => shown = await Store.ChooseQrCodeAsync(), atTheCounter: null);

        Assert.That(shown, Is.EqualTo(TillDeviceId), "this browser's till used its own id last time");
    }
}
