using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Refunds;
using Nop.Plugin.Payments.TamaraInStore.Services.Staff;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;

namespace Nop.Plugin.Payments.TamaraInStore.EndToEnd.Orders;

/// <summary>
/// nopCommerce failing around the order, the clerk retrying, the plugin's expiry coming before Tamara's, staff taking
/// the money by other means: no link stays payable without its order, and every payment ends where staff see it.
/// The store and the simulated Tamara share one fake clock.
/// </summary>
public class OrphanAndLatePaymentScenarioTests : EndToEndTest
{
    private FakeTimeProvider _clock;

    protected override EnvironmentOptions Options
    {
        get
        {
            _clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
            return new EnvironmentOptions
            {
                SimulatorClock = _clock,
                ConfigureServices = services => services.AddSingleton<TimeProvider>(_clock)
            };
        }
    }

    private TamaraSession SessionOfTamaraOrder(string tamaraOrderId) => Env.Sessions.Rows.Single(session => session.TamaraOrderId == tamaraOrderId);

    private string TamaraStatus(string tamaraOrderId) => Tamara.FindOrder(tamaraOrderId)!.Status;

    [Test]
    public async Task An_order_saved_without_post_processing_is_linked_by_its_guid_and_marked_paid()
    {
        var (orderId, tamaraOrderId) = await Env.Counter.PlaceOrderFailingAfterSaveAsync(300m);
        Assert.That(SessionOfTamaraOrder(tamaraOrderId).OrderId, Is.Zero);

        Tamara.Pay(tamaraOrderId);
        _clock.Advance(TimeSpan.FromSeconds(TamaraInStoreDefaults.MinPollIntervalSeconds));
        await Env.RunPollTaskAsync();

        Assert.That(Env.IsPaid(orderId), Is.True);
        Assert.That(SessionOfTamaraOrder(tamaraOrderId).OrderId, Is.EqualTo(orderId));
        Assert.That(SessionOfTamaraOrder(tamaraOrderId).State, Is.EqualTo(TamaraSessionState.Paid));
    }

    [Test]
    public async Task A_checkout_that_never_became_an_order_has_its_link_voided_at_Tamara()
    {
        var (_, result) = await Env.Counter.ConfirmAsync(300m);
        var tamaraOrderId = result.AuthorizationTransactionId;

        await Env.RunPollTaskAsync();
        Assert.That(TamaraStatus(tamaraOrderId), Is.EqualTo(TamaraOrderStatus.New), "a retried Confirm may still reuse it");
        _clock.Advance(TamaraInStoreDefaults.OrphanSessionGracePeriod + TimeSpan.FromSeconds(1));
        await Env.RunPollTaskAsync();

        Assert.That(TamaraStatus(tamaraOrderId), Is.EqualTo(TamaraOrderStatus.Canceled));
        Assert.That(Tamara.Pay(tamaraOrderId).IsSuccess, Is.False, "the link no longer takes a payment");
        Assert.That(SessionOfTamaraOrder(tamaraOrderId).State, Is.EqualTo(TamaraSessionState.Canceled));
    }

    [Test]
    public async Task Money_taken_for_a_checkout_that_never_became_an_order_is_an_error_in_the_log()
    {
        var (_, result) = await Env.Counter.ConfirmAsync(300m);
        var tamaraOrderId = result.AuthorizationTransactionId;
        Tamara.Pay(tamaraOrderId);

        _clock.Advance(TamaraInStoreDefaults.OrphanSessionGracePeriod + TimeSpan.FromSeconds(1));
        await Env.RunPollTaskAsync();

        Assert.That(SessionOfTamaraOrder(tamaraOrderId).State, Is.EqualTo(TamaraSessionState.NeedsAttention));
        Assert.That(Env.Log.Errors, Has.Some.Contains(tamaraOrderId).And.Some.Contains("300.00"));
    }

    [Test]
    public async Task A_retry_under_a_regenerated_order_guid_voids_the_first_link_before_texting_a_new_one()
    {
        await Env.Counter.EnterPaymentInfoAsync(300m);
        var first = await Env.Counter.ConfirmStoredAsync();
        // PlaceOrder failed before saving the order; the clerk goes back to the payment step four minutes later
        _clock.Advance(TimeSpan.FromMinutes(4));
        await Env.Counter.EnterPaymentInfoAsync(300m);

        var second = await Env.Counter.ConfirmStoredAsync();

        Assert.That(second.Success, Is.True, string.Join("; ", second.Errors));
        Assert.That(SessionOfTamaraOrder(second.AuthorizationTransactionId).OrderGuid,
            Is.Not.EqualTo(SessionOfTamaraOrder(first.AuthorizationTransactionId).OrderGuid), "nopCommerce regenerated the order GUID");
        Assert.That(TamaraStatus(first.AuthorizationTransactionId), Is.EqualTo(TamaraOrderStatus.Canceled));
        Assert.That(TamaraStatus(second.AuthorizationTransactionId), Is.EqualTo(TamaraOrderStatus.New));
        Assert.That(Tamara.SmsOutbox, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_retry_after_the_customer_paid_the_first_link_stops_without_a_second_sms()
    {
        await Env.Counter.EnterPaymentInfoAsync(300m);
        var first = await Env.Counter.ConfirmStoredAsync();
        Tamara.Pay(first.AuthorizationTransactionId);
        _clock.Advance(TimeSpan.FromMinutes(4));
        await Env.Counter.EnterPaymentInfoAsync(300m);

        var second = await Env.Counter.ConfirmStoredAsync();

        Assert.That(second.Success, Is.False);
        Assert.That(second.Errors.Single(), Does.Contain("PreviousLinkPaid"));
        Assert.That(Tamara.SmsOutbox, Has.Count.EqualTo(1));
        Assert.That(SessionOfTamaraOrder(first.AuthorizationTransactionId).State, Is.Not.EqualTo(TamaraSessionState.Canceled));
        Assert.That(Env.Log.Errors, Has.Some.Contains(first.AuthorizationTransactionId));
    }

    [Test]
    public async Task A_void_refused_because_the_customer_paid_that_moment_is_read_and_never_followed_by_a_second_sms()
    {
        await Env.Counter.EnterPaymentInfoAsync(300m);
        var first = await Env.Counter.ConfirmStoredAsync();
        Tamara.PayAtNextVoid(first.AuthorizationTransactionId);
        // the cart changed: same order GUID, another total
        await Env.Counter.EnterPaymentInfoAsync(350m);

        var second = await Env.Counter.ConfirmStoredAsync();

        Assert.That(second.Success, Is.False);
        Assert.That(TamaraStatus(first.AuthorizationTransactionId), Is.EqualTo(TamaraOrderStatus.FullyCaptured));
        Assert.That(SessionOfTamaraOrder(first.AuthorizationTransactionId).State, Is.Not.EqualTo(TamaraSessionState.Canceled));
        Assert.That(Tamara.SmsOutbox, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Staff_voiding_as_the_customer_pays_gets_a_409_and_the_order_is_marked_paid()
    {
        var (orderId, tamaraOrderId) = await Env.Counter.PlaceOrderAsync(300m);
        Tamara.PayAtNextVoid(tamaraOrderId);

        var voided = await Env.VoidAsync(orderId);

        Assert.That(voided.Outcome, Is.EqualTo(TamaraVoidOutcome.NotNew));
        Assert.That(Env.IsPaid(orderId), Is.True);
        Assert.That(Env.SessionOf(orderId).State, Is.EqualTo(TamaraSessionState.Paid));
    }

    [Test]
    public async Task The_plugins_shorter_expiry_voids_the_link_at_Tamara_before_cancelling_the_order()
    {
        Settings.SessionLifetimeMinutes = 5;
        var (orderId, tamaraOrderId) = await Env.Counter.PlaceOrderAsync(300m);

        _clock.Advance(TimeSpan.FromMinutes(5) + TamaraInStoreDefaults.ExpiryGracePeriod + TimeSpan.FromSeconds(1));
        await Env.RunPollTaskAsync();

        Assert.That(TamaraStatus(tamaraOrderId), Is.EqualTo(TamaraOrderStatus.Canceled), "Tamara itself would have kept it payable for 15 minutes");
        Assert.That(Env.SessionOf(orderId).State, Is.EqualTo(TamaraSessionState.Expired));
        Assert.That(Env.Order(orderId).OrderStatus, Is.EqualTo(OrderStatus.Cancelled));
        Assert.That(Tamara.Pay(tamaraOrderId).IsSuccess, Is.False);
    }

    [Test]
    public async Task A_payment_landing_after_the_plugins_expiry_is_found_without_its_webhook()
    {
        Settings.SessionLifetimeMinutes = 5;
        Settings.CancelOrderWhenDeclinedOrExpired = false;
        var (orderId, tamaraOrderId) = await Env.Counter.PlaceOrderAsync(300m);

        // Tamara cannot be reached at the final check: neither read nor void goes through, the session is closed here
        Simulator.Faults.Update(faults => faults.ServerErrorProbability = 1);
        _clock.Advance(TimeSpan.FromMinutes(5) + TamaraInStoreDefaults.ExpiryGracePeriod + TimeSpan.FromSeconds(1));
        await Env.RunPollTaskAsync();
        Simulator.Faults.Update(faults => faults.ServerErrorProbability = 0);
        Assert.That(Env.SessionOf(orderId).State, Is.EqualTo(TamaraSessionState.Expired));

        Assert.That(Tamara.Pay(tamaraOrderId).IsSuccess, Is.True, "still payable at Tamara");
        _clock.Advance(TamaraInStoreDefaults.LateCheckInterval);
        await Env.RunPollTaskAsync();

        Assert.That(Env.IsPaid(orderId), Is.True);
        Assert.That(Env.SessionOf(orderId).State, Is.EqualTo(TamaraSessionState.Paid));
    }

    [Test]
    public async Task Staff_marking_the_order_paid_voids_its_link()
    {
        var (orderId, tamaraOrderId) = await Env.Counter.PlaceOrderAsync(300m);

        await Env.Orders.OrderProcessingService.MarkOrderAsPaidAsync(Env.Order(orderId));

        Assert.That(TamaraStatus(tamaraOrderId), Is.EqualTo(TamaraOrderStatus.Canceled));
        Assert.That(Env.SessionOf(orderId).State, Is.EqualTo(TamaraSessionState.Canceled));
    }

    [Test]
    public async Task Deleting_the_order_voids_its_link()
    {
        var (orderId, tamaraOrderId) = await Env.Counter.PlaceOrderAsync(300m);

        await Env.Orders.DeleteAsync(orderId);

        Assert.That(TamaraStatus(tamaraOrderId), Is.EqualTo(TamaraOrderStatus.Canceled));
    }

    [Test]
    public async Task A_customer_paying_an_order_staff_marked_paid_in_cash_is_a_double_payment_staff_see()
    {
        var (orderId, tamaraOrderId) = await Env.Counter.PlaceOrderAsync(300m);
        Tamara.Pay(tamaraOrderId);
        // the webhook is lost and the poller has not come yet: the clerk takes cash and marks the order paid

        await Env.Orders.OrderProcessingService.MarkOrderAsPaidAsync(Env.Order(orderId));

        Assert.That(Env.SessionOf(orderId).State, Is.EqualTo(TamaraSessionState.NeedsAttention));
        Assert.That(Env.SessionOf(orderId).LastError, Does.Contain("DOUBLE PAYMENT"));
        Assert.That(Env.Orders.NotesOf(orderId).Any(note => note.Note.Contains("DOUBLE PAYMENT")), Is.True);
        Assert.That(Env.Log.Errors, Has.Some.Contains(tamaraOrderId));
        Assert.That(Env.Orders.MarkPaidCalls, Is.EqualTo(1), "only the clerk's");

        // the order block's "Refund the Tamara payment"
        using var scope = Env.Plugin.CreateScope();
        var refund = await scope.ServiceProvider.GetRequiredService<TamaraDoublePaymentRefund>().RefundAsync(Env.Order(orderId));

        Assert.That(refund.Succeeded, Is.True, refund.Error);
        Assert.That(Tamara.FindOrder(tamaraOrderId)!.RefundedAmount, Is.EqualTo(300m));
        Assert.That(Env.Order(orderId).PaymentStatus, Is.EqualTo(PaymentStatus.Paid), "the cash payment stays");
    }
}
