using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;
using Nop.Plugin.Payments.TamaraInStore.Services.Checkout;
using TamaraSimulator;

namespace Nop.Plugin.Payments.TamaraInStore.EndToEnd.Checkout;

/// <summary>Placing an order at the counter: the plugin's checkout creates the Tamara session over HTTP and stores it</summary>
public class CheckoutTests : EndToEndTest
{
    protected override EnvironmentOptions Options => new() { RequestTimeoutSeconds = 3 };

    [Test]
    public async Task Confirming_the_order_texts_the_customer_and_stores_a_pending_session()
    {
        var (request, result) = await new Counter(Env).ConfirmAsync(450m);

        Assert.That(result.Success, Is.True, string.Join("; ", result.Errors));
        Assert.That(result.NewPaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        var session = Env.Sessions.Rows.Single();
        Assert.That(session.State, Is.EqualTo(TamaraSessionState.Pending));
        Assert.That(session.OrderGuid, Is.EqualTo(request.OrderGuid));
        Assert.That(session.TamaraOrderId, Is.EqualTo(result.AuthorizationTransactionId));
        Assert.That(session.Amount, Is.EqualTo(450m));
        Assert.That(session.CurrencyCode, Is.EqualTo("SAR"));
        var sms = Tamara.SmsOutbox.Single();
        Assert.That(sms.OrderId, Is.EqualTo(session.TamaraOrderId));
        Assert.That(sms.Amount, Is.EqualTo(450m));
        Assert.That(Tamara.FindOrder(session.TamaraOrderId)!.Items.Sum(item => item.TotalAmount.Amount), Is.EqualTo(450m));
    }

    [Test]
    public async Task A_fourth_link_to_one_phone_within_fifteen_minutes_is_refused_before_tamara_is_asked()
    {
        var counter = new Counter(Env);
        for (var i = 0; i < 3; i++)
        {
            var (_, sent) = await counter.ConfirmAsync(300m + i);
            Assert.That(sent.Success, Is.True, string.Join("; ", sent.Errors));
        }

        var (_, fourth) = await counter.ConfirmAsync(400m);
        var (_, otherPhone) = await counter.ConfirmAsync(400m, "0534274599");

        Assert.That(fourth.Success, Is.False);
        Assert.That(fourth.Errors.Single(), Is.EqualTo("Plugins.Payments.TamaraInStore.Checkout.Errors.TooManyLinks"));
        Assert.That(otherPhone.Success, Is.True);
        Assert.That(Tamara.Orders, Has.Count.EqualTo(4), "only the other phone's session reached Tamara");
        Assert.That(Tamara.SmsOutbox.GroupBy(sms => sms.PhoneNumber).Select(texts => texts.Count()), Is.EquivalentTo(new[] { 3, 1 }));
    }

    [Test]
    public async Task An_amount_Tamara_refuses_keeps_the_order_from_being_placed()
    {
        var (_, result) = await new Counter(Env).ConfirmAsync(20m);

        Assert.That(result.Success, Is.False);
        Assert.That(Tamara.SmsOutbox, Is.Empty);
        Assert.That(Env.Sessions.Rows.Where(session => session.State == TamaraSessionState.Pending), Is.Empty);
    }

    [Test]
    public async Task A_session_whose_answer_hangs_is_found_by_look_up_and_texted_only_once()
    {
        Simulator.Faults.Update(faults => { faults.HangMs = 8000; faults.HangAfterProcessing = true; faults.PathPrefix = "/checkout"; });
        Simulator.Faults.FailNext(FaultKind.Hang, 1);

        var (_, result) = await new Counter(Env).ConfirmAsync(300m);

        Assert.That(result.Success, Is.True, string.Join("; ", result.Errors));
        Assert.That(Simulator.Faults.History.Count(fault => fault.Kind == FaultKind.Hang), Is.EqualTo(1));
        Assert.That(Tamara.SmsOutbox, Has.Count.EqualTo(1));
        var session = Env.Sessions.Rows.Single(row => row.State == TamaraSessionState.Pending);
        Assert.That(session.TamaraOrderId, Is.EqualTo(Tamara.SmsOutbox.Single().OrderId));
    }

    [Test]
    public async Task A_retried_checkout_reuses_the_link_already_sent()
    {
        var counter = new Counter(Env);
        var (request, first) = await counter.ConfirmAsync(300m);

        using var scope = Env.Plugin.CreateScope();
        var checkout = (Nop.Plugin.Payments.TamaraInStore.Services.Checkout.TamaraCheckoutService)scope.ServiceProvider.GetService(typeof(Nop.Plugin.Payments.TamaraInStore.Services.Checkout.TamaraCheckoutService));
        var again = await checkout.ProcessPaymentAsync(request);

        Assert.That(again.Success, Is.True);
        Assert.That(again.AuthorizationTransactionId, Is.EqualTo(first.AuthorizationTransactionId));
        Assert.That(Tamara.SmsOutbox, Has.Count.EqualTo(1));
    }
}
