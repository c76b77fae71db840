using System.Net;
using Moq;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Sync;

public class TamaraSyncErrorTests
{
    private SyncHarness _harness;

    [SetUp]
    public void SetUp() => _harness = new SyncHarness();

    [Test]
    public async Task Transient_failures_back_off_exponentially_up_to_two_minutes()
    {
        var (_, session) = _harness.AddPendingOrder();
        _harness.TamaraFails(session.TamaraOrderId, SyncHarness.Transient(HttpStatusCode.BadGateway));
        var service = _harness.NewService();
        var waits = new List<TimeSpan>();

        for (var i = 0; i < 6; i++)
        {
            var result = await service.SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);
            Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.TamaraUnavailable));
            var saved = _harness.Session(session.Id);
            waits.Add(saved.NextCheckOnUtc!.Value - _harness.Now);
            Assert.That(saved.LastError, Does.Contain("502"));
            _harness.Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.That(waits.Select(wait => wait.TotalSeconds), Is.EqualTo(new double[] { 10, 20, 40, 80, 120, 120 }));
        _harness.Logger.Verify(logger => logger.WarningAsync(It.IsAny<string>(), null, null), Times.Once, "the same error is logged once");
    }

    [Test]
    public async Task While_tamara_cannot_be_reached_the_session_is_asked_again_every_interval()
    {
        var (_, session) = _harness.AddPendingOrder();
        _harness.TamaraFails(session.TamaraOrderId, new TamaraApiException("Connection refused (127.0.0.1:5077)", null,
            "GET /merchants/orders/x", isTransient: true, kind: TamaraErrorKind.Network));
        var service = _harness.NewService();
        var waits = new List<TimeSpan>();

        // a two-minute outage: the poll run stops at its first unreachable call, so this wait does not spare Tamara
        // anything; a grown wait would only find the payments made meanwhile minutes after Tamara is back
        for (var i = 0; i < 6; i++)
        {
            var result = await service.SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);
            Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.TamaraUnavailable));
            waits.Add(_harness.Session(session.Id).NextCheckOnUtc!.Value - _harness.Now);
            _harness.Time.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.That(waits.Select(wait => wait.TotalSeconds), Is.All.EqualTo(10));
    }

    [Test]
    public async Task Failing_webhook_reads_do_not_push_the_poller_away()
    {
        var (_, session) = _harness.AddPendingOrder();
        _harness.TamaraFails(session.TamaraOrderId, SyncHarness.Transient(HttpStatusCode.BadGateway));
        var service = _harness.NewService();

        // one payment brings three notifications within a second
        for (var i = 0; i < 3; i++)
            await service.SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Webhook);

        Assert.That(_harness.Session(session.Id).NextCheckOnUtc, Is.EqualTo(_harness.Now.AddSeconds(10)));
    }

    [Test]
    public async Task Retry_after_is_honoured()
    {
        var (_, session) = _harness.AddPendingOrder();
        _harness.TamaraFails(session.TamaraOrderId, SyncHarness.Transient(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(90)));

        var result = await _harness.NewService().SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);

        Assert.That(result.IsRateLimited, Is.True);
        Assert.That(result.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(90)));
        Assert.That(_harness.Session(session.Id).NextCheckOnUtc, Is.EqualTo(_harness.Now.AddSeconds(90)));
    }

    [Test]
    public async Task After_a_successful_read_the_backoff_starts_over()
    {
        var (_, session) = _harness.AddPendingOrder();
        var service = _harness.NewService();
        _harness.TamaraFails(session.TamaraOrderId, SyncHarness.Transient(HttpStatusCode.ServiceUnavailable));
        await service.SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);
        await service.SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);

        _harness.Client.Reset();
        _harness.Client.Setup(client => client.GetOrderAsync(It.IsAny<TamaraInStoreSettings>(), session.TamaraOrderId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(SyncHarness.Status("new"));
        await service.SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);

        var saved = _harness.Session(session.Id);
        Assert.That(saved.LastError, Is.Null);
        Assert.That(saved.NextCheckOnUtc, Is.EqualTo(_harness.Now.AddSeconds(10)));
    }

    [Test]
    public async Task Not_found_is_noted_once_and_recorded()
    {
        var (order, session) = _harness.AddPendingOrder();
        var service = _harness.NewService();

        var first = await service.SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);
        await service.SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);

        Assert.That(first.Outcome, Is.EqualTo(TamaraSyncOutcome.Failed));
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(_harness.Session(session.Id).LastError, Does.StartWith("404"));
        Assert.That(_harness.Orders.NotesOf(order.Id).Count(note => note.Note.Contains("404")), Is.EqualTo(1));
    }

    [Test]
    public async Task An_unexpected_failure_is_logged_not_thrown()
    {
        var (_, session) = _harness.AddPendingOrder();
        _harness.Client.Setup(client => client.GetOrderAsync(It.IsAny<TamaraInStoreSettings>(), session.TamaraOrderId, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("boom"));

        var result = await _harness.NewService().SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);

        Assert.That(result.Outcome, Is.EqualTo(TamaraSyncOutcome.Failed));
        Assert.That(_harness.Session(session.Id).LastError, Is.EqualTo("boom"));
        _harness.Logger.Verify(logger => logger.ErrorAsync(It.IsAny<string>(), It.IsAny<Exception>(), null), Times.Once);
    }

    [TestCase(null, 10, null, ExpectedResult = 10)]
    [TestCase(10, 10, null, ExpectedResult = 20)]
    [TestCase(100, 10, null, ExpectedResult = 120)]
    [TestCase(10, 10, 60, ExpectedResult = 60)]
    [TestCase(10, 10, 3600, ExpectedResult = 900)]
    public double BackoffRules(int? previousSeconds, int baseSeconds, int? retryAfterSeconds) =>
        TamaraSyncBackoff.NextDelay(previousSeconds.HasValue ? TimeSpan.FromSeconds(previousSeconds.Value) : null,
            TimeSpan.FromSeconds(baseSeconds),
            retryAfterSeconds.HasValue ? TimeSpan.FromSeconds(retryAfterSeconds.Value) : null).TotalSeconds;
}
