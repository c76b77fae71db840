using Moq;
using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Checkout;

/// <summary>
/// Every new Tamara session texts the phone number a payment link: no one, staff included, may send more than the store's
/// limit (3 within 15 minutes unless configured), and a refusal comes before any call to Tamara
/// </summary>
public class PhoneLinkLimitTests
{
    private const string Phone = "966501234567";

    private static void VerifyCreated(CheckoutFixture fixture, Times times) =>
        fixture.Client.Verify(c => c.CreateInStoreSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<CreateInStoreSessionRequest>(), It.IsAny<CancellationToken>()), times);

    private static string TooMany(int sent, int minutes) =>
        string.Format(CheckoutFixture.English["Plugins.Payments.TamaraInStore.Checkout.Errors.TooManyLinks"], sent, minutes);

    [Test]
    public async Task A_fourth_link_within_fifteen_minutes_is_refused_even_for_staff()
    {
        var fixture = new CheckoutFixture();
        fixture.TamaraCreates();
        fixture.SentEarlier(Phone, TimeSpan.FromMinutes(14));
        fixture.SentEarlier(Phone, TimeSpan.FromMinutes(5));
        fixture.SentEarlier(Phone, TimeSpan.FromMinutes(1));

        var result = await fixture.Create().ProcessPaymentAsync(CheckoutFixture.PaymentRequest(26.666667m, phone: Phone));

        Assert.That(result.Errors, Is.EqualTo(new[] { TooMany(3, 15) }));
        Assert.That(fixture.Sessions.Rows, Has.Count.EqualTo(3));
        VerifyCreated(fixture, Times.Never());
    }

    [Test]
    public async Task Links_older_than_the_window_and_links_to_other_numbers_do_not_count()
    {
        var fixture = new CheckoutFixture();
        fixture.TamaraCreates();
        fixture.SentEarlier(Phone, TimeSpan.FromMinutes(16));
        fixture.SentEarlier(Phone, TimeSpan.FromMinutes(10));
        fixture.SentEarlier(Phone, TimeSpan.FromMinutes(2));
        fixture.SentEarlier("966509999999", TimeSpan.FromMinutes(1));

        var result = await fixture.Create().ProcessPaymentAsync(CheckoutFixture.PaymentRequest(26.666667m, phone: Phone));

        Assert.That(result.Success, Is.True);
        VerifyCreated(fixture, Times.Once());
    }

    [Test]
    public async Task The_stores_own_limit_applies()
    {
        var fixture = new CheckoutFixture();
        fixture.Settings.MaxLinksPerPhone = 1;
        fixture.Settings.LinksPerPhoneWindowMinutes = 60;
        fixture.TamaraCreates();
        fixture.SentEarlier(Phone, TimeSpan.FromMinutes(50));

        var result = await fixture.Create().ProcessPaymentAsync(CheckoutFixture.PaymentRequest(26.666667m, phone: Phone));

        Assert.That(result.Errors, Is.EqualTo(new[] { TooMany(1, 60) }));
        VerifyCreated(fixture, Times.Never());
    }

    [Test]
    public async Task A_refused_retry_leaves_the_customer_the_link_they_have()
    {
        var fixture = new CheckoutFixture();
        fixture.Settings.MaxLinksPerPhone = 1;
        fixture.TamaraCreates();
        var service = fixture.Create();
        var orderGuid = Guid.NewGuid();
        await service.ProcessPaymentAsync(CheckoutFixture.PaymentRequest(26.666667m, orderGuid, Phone));

        // the total changed: a new link would be needed, but this number already had its one link
        var retry = await service.ProcessPaymentAsync(CheckoutFixture.PaymentRequest(40m, orderGuid, Phone));

        Assert.That(retry.Errors, Is.EqualTo(new[] { TooMany(1, 15) }));
        Assert.That(fixture.Sessions.Rows.Single().State, Is.EqualTo(TamaraSessionState.Pending));
        fixture.Client.Verify(c => c.VoidCheckoutSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        VerifyCreated(fixture, Times.Once());
    }

    [Test]
    public async Task A_retry_that_reuses_the_live_link_sends_nothing_and_is_not_refused()
    {
        var fixture = new CheckoutFixture();
        fixture.Settings.MaxLinksPerPhone = 1;
        fixture.TamaraCreates();
        var service = fixture.Create();
        var orderGuid = Guid.NewGuid();
        await service.ProcessPaymentAsync(CheckoutFixture.PaymentRequest(26.666667m, orderGuid, Phone));

        var retry = await service.ProcessPaymentAsync(CheckoutFixture.PaymentRequest(26.666667m, orderGuid, Phone));

        Assert.That(retry.Success, Is.True);
        VerifyCreated(fixture, Times.Once());
    }

    [Test]
    public async Task Send_new_link_is_refused_before_tamara_is_called()
    {
        var fixture = new CheckoutFixture();
        fixture.TamaraCreates();
        var service = fixture.Create();
        var request = CheckoutFixture.PaymentRequest(26.666667m, phone: Phone);
        await service.ProcessPaymentAsync(request);
        fixture.SentEarlier(Phone, TimeSpan.FromMinutes(3));
        fixture.SentEarlier(Phone, TimeSpan.FromMinutes(2));
        var order = new Order { Id = 55, OrderGuid = request.OrderGuid, StoreId = 1, CustomerId = 7, OrderTotal = 26.666667m, CurrencyRate = 3.75m, CustomerCurrencyCode = "SAR" };
        var previous = fixture.Sessions.Rows.First();

        Assert.That(await service.NewLinkRefusalAsync(order, previous), Is.EqualTo(TooMany(3, 15)));
        var exception = Assert.ThrowsAsync<NopException>(() => service.CreateReplacementSessionAsync(order, previous));
        Assert.That(exception.Message, Is.EqualTo(TooMany(3, 15)));
        VerifyCreated(fixture, Times.Once());
    }

    /// <summary>The session creator over the plugin's tables with the database's unique index on the number and slot</summary>
    private static (Nop.Plugin.Payments.TamaraInStore.Services.Checkout.TamaraSessionCreator Creator, Fakes.InMemoryRepository<TamaraSession> Sessions,
        Fakes.InMemoryRepository<TamaraPhoneLinkSlot> Slots, Mock<Nop.Plugin.Payments.TamaraInStore.Services.Api.ITamaraClient> Client) NewCreator()
    {
        var sessions = new Fakes.InMemoryRepository<TamaraSession>();
        var slots = new Fakes.InMemoryRepository<TamaraPhoneLinkSlot> { UniqueKey = slot => (slot.PhoneNumber, slot.Slot) };
        var sessionService = new Nop.Plugin.Payments.TamaraInStore.Services.TamaraSessionService(new Fakes.InMemoryRepository<TamaraRefund>(), sessions,
            phoneLinkSlotRepository: slots);
        var client = new Mock<Nop.Plugin.Payments.TamaraInStore.Services.Api.ITamaraClient>();
        var created = 0;
        client.Setup(c => c.CreateInStoreSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<CreateInStoreSessionRequest>(), It.IsAny<CancellationToken>()))
            .Returns(async () =>
            {
                // Tamara takes a moment: every checkout has counted the links before any has stored one
                await Task.Delay(50);
                var id = Interlocked.Increment(ref created);
                return new CreateInStoreSessionResponse { OrderId = $"tamara-{id}", CheckoutId = $"checkout-{id}", CheckoutDeeplink = "https://pay" };
            });
        var localization = new Mock<Nop.Services.Localization.ILocalizationService>();
        localization.Setup(service => service.GetResourceAsync(It.IsAny<string>())).ReturnsAsync((string key) => CheckoutFixture.English[key]);
        var creator = new Nop.Plugin.Payments.TamaraInStore.Services.Checkout.TamaraSessionCreator(localization.Object,
            new Mock<Nop.Services.Logging.ILogger>().Object, client.Object, sessionService, TimeProvider.System);
        return (creator, sessions, slots, client);
    }

    private static CreateInStoreSessionRequest LinkRequest(int n) => new()
    {
        OrderReferenceId = $"reference-{n}",
        PhoneNumber = Phone,
        TotalAmount = new TamaraMoney(100m, "SAR"),
        Locale = "en_US"
    };

    [Test]
    public async Task Ten_simultaneous_checkouts_for_one_number_send_no_more_links_than_the_limit()
    {
        var (creator, sessions, _, client) = NewCreator();
        var settings = new TamaraInStoreSettings { MaxLinksPerPhone = 3, LinksPerPhoneWindowMinutes = 15, SessionLifetimeMinutes = 15, PollIntervalSeconds = 10 };

        var results = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(n => Task.Run(() => creator.CreateAsync(settings, LinkRequest(n), new TamaraSession()))));

        Assert.Multiple(() =>
        {
            Assert.That(results.Count(result => result.Session is not null), Is.EqualTo(3));
            Assert.That(results.Where(result => result.Session is null).Select(result => result.Error), Has.All.EqualTo(TooMany(3, 15)));
            Assert.That(sessions.Rows, Has.Count.EqualTo(3));
        });
        client.Verify(c => c.CreateInStoreSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<CreateInStoreSessionRequest>(), It.IsAny<CancellationToken>()), Times.Exactly(3));
    }

    [Test]
    public async Task A_link_tamara_refused_gives_its_slot_back()
    {
        var (creator, _, slots, client) = NewCreator();
        var settings = new TamaraInStoreSettings { MaxLinksPerPhone = 1, LinksPerPhoneWindowMinutes = 15, SessionLifetimeMinutes = 15, PollIntervalSeconds = 10 };
        client.Setup(c => c.CreateInStoreSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<CreateInStoreSessionRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new Nop.Plugin.Payments.TamaraInStore.Services.Api.TamaraApiException("invalid phone", System.Net.HttpStatusCode.BadRequest, "POST /checkout/in-store-session"));

        var refused = await creator.CreateAsync(settings, LinkRequest(1), new TamaraSession());

        Assert.That(refused.Session, Is.Null);
        Assert.That(slots.Rows, Is.Empty, "no link went out: the number may still receive one");
    }
}
