using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Operations;
using Nop.Plugin.Payments.TamaraInStore.Tests.Fakes;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Operations;

/// <summary>Links sent, paid, conversion, median time to pay and refunds per store, and where today and this week begin</summary>
public class OperationsFiguresTests
{
    private static readonly DateTime Monday = new(2025, 3, 3, 0, 0, 0, DateTimeKind.Utc);
    private static readonly TamaraFiguresPeriod Week = new(Monday, Monday.AddDays(7));

    private InMemoryRepository<TamaraSession> _sessions;
    private InMemoryRepository<TamaraRefund> _refunds;
    private TamaraOperationsFigures _figures;

    [SetUp]
    public void SetUp()
    {
        _sessions = new InMemoryRepository<TamaraSession>();
        _refunds = new InMemoryRepository<TamaraRefund>();
        _figures = new TamaraOperationsFigures(_refunds, _sessions);
    }

    private TamaraSession Link(int storeId, DateTime createdOnUtc, TimeSpan? paidAfter = null)
    {
        var session = new TamaraSession
        {
            StoreId = storeId,
            TamaraOrderId = "tamara-" + Guid.NewGuid().ToString("N")[..8],
            State = paidAfter.HasValue ? TamaraSessionState.Paid : TamaraSessionState.Pending,
            CreatedOnUtc = createdOnUtc,
            PaidOnUtc = createdOnUtc + paidAfter
        };
        _sessions.Insert(session);
        return session;
    }

    private void Refund(TamaraSession session, decimal amount, string currency, DateTime createdOnUtc, TamaraRefundState state = TamaraRefundState.Succeeded) =>
        _refunds.Insert(new TamaraRefund { SessionId = session.Id, Amount = amount, CurrencyCode = currency, CreatedOnUtc = createdOnUtc, State = state });

    private async Task<TamaraStoreFigures> StoreAsync(int storeId, TamaraFiguresPeriod period = null) =>
        (await _figures.GetFiguresAsync(period ?? Week)).SingleOrDefault(figures => figures.StoreId == storeId);

    [Test]
    public async Task An_odd_number_of_payments_has_the_middle_one_as_median()
    {
        Link(1, Monday.AddHours(1), TimeSpan.FromMinutes(2));
        Link(1, Monday.AddHours(2), TimeSpan.FromMinutes(9));
        Link(1, Monday.AddHours(3), TimeSpan.FromMinutes(4));
        Link(1, Monday.AddHours(4));

        var figures = await StoreAsync(1);

        Assert.That(figures.LinksSent, Is.EqualTo(4));
        Assert.That(figures.Paid, Is.EqualTo(3));
        Assert.That(figures.Conversion, Is.EqualTo(0.75m));
        Assert.That(figures.MedianTimeToPay, Is.EqualTo(TimeSpan.FromMinutes(4)));
    }

    [Test]
    public async Task An_even_number_of_payments_has_the_mean_of_the_middle_two_as_median()
    {
        Link(1, Monday.AddHours(1), TimeSpan.FromMinutes(1));
        Link(1, Monday.AddHours(2), TimeSpan.FromMinutes(3));
        Link(1, Monday.AddHours(3), TimeSpan.FromMinutes(6));
        Link(1, Monday.AddHours(4), TimeSpan.FromMinutes(20));

        var figures = await StoreAsync(1);

        Assert.That(figures.Conversion, Is.EqualTo(1m));
        Assert.That(figures.MedianTimeToPay, Is.EqualTo(TimeSpan.FromMinutes(4.5)));
    }

    [Test]
    public async Task None_paid_is_zero_conversion_and_no_median()
    {
        Link(2, Monday.AddHours(1));
        Link(2, Monday.AddHours(2));

        var figures = await StoreAsync(2);

        Assert.That(figures.LinksSent, Is.EqualTo(2));
        Assert.That(figures.Conversion, Is.Zero);
        Assert.That(figures.MedianTimeToPay, Is.Null);
    }

    [Test]
    public async Task A_store_with_refunds_but_no_links_has_no_conversion()
    {
        var lastWeek = Link(3, Monday.AddDays(-2), TimeSpan.FromMinutes(5));
        Refund(lastWeek, 100m, "SAR", Monday.AddHours(5));

        var figures = await StoreAsync(3);

        Assert.That(figures.LinksSent, Is.Zero);
        Assert.That(figures.Conversion, Is.Null);
        Assert.That(figures.MedianTimeToPay, Is.Null);
        Assert.That(figures.Refunds, Is.EqualTo(new[] { new TamaraRefundFigure("SAR", 1, 100m) }));
    }

    [Test]
    public async Task Nothing_in_the_period_is_no_store()
    {
        Link(1, Monday.AddDays(-1), TimeSpan.FromMinutes(5));

        Assert.That(await _figures.GetFiguresAsync(Week), Is.Empty);
    }

    [Test]
    public async Task Refunds_are_counted_per_currency_and_only_when_they_succeeded_within_the_period()
    {
        var sar = Link(1, Monday.AddHours(1), TimeSpan.FromMinutes(5));
        var kwd = Link(1, Monday.AddHours(2), TimeSpan.FromMinutes(5));
        Refund(sar, 100m, "SAR", Monday.AddHours(3));
        Refund(sar, 50.5m, "SAR", Monday.AddHours(4));
        Refund(kwd, 12.125m, "KWD", Monday.AddHours(5));
        Refund(sar, 10m, "SAR", Monday.AddHours(6), TamaraRefundState.Failed);
        Refund(sar, 20m, "SAR", Monday.AddHours(6), TamaraRefundState.Unknown);
        Refund(sar, 30m, "SAR", Monday.AddDays(8));

        var figures = await StoreAsync(1);

        Assert.That(figures.Refunds, Is.EqualTo(new[] { new TamaraRefundFigure("KWD", 1, 12.125m), new TamaraRefundFigure("SAR", 2, 150.5m) }));
    }

    [Test]
    public async Task Stores_are_kept_apart()
    {
        Link(1, Monday.AddHours(1), TimeSpan.FromMinutes(5));
        Link(2, Monday.AddHours(1));
        Link(2, Monday.AddHours(2));

        var figures = await _figures.GetFiguresAsync(Week);

        Assert.That(figures.Select(store => (store.StoreId, store.LinksSent, store.Paid)), Is.EqualTo(new[] { (1, 1, 1), (2, 2, 0) }));
    }

    [Test]
    public void The_week_starts_on_monday_midnight_in_the_admins_time_zone()
    {
        var riyadh = TimeZoneInfo.CreateCustomTimeZone("Riyadh", TimeSpan.FromHours(3), "Riyadh", "Riyadh");

        // Monday 00:30 in Riyadh is Sunday 21:30 UTC: the week began half an hour ago
        var justAfter = TamaraFiguresPeriod.ThisWeek(new DateTime(2025, 3, 2, 21, 30, 0, DateTimeKind.Utc), riyadh);
        // Sunday 23:30 in Riyadh: still the week that began the Monday before
        var justBefore = TamaraFiguresPeriod.ThisWeek(new DateTime(2025, 3, 2, 20, 30, 0, DateTimeKind.Utc), riyadh);

        Assert.That(justAfter.FromUtc, Is.EqualTo(new DateTime(2025, 3, 2, 21, 0, 0)));
        Assert.That(justBefore.FromUtc, Is.EqualTo(new DateTime(2025, 2, 23, 21, 0, 0)));
        Assert.That(justAfter.ToUtc, Is.EqualTo(new DateTime(2025, 3, 2, 21, 30, 0)));
    }

    [Test]
    public void Today_starts_at_midnight_in_the_admins_time_zone()
    {
        var riyadh = TimeZoneInfo.CreateCustomTimeZone("Riyadh", TimeSpan.FromHours(3), "Riyadh", "Riyadh");

        var today = TamaraFiguresPeriod.Today(new DateTime(2025, 3, 5, 1, 0, 0, DateTimeKind.Utc), riyadh);

        Assert.That(today.FromUtc, Is.EqualTo(new DateTime(2025, 3, 4, 21, 0, 0)));
    }

    [Test]
    public async Task A_link_sent_just_before_the_week_began_is_last_weeks_link()
    {
        Link(1, Monday.AddTicks(-1), TimeSpan.FromMinutes(5));
        Link(1, Monday, TimeSpan.FromMinutes(7));

        var figures = await StoreAsync(1);

        Assert.That(figures.LinksSent, Is.EqualTo(1));
        Assert.That(figures.MedianTimeToPay, Is.EqualTo(TimeSpan.FromMinutes(7)));
    }
}
