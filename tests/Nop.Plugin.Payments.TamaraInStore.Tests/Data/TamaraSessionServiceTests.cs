using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Tests.Fakes;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Data;

public class TamaraSessionServiceTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc);

    private InMemoryRepository<TamaraSession> _sessions;
    private TamaraSessionService _service;

    [SetUp]
    public void SetUp()
    {
        _sessions = new InMemoryRepository<TamaraSession>();
        _service = new TamaraSessionService(new InMemoryRepository<TamaraRefund>(), _sessions);
    }

    private async Task<TamaraSession> AddAsync(TamaraSessionState state, DateTime? nextCheck, string tamaraOrderId = "t-1", int orderId = 0)
    {
        var session = new TamaraSession { State = state, NextCheckOnUtc = nextCheck, TamaraOrderId = tamaraOrderId, OrderId = orderId, OrderGuid = Guid.NewGuid() };
        await _service.InsertSessionAsync(session);
        return session;
    }

    [Test]
    public async Task Due_sessions_are_the_pending_ones_whose_check_time_has_come()
    {
        var never = await AddAsync(TamaraSessionState.Pending, null, "a");
        var due = await AddAsync(TamaraSessionState.Pending, Now.AddSeconds(-1), "b");
        var exactlyNow = await AddAsync(TamaraSessionState.Pending, Now, "c");
        await AddAsync(TamaraSessionState.Pending, Now.AddSeconds(5), "later");
        await AddAsync(TamaraSessionState.Paid, null, "paid");
        await AddAsync(TamaraSessionState.Expired, null, "expired");
        await AddAsync(TamaraSessionState.Pending, null, null);

        var result = await _service.GetDueSessionsAsync(Now, 100);

        Assert.That(result.Select(session => session.Id), Is.EquivalentTo(new[] { never.Id, due.Id, exactlyNow.Id }));
    }

    [Test]
    public async Task Due_sessions_are_read_in_one_query_and_capped()
    {
        for (var i = 0; i < 10; i++)
            await AddAsync(TamaraSessionState.Pending, null, $"t-{i}");
        var queriesBefore = _sessions.QueryCount;

        var result = await _service.GetDueSessionsAsync(Now, 4);

        Assert.That(result, Has.Count.EqualTo(4));
        Assert.That(_sessions.QueryCount - queriesBefore, Is.EqualTo(1));
    }

    [Test]
    public async Task The_latest_session_of_a_checkout_or_an_order_wins()
    {
        var first = await AddAsync(TamaraSessionState.Canceled, null, "old", orderId: 5);
        var second = await AddAsync(TamaraSessionState.Pending, null, "new", orderId: 5);
        second.OrderGuid = first.OrderGuid;
        await _service.UpdateSessionAsync(second);

        Assert.That((await _service.GetLatestSessionByOrderGuidAsync(first.OrderGuid)).Id, Is.EqualTo(second.Id));
        Assert.That((await _service.GetLatestSessionByOrderIdAsync(5)).TamaraOrderId, Is.EqualTo("new"));
        Assert.That(await _service.GetSessionsByOrderIdAsync(5), Has.Count.EqualTo(2));
        Assert.That((await _service.GetSessionByTamaraOrderIdAsync("old")).Id, Is.EqualTo(first.Id));
        Assert.That(await _service.GetSessionByTamaraOrderIdAsync(null), Is.Null);
        Assert.That(await _service.GetLatestSessionByOrderIdAsync(0), Is.Null);
    }

    [Test]
    public async Task A_change_is_seen_only_once_it_is_saved()
    {
        var session = await AddAsync(TamaraSessionState.Pending, null);

        session.State = TamaraSessionState.Paid;
        Assert.That((await _service.GetSessionByIdAsync(session.Id)).State, Is.EqualTo(TamaraSessionState.Pending));

        await _service.UpdateSessionAsync(session);
        Assert.That((await _service.GetSessionByIdAsync(session.Id)).State, Is.EqualTo(TamaraSessionState.Paid));
    }

    [Test]
    public async Task Exactly_one_session_of_many_gets_the_right_to_mark_the_order_paid()
    {
        var claims = new InMemoryRepository<TamaraPaymentClaim> { UniqueKey = claim => claim.OrderId };
        var service = new TamaraSessionService(new InMemoryRepository<TamaraRefund>(), _sessions, claims);
        var now = new DateTime(2026, 12, 8, 9, 0, 0, DateTimeKind.Utc);

        var granted = await Task.WhenAll(Enumerable.Range(1, 40).Select(sessionId => Task.Run(() => service.TryClaimPaymentAsync(7, sessionId, now))));

        Assert.That(granted.Count(claimed => claimed), Is.EqualTo(1));
        var winner = (await service.GetPaymentClaimAsync(7)).SessionId;
        Assert.That(await service.TryClaimPaymentAsync(7, winner, now), Is.False, "not even the same session twice");

        await service.ReleasePaymentClaimAsync(7, winner);
        Assert.That(await service.TryClaimPaymentAsync(7, 41, now), Is.True, "given back after a failure, it can be taken again");
    }

    [Test]
    public async Task Each_order_has_its_own_claim()
    {
        var service = new TamaraSessionService(new InMemoryRepository<TamaraRefund>(), _sessions,
            new InMemoryRepository<TamaraPaymentClaim> { UniqueKey = claim => claim.OrderId });
        var now = new DateTime(2026, 12, 8, 9, 0, 0, DateTimeKind.Utc);

        Assert.That(await service.TryClaimPaymentAsync(1, 10, now), Is.True);
        Assert.That(await service.TryClaimPaymentAsync(2, 11, now), Is.True);
    }

    [Test]
    public async Task Exactly_one_click_per_page_state_gets_the_right_to_refund()
    {
        var claims = new InMemoryRepository<TamaraRefundClaim> { UniqueKey = claim => (claim.SessionId, claim.Basis) };
        var service = new TamaraSessionService(new InMemoryRepository<TamaraRefund>(), _sessions, refundClaimRepository: claims);
        var now = new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

        var granted = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => service.TryClaimRefundAsync(5, 0, now))));

        Assert.That(granted.Count(claimed => claimed), Is.EqualTo(1));
        Assert.That(await service.TryClaimRefundAsync(5, 12, now), Is.True, "a page opened after a refund has a basis of its own");
        Assert.That(await service.TryClaimRefundAsync(6, 0, now), Is.True, "each session has its own");

        await service.ReleaseRefundClaimAsync(5, 0);
        Assert.That(await service.TryClaimRefundAsync(5, 0, now), Is.True, "given back when nothing reached Tamara, it can be taken again");
    }

    [Test]
    public void A_refund_claim_that_fails_for_another_reason_than_a_duplicate_is_not_taken_for_one()
    {
        var claims = new InMemoryRepository<TamaraRefundClaim> { BeforeNextInsert = () => throw new TimeoutException("database unreachable") };
        var service = new TamaraSessionService(new InMemoryRepository<TamaraRefund>(), _sessions, refundClaimRepository: claims);

        Assert.ThrowsAsync<TimeoutException>(() => service.TryClaimRefundAsync(5, 0, DateTime.UtcNow));
    }
}
