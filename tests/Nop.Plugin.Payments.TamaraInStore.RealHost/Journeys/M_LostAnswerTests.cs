using Nop.Plugin.Payments.TamaraInStore.RealHost.Harness;
using TamaraSimulator;

namespace Nop.Plugin.Payments.TamaraInStore.RealHost.Journeys;

/// <summary>
/// Tamara creates the session and texts the link, but its answer never reaches nopCommerce (the connection is reset after
/// Tamara acted) and the look-up by reference fails as well: the session is kept, the clerk is told its fate is being
/// checked, the clerk's second Confirm takes the link over, the customer pays, the order is Paid once. Then a Tamara payment
/// no checkout of the store created: one error in nopCommerce's log however often it is notified, and no webhook token in
/// any log entry's page URL.
/// </summary>
[RealHostFixture, Order(11), NonParallelizable]
public class M_LostAnswerTests : Journey
{
    private const int CreatingStateId = 5;
    private const int PendingStateId = 10;
    private const int NeedsAttentionStateId = 60;

    [SetUp]
    public void NoFaults() => Tamara.Faults.Reset();

    [TearDown]
    public async Task RestoreAsync()
    {
        Tamara.Faults.Reset();
        if (new Uri(Admin.Page.Url).AbsolutePath.StartsWith("/Admin", StringComparison.OrdinalIgnoreCase) == false)
            await Admin.Page.GotoAsync("logout");
    }

    [Test, Order(1)]
    public async Task A_session_whose_create_answer_was_lost_is_taken_over_by_the_retry_and_paid_once()
    {
        var phone = NextPhone();
        await Admin.ImpersonateAsync(CustomerEmail);
        await Store.AddProductToCartAsync();
        await Store.StartCheckoutAsync();
        await Store.ChoosePaymentMethodAsync(AdminUi.SystemName);
        await Store.FillTamaraPaymentInfoAsync(phone.Typed);
        Assert.That(await Store.ReachedConfirmStepAsync(), Is.True, "payment info accepted: " + await Store.CheckoutErrorsAsync());

        // the create takes effect at Tamara and its answer is lost; every attempt of the look-up by reference fails
        Tamara.Faults.Update(faults =>
        {
            faults.DropAnswerPathPrefix = "/checkout/in-store-session";
            faults.DropAnswerNextCalls = 1;
            faults.PathPrefix = "/merchants/orders/reference-id";
            faults.ServerErrorNextCalls = 3;
        });
        Assert.That(await Store.ConfirmAsync(timeoutMs: 20_000), Is.Zero, "no order while Tamara's answer is unknown");
        var shown = await Store.CheckoutErrorsAsync();
        await Screens.TakeAsync(Admin.Page, "checkout-answer-lost-being-checked");
        Assert.That(shown, Does.Contain("not known yet whether the payment link was sent"), "the clerk reads that the link's fate is being checked");

        var sms = Tamara.State.SmsOutbox.Single(message => message.PhoneNumber == phone.Digits);
        var state = await Database.ScalarAsync<int>(
            "SELECT \"StateId\" FROM \"TamaraSession\" WHERE \"PhoneNumber\" = @phone ORDER BY \"Id\" DESC LIMIT 1", ("phone", phone.Digits));
        Assert.That(state, Is.AnyOf(CreatingStateId, PendingStateId), "the session was kept (the poller may have found it already)");

        var orderId = await Store.ConfirmAsync();
        Assert.That(orderId, Is.GreaterThan(0), "placed on the second Confirm: " + await Store.CheckoutErrorsAsync());
        await Admin.Page.GotoAsync("logout");
        Assert.That(Tamara.State.SmsOutbox.Count(message => message.PhoneNumber == phone.Digits), Is.EqualTo(1), "no second SMS");

        await Customer.PayAsync(phone.Digits);
        var paid = await WaitForOrderAsync(orderId, row => row.PaymentStatusId == OrderRow.Paid, "paid with the link whose answer was lost");
        Assert.That(paid.AuthorizationTransactionId, Is.EqualTo(sms.OrderId));
        await Task.Delay(3000);
        await AssertPaidOnceAsync([new PlacedOrder(orderId, sms.OrderId, phone.Digits, Storefront.ProductPrice)]);
        await OrderPageTextAsync(orderId, "order-paid-after-lost-answer");
    }

    [Test, Order(2)]
    public async Task A_payment_without_an_order_is_logged_once_and_no_webhook_token_reaches_the_log()
    {
        Tamara.Faults.Update(faults => faults.DuplicateNotifications = true);
        var created = Tamara.State.CreateSession(new NewSession
        {
            Channel = "sms",
            Currency = "SAR",
            CountryCode = "SA",
            TotalAmount = 123m,
            PhoneNumber = NextPhone().Digits,
            OrderReferenceId = "elsewhere-" + Guid.NewGuid().ToString("N")[..8]
        }, Tamara.BaseAddress.ToString());
        Assert.That(created.IsSuccess, Is.True);
        var tamaraOrderId = created.Value!.OrderId;
        Assert.That(Tamara.State.Pay(tamaraOrderId).IsSuccess, Is.True);

        const string errorsAbout = "SELECT count(*) FROM \"Log\" WHERE \"LogLevelId\" >= 40 AND \"ShortMessage\" LIKE @order";
        await Waits.UntilAsync(() => Database.ScalarAsync<long>(errorsAbout, ("order", "%" + tamaraOrderId + "%")), count => count >= 1,
            TimeSpan.FromSeconds(60), "an error naming the Tamara order without an order");
        await Task.Delay(5000);

        var errors = await Database.ScalarAsync<long>(errorsAbout, ("order", "%" + tamaraOrderId + "%"));
        var errorsWithAmount = await Database.ScalarAsync<long>(errorsAbout, ("order", "%" + tamaraOrderId + "%123.00%"));
        var recordedState = await Database.ScalarAsync<int>("SELECT \"StateId\" FROM \"TamaraSession\" WHERE \"TamaraOrderId\" = @order", ("order", tamaraOrderId));
        var duringDeliveries = await Database.ScalarAsync<long>("SELECT count(*) FROM \"Log\" WHERE \"PageUrl\" ILIKE '%/tamara/in-store/webhook%'");
        var withToken = await Database.ScalarAsync<long>("SELECT count(*) FROM \"Log\" WHERE \"PageUrl\" ILIKE '%tamaraToken%'");
        Assert.Multiple(() =>
        {
            Assert.That(errors, Is.EqualTo(1), "once, whatever the deliveries");
            Assert.That(errorsWithAmount, Is.EqualTo(1), "with its amount");
            Assert.That(recordedState, Is.EqualTo(NeedsAttentionStateId), "listed on the operations page under needs attention");
            Assert.That(duringDeliveries, Is.GreaterThan(0), "entries were written while deliveries were served");
            Assert.That(withToken, Is.Zero, "no webhook token in any log entry");
        });
    }
}
