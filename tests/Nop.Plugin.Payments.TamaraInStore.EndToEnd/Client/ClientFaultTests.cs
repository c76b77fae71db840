using System.Net;
using Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using TamaraSimulator;

namespace Nop.Plugin.Payments.TamaraInStore.EndToEnd.Client;

/// <summary>
/// Every injected fault against the client: reads are retried, a call that may take effect twice (session, refund)
/// never is, and what such a call did is found out by reading Tamara again.
/// </summary>
public class ClientFaultTests : EndToEndTest
{
    protected override EnvironmentOptions Options => new() { RequestTimeoutSeconds = 3 };

    [SetUp]
    public void ShortHangs() => Simulator.Faults.Update(faults => faults.HangMs = 8000);

    [Test]
    public async Task Latency_within_the_timeout_only_slows_the_answer()
    {
        var orderId = await CreatePaidTamaraOrderAsync();
        Simulator.Faults.Update(faults => faults.LatencyMs = 300);

        var order = await Client.GetOrderAsync(Settings, orderId);

        Assert.That(order.Status, Is.EqualTo(TamaraOrderStatus.FullyCaptured));
    }

    [Test]
    public async Task A_read_that_gets_server_errors_is_retried_until_it_succeeds()
    {
        var orderId = await CreatePaidTamaraOrderAsync();
        Simulator.Faults.FailNext(FaultKind.ServerError, 2);

        var order = await Client.GetOrderAsync(Settings, orderId);

        Assert.That(order.Status, Is.EqualTo(TamaraOrderStatus.FullyCaptured));
        Assert.That(Injected(FaultKind.ServerError), Is.EqualTo(2));
    }

    [Test]
    public async Task A_read_that_keeps_failing_gives_up_after_three_attempts_as_a_transient_failure()
    {
        var orderId = await CreatePaidTamaraOrderAsync();
        Simulator.Faults.FailNext(FaultKind.ServerError, 5);

        var failure = Assert.ThrowsAsync<TamaraApiException>(() => Client.GetOrderAsync(Settings, orderId));

        Assert.That(failure.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(failure.IsTransient, Is.True);
        Assert.That(Injected(FaultKind.ServerError), Is.EqualTo(3));
    }

    [Test]
    public async Task A_read_answered_429_waits_as_asked_and_succeeds()
    {
        var orderId = await CreatePaidTamaraOrderAsync();
        Simulator.Faults.Update(faults => faults.RetryAfterSeconds = 1);
        Simulator.Faults.FailNext(FaultKind.TooManyRequests, 1);

        var order = await Client.GetOrderAsync(Settings, orderId);

        Assert.That(order.Status, Is.EqualTo(TamaraOrderStatus.FullyCaptured));
        Assert.That(Injected(FaultKind.TooManyRequests), Is.EqualTo(1));
    }

    [Test]
    public async Task A_read_that_hangs_times_out_and_is_retried()
    {
        var orderId = await CreatePaidTamaraOrderAsync();
        Simulator.Faults.FailNext(FaultKind.Hang, 1);

        var order = await Client.GetOrderAsync(Settings, orderId);

        Assert.That(order.CapturedAmount.Amount, Is.EqualTo(300m));
        Assert.That(Injected(FaultKind.Hang), Is.EqualTo(1));
    }

    [Test]
    public async Task A_session_answered_429_or_5xx_is_not_retried_and_texts_nobody()
    {
        Simulator.Faults.FailNext(FaultKind.TooManyRequests, 1);
        var throttled = Assert.ThrowsAsync<TamaraApiException>(() => CreateSessionAsync());
        Simulator.Faults.FailNext(FaultKind.ServerError, 1);
        var failed = Assert.ThrowsAsync<TamaraApiException>(() => CreateSessionAsync());

        Assert.That(throttled.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(Simulator.Faults.History, Has.Count.EqualTo(2), "one attempt each");
        Assert.That(Tamara.SmsOutbox, Is.Empty);
        await Task.CompletedTask;
    }

    [TestCase(true, TestName = "A session whose answer hangs after Tamara made it is found by its reference: one text")]
    [TestCase(false, TestName = "A session that hangs before Tamara made it is not found: no text")]
    public async Task A_session_call_that_hangs_is_not_retried_and_is_resolved_by_look_up(bool processedBeforeHanging)
    {
        Simulator.Faults.Update(faults => faults.HangAfterProcessing = processedBeforeHanging);
        Simulator.Faults.FailNext(FaultKind.Hang, 1);
        var reference = NewReference();

        var failure = Assert.ThrowsAsync<TamaraApiException>(() => CreateSessionAsync(reference: reference));
        var found = await Client.GetOrderByReferenceIdAsync(Settings, reference);

        Assert.That(failure.Kind, Is.EqualTo(TamaraErrorKind.Timeout));
        Assert.That(failure.OutcomeUnknown, Is.True);
        Assert.That(Injected(FaultKind.Hang), Is.EqualTo(1), "not retried");
        Assert.That(Tamara.SmsOutbox, Has.Count.EqualTo(processedBeforeHanging ? 1 : 0));
        Assert.That(found is not null, Is.EqualTo(processedBeforeHanging));
    }

    [TestCase(FaultKind.MalformedJson)]
    [TestCase(FaultKind.EmptyBody)]
    public async Task A_session_with_an_unreadable_answer_was_made_once_and_is_found_by_its_reference(FaultKind fault)
    {
        Simulator.Faults.FailNext(fault, 1);
        var reference = NewReference();

        var failure = Assert.ThrowsAsync<TamaraApiException>(() => CreateSessionAsync(reference: reference));
        var found = await Client.GetOrderByReferenceIdAsync(Settings, reference);

        Assert.That(failure.Kind, Is.EqualTo(TamaraErrorKind.InvalidResponse));
        Assert.That(failure.OutcomeUnknown, Is.True);
        Assert.That(Tamara.SmsOutbox, Has.Count.EqualTo(1));
        Assert.That(found.Status, Is.EqualTo(TamaraOrderStatus.New));
    }

    [TestCase(FaultKind.Hang)]
    [TestCase(FaultKind.MalformedJson)]
    [TestCase(FaultKind.EmptyBody)]
    public async Task A_refund_whose_answer_is_lost_happened_once_and_shows_on_the_order(FaultKind fault)
    {
        var orderId = await CreatePaidTamaraOrderAsync(300m);
        Simulator.Faults.Update(faults => faults.HangAfterProcessing = true);
        Simulator.Faults.FailNext(fault, 1);

        var failure = Assert.ThrowsAsync<TamaraApiException>(() =>
            Client.SimplifiedRefundAsync(Settings, orderId, ClientRefundTests.Refund(75m, "lost-answer")));
        var order = await Client.GetOrderAsync(Settings, orderId);

        Assert.That(failure.OutcomeUnknown, Is.True);
        Assert.That(Injected(fault), Is.EqualTo(1), "not retried");
        var refund = order.Transactions.Refunds.Single();
        Assert.That(refund.MerchantRefundId, Is.EqualTo("lost-answer"));
        Assert.That(refund.Amount.Amount, Is.EqualTo(75m));
        Assert.That(order.RefundedAmount.Amount, Is.EqualTo(75m));
    }

    [TestCase(FaultKind.MalformedJson)]
    [TestCase(FaultKind.EmptyBody)]
    public async Task An_unreadable_read_fails_as_invalid_and_the_next_read_succeeds(FaultKind fault)
    {
        var orderId = await CreatePaidTamaraOrderAsync();
        Simulator.Faults.FailNext(fault, 1);

        var failure = Assert.ThrowsAsync<TamaraApiException>(() => Client.GetOrderAsync(Settings, orderId));
        var order = await Client.GetOrderAsync(Settings, orderId);

        Assert.That(failure.Kind, Is.EqualTo(TamaraErrorKind.InvalidResponse));
        Assert.That(order.Status, Is.EqualTo(TamaraOrderStatus.FullyCaptured));
    }

    private int Injected(FaultKind kind) => Simulator.Faults.History.Count(fault => fault.Kind == kind);
}
