using Moq;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Sync;

/// <summary>
/// Sessions recorded before a create call whose answer was lost ("creating"): the poller finds them at Tamara by their
/// reference, as it does for orphans
/// </summary>
public class CreatingSessionTests
{
    private SyncHarness _harness;

    [SetUp]
    public void SetUp() => _harness = new SyncHarness();

    /// <summary>What the checkout leaves behind when neither the create answer nor the look-up came back</summary>
    private TamaraSession AddCreating(Order order, string reference = null)
    {
        var session = new TamaraSession
        {
            OrderId = 0,
            OrderGuid = order?.OrderGuid ?? Guid.NewGuid(),
            StoreId = 1,
            CustomerId = 7,
            OrderReferenceId = reference ?? order?.OrderGuid.ToString() ?? Guid.NewGuid().ToString(),
            State = TamaraSessionState.Creating,
            Amount = 300m,
            CurrencyCode = "SAR",
            PhoneNumber = "966501234567",
            CreatedOnUtc = _harness.Now,
            ExpiresOnUtc = _harness.Now.AddMinutes(15),
            NextCheckOnUtc = _harness.Now.AddSeconds(20)
        };
        _harness.Sessions.Insert(session);
        return session;
    }

    /// <summary>An order nopCommerce saved for a checkout whose Tamara answer was lost (the clerk placed it on a retry)</summary>
    private Order SavedOrder() => _harness.Orders.Add(new Order
    {
        Id = 500,
        StoreId = 1,
        OrderGuid = Guid.NewGuid(),
        PaymentMethodSystemName = TamaraInStoreDefaults.SystemName,
        OrderStatus = OrderStatus.Pending,
        PaymentStatus = PaymentStatus.Pending,
        OrderTotal = 300m,
        CurrencyRate = 1m,
        CustomerCurrencyCode = "SAR"
    });

    private void TamaraHasReference(string reference, string tamaraOrderId, TamaraOrder order)
    {
        _harness.TamaraSays(tamaraOrderId, order);
        order.OrderReferenceId = reference;
        order.CheckoutId = "checkout-" + tamaraOrderId;
        _harness.Client.Setup(client => client.GetOrderByReferenceIdAsync(It.IsAny<TamaraInStoreSettings>(), reference, It.IsAny<CancellationToken>()))
            .ReturnsAsync(order);
    }

    private void TamaraKnowsNoReference() =>
        _harness.Client.Setup(client => client.GetOrderByReferenceIdAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((TamaraOrder)null);

    private async Task PollAsync()
    {
        _harness.Time.Advance(TimeSpan.FromSeconds(30));
        await _harness.NewPollTask().ExecuteAsync();
    }

    [Test]
    public async Task The_poller_finds_a_creating_session_by_its_reference_links_its_order_and_a_payment_marks_it_paid_once()
    {
        var order = SavedOrder();
        var session = AddCreating(order);
        TamaraHasReference(session.OrderReferenceId, "tamara-lost-1", SyncHarness.Captured());

        await PollAsync();
        await PollAsync();

        var stored = _harness.Session(session.Id);
        Assert.Multiple(() =>
        {
            Assert.That(stored.TamaraOrderId, Is.EqualTo("tamara-lost-1"));
            Assert.That(stored.CheckoutId, Is.EqualTo("checkout-tamara-lost-1"));
            Assert.That(stored.OrderId, Is.EqualTo(order.Id), "linked by its order GUID");
            Assert.That(stored.State, Is.EqualTo(TamaraSessionState.Paid));
            Assert.That(_harness.Orders.Get(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(_harness.Orders.MarkPaidCalls, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_creating_session_found_unpaid_without_an_order_is_voided_after_the_orphan_grace_period()
    {
        var session = AddCreating(null);
        TamaraHasReference(session.OrderReferenceId, "tamara-lost-2", SyncHarness.Status(TamaraOrderStatus.New));
        _harness.Client.Setup(client => client.VoidCheckoutSessionAsync(It.IsAny<TamaraInStoreSettings>(), "checkout-tamara-lost-2", "tamara-lost-2", It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new VoidCheckoutSessionResponse { OrderWasVoided = true });

        await PollAsync();
        Assert.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.Pending), "found and adopted, waiting for its order");

        _harness.Time.Advance(TamaraInStoreDefaults.OrphanSessionGracePeriod);
        await PollAsync();

        Assert.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.Canceled));
        _harness.Client.Verify(client => client.VoidCheckoutSessionAsync(It.IsAny<TamaraInStoreSettings>(), "checkout-tamara-lost-2", "tamara-lost-2", It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task A_creating_session_paid_without_an_order_needs_attention_with_an_error_naming_the_tamara_order()
    {
        var session = AddCreating(null);
        TamaraHasReference(session.OrderReferenceId, "tamara-lost-3", SyncHarness.Captured());
        _harness.Time.Advance(TamaraInStoreDefaults.OrphanSessionGracePeriod);

        await PollAsync();
        await PollAsync();

        Assert.That(_harness.Session(session.Id).State, Is.EqualTo(TamaraSessionState.NeedsAttention));
        _harness.Logger.Verify(logger => logger.ErrorAsync(It.Is<string>(message => message.Contains("tamara-lost-3") && message.Contains("300.00")),
            It.IsAny<Exception>(), It.IsAny<Nop.Core.Domain.Customers.Customer>()), Times.Once);
    }

    [Test]
    public async Task A_creating_session_tamara_does_not_know_is_kept_during_the_grace_period_then_closed_as_never_created()
    {
        var session = AddCreating(null);
        TamaraKnowsNoReference();

        await PollAsync();
        var during = _harness.Session(session.Id).State;
        _harness.Time.Advance(TamaraInStoreDefaults.CreatingSessionGracePeriod);
        await PollAsync();

        var stored = _harness.Session(session.Id);
        Assert.Multiple(() =>
        {
            Assert.That(during, Is.EqualTo(TamaraSessionState.Creating));
            Assert.That(stored.State, Is.EqualTo(TamaraSessionState.NotCreated));
            Assert.That(stored.NextCheckOnUtc, Is.Null);
            Assert.That(stored.LastError, Does.Contain(session.OrderReferenceId));
        });
    }

    [Test]
    public async Task A_creating_session_whose_look_up_fails_is_never_dropped_and_asked_again_later()
    {
        var session = AddCreating(null);
        _harness.Client.Setup(client => client.GetOrderByReferenceIdAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(SyncHarness.Transient(System.Net.HttpStatusCode.ServiceUnavailable));

        _harness.Time.Advance(TimeSpan.FromMinutes(10));
        await PollAsync();

        var stored = _harness.Session(session.Id);
        Assert.Multiple(() =>
        {
            Assert.That(stored.State, Is.EqualTo(TamaraSessionState.Creating));
            Assert.That(stored.NextCheckOnUtc, Is.GreaterThan(_harness.Now));
            Assert.That(stored.LastError, Does.Contain("503"));
        });
    }

    [Test]
    public async Task A_creating_session_is_not_asked_about_before_its_create_call_can_have_ended()
    {
        AddCreating(null);
        TamaraKnowsNoReference();

        await _harness.NewPollTask().ExecuteAsync();

        _harness.Client.Verify(client => client.GetOrderByReferenceIdAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
