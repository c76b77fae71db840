using Nop.Plugin.Payments.TamaraInStore.RealHost.Harness;

namespace Nop.Plugin.Payments.TamaraInStore.RealHost.Journeys;

/// <summary>
/// nopCommerce fails to save the order after Tamara has texted the link (staged here by making PostgreSQL refuse the
/// order's row). The clerk tries again: at once (same order GUID) the link already sent is reused; after nopCommerce has
/// given the checkout a new order GUID the first link is voided before a second one is sent. Never two payable links.
/// </summary>
[RealHostFixture, Order(6), NonParallelizable]
public class F_FailedCheckoutRetryTests : Journey
{
    private const string RefuseOrders =
        "CREATE OR REPLACE FUNCTION realhost_refuse_order() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'the order table is refusing rows'; END $$ LANGUAGE plpgsql; " +
        "DROP TRIGGER IF EXISTS realhost_refuse_order ON \"Order\"; " +
        "CREATE TRIGGER realhost_refuse_order BEFORE INSERT ON \"Order\" FOR EACH ROW EXECUTE FUNCTION realhost_refuse_order();";

    private const string AcceptOrders = "DROP TRIGGER IF EXISTS realhost_refuse_order ON \"Order\";";

    [SetUp]
    public void NoFaults() => Tamara.Faults.Reset();

    [TearDown]
    public async Task RestoreAsync()
    {
        await Database.ExecuteAsync(AcceptOrders);
        await SetGuidIntervalAsync(180);
        if (new Uri(Admin.Page.Url).AbsolutePath.StartsWith("/Admin", StringComparison.OrdinalIgnoreCase) == false)
            await Admin.Page.GotoAsync("logout");
    }

    /// <summary>nopCommerce's "Regenerate order GUID interval" (Settings → All settings), applied by "Clear cache"</summary>
    private static async Task SetGuidIntervalAsync(int seconds)
    {
        await Database.ExecuteAsync($"UPDATE \"Setting\" SET \"Value\" = '{seconds}' WHERE \"Name\" = 'paymentsettings.regenerateorderguidinterval'");
        await Admin.ClearCacheAsync();
    }

    private static async Task<(string Typed, string Digits)> FailedConfirmAsync()
    {
        var phone = NextPhone();
        await Admin.ImpersonateAsync(CustomerEmail);
        await Store.AddProductToCartAsync();
        await Store.StartCheckoutAsync();
        await Store.ChoosePaymentMethodAsync(AdminUi.SystemName);
        await Store.FillTamaraPaymentInfoAsync(phone.Typed);
        Assert.That(await Store.ReachedConfirmStepAsync(), Is.True, "payment info accepted: " + await Store.CheckoutErrorsAsync());

        await Database.ExecuteAsync(RefuseOrders);
        Assert.That(await Store.ConfirmAsync(timeoutMs: 20_000), Is.Zero, "nopCommerce could not save the order");
        await Screens.TakeAsync(Admin.Page, "checkout-order-not-saved");
        await Database.ExecuteAsync(AcceptOrders);

        Assert.That(Tamara.State.SmsOutbox.Count(sms => sms.PhoneNumber == phone.Digits), Is.EqualTo(1), "the link was texted before the save failed");
        return phone;
    }

    [Test, Order(1)]
    public async Task Confirming_again_at_once_reuses_the_link_already_sent()
    {
        await SetGuidIntervalAsync(180);
        var phone = await FailedConfirmAsync();

        var orderId = await Store.ConfirmAsync();
        Assert.That(orderId, Is.GreaterThan(0), "placed on the second try: " + await Store.CheckoutErrorsAsync());
        await Admin.Page.GotoAsync("logout");

        var texts = Tamara.State.SmsOutbox.Where(sms => sms.PhoneNumber == phone.Digits).ToList();
        Assert.That(texts, Has.Count.EqualTo(1), "no second SMS for the same checkout");

        await Customer.PayAsync(phone.Digits);
        await WaitForOrderAsync(orderId, row => row.PaymentStatusId == OrderRow.Paid, "paid with the first link");
    }

    [Test, Order(2)]
    public async Task After_a_new_order_guid_the_first_link_is_voided_before_a_second_is_sent()
    {
        await SetGuidIntervalAsync(3);
        var phone = await FailedConfirmAsync();
        var first = Tamara.State.SmsOutbox.Single(sms => sms.PhoneNumber == phone.Digits);

        // the clerk goes back a step; nopCommerce keeps the payment request for longer than the interval and gives it a new GUID
        await Task.Delay(TimeSpan.FromSeconds(5));
        await Store.FillTamaraPaymentInfoAgainAsync(phone.Typed);
        Assert.That(await Store.ReachedConfirmStepAsync(), Is.True, "payment info accepted again: " + await Store.CheckoutErrorsAsync());
        var orderId = await Store.ConfirmAsync();
        Assert.That(orderId, Is.GreaterThan(0), "placed on the second try: " + await Store.CheckoutErrorsAsync());
        await Admin.Page.GotoAsync("logout");

        var texts = Tamara.State.SmsOutbox.Where(sms => sms.PhoneNumber == phone.Digits).ToList();
        Assert.That(texts, Has.Count.EqualTo(2), "a new link for the new order GUID");
        Assert.That(Tamara.State.FindOrder(first.OrderId).Status, Is.EqualTo("canceled"), "the first link was voided");
        Assert.That(Tamara.State.Pay(first.OrderId).IsSuccess, Is.False, "the first link takes no money");

        await Customer.PayAsync(phone.Digits);
        var paid = await WaitForOrderAsync(orderId, row => row.PaymentStatusId == OrderRow.Paid, "paid with the second link");
        Assert.That(paid.AuthorizationTransactionId, Is.EqualTo(texts[1].OrderId));
    }
}
