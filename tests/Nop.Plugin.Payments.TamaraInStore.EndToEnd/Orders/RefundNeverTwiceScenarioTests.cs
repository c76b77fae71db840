using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Refunds;
using TamaraSimulator;

namespace Nop.Plugin.Payments.TamaraInStore.EndToEnd.Orders;

/// <summary>
/// A refund whose answer is lost while Tamara is still processing it: the clerk clicks again as told, Tamara's
/// notification may come first, and still exactly one refund goes out and nopCommerce counts it once
/// </summary>
public class RefundNeverTwiceScenarioTests : EndToEndTest
{
    /// <summary>The store's clock, so the refund grace period can pass; the simulator keeps the real one</summary>
    private readonly FakeTimeProvider _storeClock = new(DateTimeOffset.UtcNow);

    protected override EnvironmentOptions Options => new()
    {
        ConfigureServices = services => services.AddSingleton<TimeProvider>(_storeClock)
    };

    [Test]
    public async Task The_click_repeated_after_the_notification_recorded_the_refund_sends_nothing_and_counts_once()
    {
        await Env.RegisterWebhookAsync();
        var (orderId, tamaraOrderId) = await PaidOrderAsync(300m);
        LoseTheNextRefundAnswerWhileTamaraProcessesIt();

        var first = await Env.RefundAsync(orderId, 120m);

        Assert.That(first.Success, Is.False);
        Assert.That(first.Errors.Single(), Is.EqualTo(Localization.TamaraInStoreLocaleResources.RefundKeys.NotConfirmed), "the lost answer is said so");
        Assert.That(Env.RefundsOf(orderId).Single().State, Is.EqualTo(TamaraRefundState.Unknown));

        // Tamara finishes the refund and tells the store by order_refunded: recorded as an offline refund
        Tamara.ReleaseRefunds(tamaraOrderId);
        Assert.That(await EndToEndEnvironment.EventuallyAsync(() => Env.Order(orderId).RefundedAmount == 120m), Is.True, "the notification recorded it");

        var again = await Env.RefundAsync(orderId, 120m);

        Assert.Multiple(() =>
        {
            // told it was made already: a success would make nopCommerce count it again and send its refund e-mails twice
            Assert.That(again.Success, Is.False);
            Assert.That(again.Errors.Single(), Is.EqualTo(Localization.TamaraInStoreLocaleResources.RefundKeys.RepeatedClick));
            Assert.That(Tamara.FindOrder(tamaraOrderId)!.Refunds, Has.Count.EqualTo(1), "one refund at Tamara");
            Assert.That(Tamara.FindOrder(tamaraOrderId)!.RefundedAmount, Is.EqualTo(120m));
            Assert.That(Env.Order(orderId).RefundedAmount, Is.EqualTo(120m), "counted once in nopCommerce");
            Assert.That(Env.Order(orderId).PaymentStatus, Is.EqualTo(PaymentStatus.PartiallyRefunded));
            Assert.That(Env.RefundsOf(orderId).Single().State, Is.EqualTo(TamaraRefundState.Succeeded));
        });
    }

    [Test]
    public async Task A_refund_Tamara_still_processes_stays_open_past_the_grace_period_and_is_never_sent_twice()
    {
        var (orderId, tamaraOrderId) = await PaidOrderAsync(300m);
        LoseTheNextRefundAnswerWhileTamaraProcessesIt();
        await Env.RefundAsync(orderId, 120m);

        _storeClock.Advance(TamaraRefundService.UnconfirmedRefundGracePeriod + TimeSpan.FromMinutes(1));
        await Env.SyncAsync(tamaraOrderId);
        var whileProcessing = await Env.RefundAsync(orderId, 120m);

        Assert.Multiple(() =>
        {
            Assert.That(Env.RefundsOf(orderId).Single().State, Is.EqualTo(TamaraRefundState.Unknown), "still open, not failed");
            Assert.That(whileProcessing.Success, Is.False);
            Assert.That(whileProcessing.Errors.Single(), Is.EqualTo(Localization.TamaraInStoreLocaleResources.RefundKeys.EarlierNotConfirmed));
            Assert.That(Tamara.FindOrder(tamaraOrderId)!.ProcessingRefunds, Has.Count.EqualTo(1));
            Assert.That(Env.Order(orderId).RefundedAmount, Is.Zero);
        });

        Tamara.ReleaseRefunds(tamaraOrderId);
        await Env.SyncAsync(tamaraOrderId);
        var completed = await Env.RefundAsync(orderId, 120m);

        Assert.Multiple(() =>
        {
            Assert.That(completed.Success, Is.False, "the sync recorded it: the click is told so");
            Assert.That(completed.Errors.Single(), Is.EqualTo(Localization.TamaraInStoreLocaleResources.RefundKeys.RepeatedClick));
            Assert.That(Tamara.FindOrder(tamaraOrderId)!.Refunds, Has.Count.EqualTo(1));
            Assert.That(Env.Order(orderId).RefundedAmount, Is.EqualTo(120m));
        });
    }

    private void LoseTheNextRefundAnswerWhileTamaraProcessesIt()
    {
        Tamara.HoldRefunds = true;
        Simulator.Faults.Update(faults => faults.PathPrefix = "/payments");
        Simulator.Faults.FailNext(FaultKind.MalformedJson, 1);
    }

    private async Task<(int OrderId, string TamaraOrderId)> PaidOrderAsync(decimal total)
    {
        var placed = await Env.Counter.PlaceOrderAsync(total);
        Tamara.Pay(placed.TamaraOrderId);
        await Env.SyncAsync(placed.TamaraOrderId);
        Assert.That(await EndToEndEnvironment.EventuallyAsync(() => Env.IsPaid(placed.OrderId)), Is.True, "paid before refunding");
        return placed;
    }
}
