using Microsoft.Extensions.Time.Testing;
using Moq;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Health;
using Nop.Plugin.Payments.TamaraInStore.Tests.Fakes;
using Nop.Services.Configuration;
using Nop.Services.Logging;
using Nop.Services.Stores;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Health;

/// <summary>The store's link with Tamara: recorded cheaply, warnings when webhooks are lost, the poller stalls, Tamara is silent</summary>
public class HealthTests
{
    private static readonly DateTime Start = new(2026, 12, 8, 9, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private FakeTimeProvider _time;
    private InMemoryRepository<TamaraStoreHealth> _rows;
    private Mock<ILogger> _logger;
    private TamaraHealthMemory _memory;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(Start));
        _rows = new InMemoryRepository<TamaraStoreHealth>();
        _logger = new Mock<ILogger>();
        _memory = new TamaraHealthMemory();
    }

    /// <summary>A service over the shared rows, as one web server has it (each server has its own memory)</summary>
    private TamaraHealthService Server(TamaraHealthMemory memory = null)
    {
        var settings = new Mock<ISettingService>();
        settings.Setup(service => service.LoadSettingAsync<TamaraInStoreSettings>(It.IsAny<int>()))
            .ReturnsAsync(new TamaraInStoreSettings { ApiToken = "api", PollIntervalSeconds = (int)Interval.TotalSeconds });
        var stores = new Mock<IStoreService>();
        stores.Setup(service => service.GetAllStoresAsync()).ReturnsAsync(new List<Store> { new() { Id = 1, Name = "Riyadh" } });
        return new TamaraHealthService(_rows, _logger.Object, settings.Object, stores.Object, memory ?? _memory, _time);
    }

    private int Logged(string method, string about) => _logger.Invocations.Count(call => call.Method.Name == method && ((string)call.Arguments[0]).Contains(about));

    private int WarningsLogged(string about) => Logged(nameof(ILogger.WarningAsync), about);

    private TamaraStoreHealth Row(int storeId) => _rows.Rows.Single(row => row.StoreId == storeId);

    [Test]
    public void Payments_found_by_the_poller_with_no_webhook_since_mean_webhooks_are_lost_after_a_grace()
    {
        var store = new TamaraStoreHealth { StoreId = 1, PollFoundPaymentOnUtc = Start, LastWebhookOnUtc = Start.AddHours(-3) };
        var shared = new TamaraStoreHealth { LastPollOnUtc = Start.AddMinutes(5) };

        Assert.Multiple(() =>
        {
            Assert.That(TamaraHealthRules.Evaluate(Start.AddMinutes(1), store, shared, Interval, TimeSpan.FromMinutes(1)), Is.EqualTo(TamaraHealthWarningKind.None), "within the grace");
            Assert.That(TamaraHealthRules.Evaluate(Start.AddMinutes(5), store, shared, Interval, TimeSpan.FromMinutes(1)), Is.EqualTo(TamaraHealthWarningKind.WebhooksLost));
            Assert.That(TamaraHealthRules.Evaluate(Start.AddMinutes(61), store, new TamaraStoreHealth { LastPollOnUtc = Start.AddMinutes(61) }, Interval, TimeSpan.FromMinutes(1)),
                Is.EqualTo(TamaraHealthWarningKind.None), "older than an hour");
            store.LastWebhookOnUtc = Start.AddMinutes(3);
            Assert.That(TamaraHealthRules.Evaluate(Start.AddMinutes(5), store, shared, Interval, TimeSpan.FromMinutes(1)), Is.EqualTo(TamaraHealthWarningKind.None), "a webhook came since");
        });
    }

    [Test]
    public void A_poller_silent_for_three_intervals_beyond_the_write_period_is_stalled_and_Tamara_silent_five_minutes_is_unreachable()
    {
        var shared = new TamaraStoreHealth { LastPollOnUtc = Start };
        var store = new TamaraStoreHealth { StoreId = 1, TamaraUnreachableSinceUtc = Start };
        var writePeriod = TimeSpan.FromMinutes(1);

        Assert.Multiple(() =>
        {
            Assert.That(TamaraHealthRules.Evaluate(Start + writePeriod + 3 * Interval, store, shared, Interval, writePeriod), Is.EqualTo(TamaraHealthWarningKind.None));
            Assert.That(TamaraHealthRules.Evaluate(Start + writePeriod + 3 * Interval + TimeSpan.FromSeconds(1), store, shared, Interval, writePeriod),
                Is.EqualTo(TamaraHealthWarningKind.PollerStalled));
            Assert.That(TamaraHealthRules.Evaluate(Start.AddMinutes(5), store, new TamaraStoreHealth { LastPollOnUtc = Start.AddMinutes(5) }, Interval, writePeriod),
                Is.EqualTo(TamaraHealthWarningKind.TamaraUnreachable));
            Assert.That(TamaraHealthRules.Evaluate(Start.AddMinutes(5), store, null, Interval, writePeriod), Is.EqualTo(TamaraHealthWarningKind.TamaraUnreachable),
                "a poller that never ran is not stalled");
        });
    }

    [Test]
    public async Task A_burst_of_webhooks_writes_the_stores_row_once_a_minute_and_keeps_the_latest_time()
    {
        var server = Server();

        for (var i = 0; i < 50; i++)
        {
            await server.WebhookArrivedAsync(1);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.That(_rows.InsertCount + _rows.UpdateCount, Is.EqualTo(1), "one write in the first minute");
        Assert.That(Row(1).LastWebhookOnUtc, Is.EqualTo(Start));
        _time.Advance(TimeSpan.FromSeconds(11));
        await server.WebhookArrivedAsync(1);
        Assert.That(Row(1).LastWebhookOnUtc, Is.EqualTo(Start.AddSeconds(61)));
    }

    [Test]
    public async Task Two_servers_never_move_a_stores_times_backwards()
    {
        var first = Server(new TamaraHealthMemory());
        var second = Server(new TamaraHealthMemory());

        await first.WebhookArrivedAsync(1);
        _time.Advance(TimeSpan.FromSeconds(30));
        await first.WebhookArrivedAsync(1); // kept in the first server's memory until its next write
        await second.PollFoundPaymentAsync(1);

        Assert.That(Row(1).LastWebhookOnUtc, Is.EqualTo(Start));
        Assert.That(Row(1).PollFoundPaymentOnUtc, Is.EqualTo(Start.AddSeconds(30)));
    }

    [Test]
    public async Task A_warning_is_logged_once_while_it_lasts_and_its_end_is_logged_too()
    {
        var server = Server();
        await server.PollRanAsync();
        await server.TamaraReadAsync(1, answered: false);
        _time.Advance(TimeSpan.FromMinutes(6));
        await server.PollRanAsync();

        var views = await server.CheckAsync();
        await server.CheckAsync();
        await Server(new TamaraHealthMemory()).CheckAsync();

        Assert.That(views.Single().Warnings, Is.EqualTo(TamaraHealthWarningKind.TamaraUnreachable));
        Assert.That(WarningsLogged("Tamara has not answered"), Is.EqualTo(1), "once, whichever server checks");

        await server.TamaraReadAsync(1, answered: true);
        _time.Advance(TimeSpan.FromMinutes(1));
        await server.TamaraReadAsync(1, answered: true);
        var after = await server.CheckAsync();

        Assert.That(after.Single().Warnings, Is.EqualTo(TamaraHealthWarningKind.None));
        Assert.That(Logged(nameof(ILogger.InformationAsync), "no longer the case"), Is.EqualTo(1));
    }
}
