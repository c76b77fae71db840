using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;
using TamaraSimulator;

namespace Nop.Plugin.Payments.TamaraInStore.EndToEnd.Orders;

/// <summary>
/// Tamara creates the session but its answer never reaches the store (the connection is reset after Tamara acted), and the
/// look-up by reference fails too; and Tamara tells of an order no checkout of the store created
/// </summary>
public class LostCreateAnswerScenarioTests : EndToEndTest
{
    private const string BeingChecked = "Plugins.Payments.TamaraInStore.Checkout.Errors.OutcomeBeingChecked";

    /// <summary>The create takes effect and loses its answer; the look-up right after it fails, each of its attempts</summary>
    private void CreateAnswerAndLookUpLost()
    {
        Simulator.Faults.FailNext(FaultKind.ServerError, Services.Api.TamaraRetryPolicy.Default.MaxAttempts);
        Simulator.Faults.FailNext(FaultKind.DropAnswer);
    }

    [Test]
    public async Task A_lost_create_answer_is_recorded_and_the_clerks_retry_takes_over_the_link_the_customer_pays_once()
    {
        await Env.RegisterWebhookAsync();
        CreateAnswerAndLookUpLost();
        await Env.Counter.EnterPaymentInfoAsync(300m);

        var first = await Env.Counter.ConfirmStoredAsync();

        Assert.That(first.Errors.Single(), Is.EqualTo(BeingChecked));
        Assert.That(Env.Sessions.Rows.Single().State, Is.EqualTo(TamaraSessionState.Creating), "recorded although no answer came");
        Assert.That(Tamara.Orders, Has.Count.EqualTo(1), "Tamara did create it");

        var retry = await Env.Counter.ConfirmStoredAsync();
        Assert.That(retry.Success, Is.True, string.Join("; ", retry.Errors));
        var (orderId, tamaraOrderId) = await Env.Counter.PlacedAsync(Env.PaymentRequests.Load(), retry, 300m);

        Assert.That(Tamara.Pay(tamaraOrderId).IsSuccess, Is.True);
        Assert.That(await Env.PollUntilAsync(() => Env.IsPaid(orderId)), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(tamaraOrderId, Is.EqualTo(Tamara.Orders.Single().OrderId), "the link Tamara created for the first attempt");
            Assert.That(Tamara.SmsOutbox, Has.Count.EqualTo(1), "the customer was texted once");
            Assert.That(Env.Orders.MarkPaidCalls, Is.EqualTo(1));
            Assert.That(Env.Sessions.Rows.Single().State, Is.EqualTo(TamaraSessionState.Paid));
        });
    }

    [Test]
    public async Task A_refusal_of_the_retry_saying_the_reference_exists_is_recovered_not_refused()
    {
        // the first attempt's answer lost and nothing recorded by an older version: the retry's reference is taken
        var request = await Env.Counter.EnterPaymentInfoAsync(300m);
        await CreateSessionAsync(300m, request.OrderGuid.ToString());

        var result = await Env.Counter.ConfirmStoredAsync();

        Assert.That(result.Success, Is.True, string.Join("; ", result.Errors));
        Assert.That(result.AuthorizationTransactionId, Is.EqualTo(Tamara.Orders.Single().OrderId));
        Assert.That(Simulator.Faults.History, Is.Empty);
    }

    [Test]
    public async Task A_webhook_for_a_session_whose_answer_was_lost_is_matched_by_its_reference()
    {
        await Env.RegisterWebhookAsync();
        CreateAnswerAndLookUpLost();
        var (_, first) = await Env.Counter.ConfirmAsync(300m);
        Assert.That(first.Errors.Single(), Is.EqualTo(BeingChecked));
        var tamaraOrderId = Tamara.Orders.Single().OrderId;

        Assert.That(Tamara.Pay(tamaraOrderId).IsSuccess, Is.True);

        Assert.That(await Env.PollUntilAsync(() => Env.Sessions.Rows.Single().TamaraOrderId == tamaraOrderId), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(Env.Sessions.Rows, Has.Count.EqualTo(1), "taken over, not recorded a second time");
            Assert.That(Env.Sessions.Rows.Single().State, Is.Not.EqualTo(TamaraSessionState.Creating));
            Assert.That(Env.Log.Entries.Any(entry => entry.Message.Contains("not one of ours")), Is.False);
        });
    }

    [Test]
    public async Task A_paid_tamara_order_no_checkout_created_is_recorded_once_with_one_error_naming_it_and_its_amount()
    {
        await Env.RegisterWebhookAsync();
        Simulator.Faults.Update(faults => faults.DuplicateNotifications = true);

        var tamaraOrderId = await CreatePaidTamaraOrderAsync(250m);

        Assert.That(await EndToEndEnvironment.EventuallyAsync(() =>
                Tamara.DeliveryAttempts.Count(attempt => attempt.OrderId == tamaraOrderId && attempt.Outcome == DeliveryOutcomes.Delivered)
                    >= 2 * Tamara.Notifications.Count(notification => notification.OrderId == tamaraOrderId)), Is.True,
            "every event delivered twice");
        var rows = Env.Sessions.Rows.Where(session => session.TamaraOrderId == tamaraOrderId).ToList();
        var errors = Env.Log.Errors.Where(message => message.Contains(tamaraOrderId)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(rows, Has.Count.EqualTo(1));
            Assert.That(rows.Single().State, Is.EqualTo(TamaraSessionState.NeedsAttention));
            Assert.That(rows.Single().Amount, Is.EqualTo(250m));
            Assert.That(rows.Single().OrderId, Is.Zero);
            Assert.That(errors, Has.Count.EqualTo(1), "once per Tamara order, whatever the deliveries");
            Assert.That(errors.Single(), Does.Contain("250.00"));
        });
    }

    [Test]
    public async Task A_token_in_the_query_string_never_reaches_the_log_written_during_a_delivery()
    {
        await Env.RegisterWebhookAsync();
        var tamaraOrderId = await CreatePaidTamaraOrderAsync(250m);

        Assert.That(await EndToEndEnvironment.EventuallyAsync(() => Env.Log.PageUrls.Any(url => url.Contains("/tamara/in-store/webhook"))), Is.True,
            "entries were written while a delivery was served");
        Assert.Multiple(() =>
        {
            Assert.That(Env.Log.PageUrls, Has.All.Contains("/tamara/in-store/webhook"));
            Assert.That(Env.Log.PageUrls, Has.None.Contains("tamaraToken").IgnoreCase);
            Assert.That(Env.Log.PageUrls, Has.None.Contains("eyJ"), "no JWT in any form");
        });
    }
}
