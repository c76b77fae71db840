using System.Collections.Concurrent;
using System.Net;
using Moq;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;
using Nop.Plugin.Payments.TamaraInStore.Tests.Fakes;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Sync;

/// <summary>The scheduled check's workers: how many at once, their scopes, and the pause Tamara asks for per API token</summary>
public class TamaraPollWorkersTests
{
    private SyncHarness _harness;
    private ConcurrentDictionary<string, int> _calls;
    private int _inFlight;
    private int _mostInFlight;
    private int _holdUntilInFlight;

    [SetUp]
    public void SetUp()
    {
        _harness = new SyncHarness();
        _harness.Settings[1] = new TamaraInStoreSettings { ApiToken = "api-1", PollIntervalSeconds = 10 };
        _harness.Settings[2] = new TamaraInStoreSettings { ApiToken = "api-2", PollIntervalSeconds = 10 };
        _calls = new ConcurrentDictionary<string, int>();
        _inFlight = 0;
        _mostInFlight = 0;
        _holdUntilInFlight = 0;
    }

    /// <summary>Tamara answers "new" for every order after a short real wait, counting reads per order and reads in flight</summary>
    private void TamaraTakesItsTime(Func<string, Task> beforeAnswer = null)
    {
        _harness.Client.Setup(client => client.GetOrderAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(async (TamaraInStoreSettings _, string orderId, CancellationToken _) =>
            {
                _calls.AddOrUpdate(orderId, 1, (_, count) => count + 1);
                var now = Interlocked.Increment(ref _inFlight);
                InterlockedMax(ref _mostInFlight, now);
                try
                {
                    // hold the answer until as many reads as expected are in flight, so too many would show
                    var holdUntil = DateTime.UtcNow.AddMilliseconds(300);
                    do
                        await Task.Delay(5);
                    while (Volatile.Read(ref _inFlight) < _holdUntilInFlight && DateTime.UtcNow < holdUntil);
                    if (beforeAnswer is not null)
                        await beforeAnswer(orderId);
                    return SyncHarness.Status(TamaraOrderStatus.New);
                }
                finally
                {
                    Interlocked.Decrement(ref _inFlight);
                }
            });
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private List<TamaraSession> AddPending(int count, int storeId) =>
        Enumerable.Range(0, count).Select(_ => _harness.AddPendingOrder(storeId: storeId).Session).ToList();

    private int CallsFor(TamaraSession session) => _calls.TryGetValue(session.TamaraOrderId, out var count) ? count : 0;

    [TestCase(3, 1, 3, TestName = "The store's own value bounds the reads in flight")]
    [TestCase(0, 0, 32, TestName = "Without a saved value the default of 32 applies")]
    [TestCase(2, 6, 6, TestName = "One run serves all stores with the highest of their values")]
    public async Task Never_more_reads_in_flight_than_the_concurrency_and_every_session_once_per_run(int storeOne, int storeTwo, int expected)
    {
        _harness.Settings[1].PollConcurrency = storeOne;
        _harness.Settings[2].PollConcurrency = storeTwo;
        var sessions = AddPending(40, storeId: 1).Concat(AddPending(40, storeId: 2)).ToList();
        TamaraTakesItsTime();
        _holdUntilInFlight = expected;

        await _harness.NewPollTask().ExecuteAsync();

        Assert.That(_mostInFlight, Is.EqualTo(expected));
        Assert.That(sessions.Select(CallsFor), Is.All.EqualTo(1), "every due session is read exactly once in the run");
    }

    [Test]
    public async Task Each_worker_has_its_own_scope_and_a_request_of_its_own_as_the_host_would_give_it()
    {
        _harness.Settings[1].PollConcurrency = 3;
        AddPending(12, storeId: 1);
        TamaraTakesItsTime();
        var task = _harness.NewPollTask();

        await task.ExecuteAsync();

        var resolutions = _harness.WorkerResolutions.ToList();
        Assert.That(resolutions, Has.Count.EqualTo(3), "one order-sync service per worker");
        Assert.That(resolutions.Select(resolution => resolution.Scope).Distinct().Count(), Is.EqualTo(3), "each from a scope of its own");
        Assert.That(resolutions.Select(resolution => resolution.Scope), Has.None.SameAs(task.Context.RequestServices), "never the task request's scope");
        foreach (var request in resolutions.Select(resolution => resolution.Request))
        {
            Assert.That(request, Is.Not.Null.And.Not.SameAs(task.Context));
            // WebWorkContext: the schedule-task path means the background-task customer, a started response means no cookie
            Assert.That(request.Request.Path.Value, Is.EqualTo("/scheduletask/runtask"));
            Assert.That(request.Request.Host.Value, Is.EqualTo(ScheduleTaskRequest.StoreHost), "WebStoreContext finds the store by the host");
            Assert.That(request.Response.HasStarted, Is.True);
        }
        // nopCommerce's e-mails make their links with a URL helper from IActionContextAccessor: without an action context every
        // e-mail sent from a worker logged "an error occurred while creating a link" in the real host
        Assert.That(resolutions.Select(resolution => resolution.ActionContext?.HttpContext), Is.EquivalentTo(resolutions.Select(resolution => resolution.Request)),
            "each worker has an action context over its own request");
        Assert.That(resolutions.Select(resolution => resolution.Request.RequestServices), Is.EquivalentTo(resolutions.Select(resolution => resolution.Scope)),
            "what nopCommerce resolves through the request (event consumers) comes from the worker's own scope");
        Assert.That(_harness.HttpContextAccessor.HttpContext, Is.Null, "the workers' requests do not leak into the caller");
    }

    [Test]
    public async Task A_rate_limit_pauses_every_worker_for_that_token_while_another_tokens_sessions_go_on()
    {
        _harness.Settings[1].PollConcurrency = 2;
        _harness.Settings[2].PollConcurrency = 2;
        var throttled = _harness.AddPendingOrder(storeId: 1).Session;
        var inFlightMeanwhile = _harness.AddPendingOrder(storeId: 1).Session;
        var waiting = AddPending(5, storeId: 1);
        var otherToken = AddPending(5, storeId: 2);
        TamaraTakesItsTime(async orderId =>
        {
            // the second read of the token is in flight when the first one is throttled
            if (orderId == inFlightMeanwhile.TamaraOrderId)
                await EndToEndWaitAsync(() => _harness.TokenBackoff.RemainingPause("api-1") > TimeSpan.Zero);
        });
        // the throttled answer comes only once the second read is in flight, however the threads are scheduled
        _harness.Client.Setup(client => client.GetOrderAsync(It.IsAny<TamaraInStoreSettings>(), throttled.TamaraOrderId, It.IsAny<CancellationToken>()))
            .Returns(async () =>
            {
                await EndToEndWaitAsync(() => CallsFor(inFlightMeanwhile) > 0);
                throw SyncHarness.Transient(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(30));
            });

        await _harness.NewPollTask().ExecuteAsync();

        Assert.That(CallsFor(inFlightMeanwhile), Is.EqualTo(1));
        Assert.That(waiting.Select(CallsFor), Is.All.EqualTo(0), "no worker sends with the paused token");
        Assert.That(otherToken.Select(CallsFor), Is.All.EqualTo(1), "the other token's sessions are all checked");
        Assert.That(waiting.Select(session => _harness.Session(session.Id).LastCheckedOnUtc), Is.All.Null, "sessions not checked stay due");
        Assert.That(_harness.Session(throttled.Id).NextCheckOnUtc, Is.EqualTo(_harness.Now.AddSeconds(30)));
    }

    [Test]
    public async Task The_tokens_retry_after_is_honoured_in_the_next_runs_too()
    {
        var throttled = _harness.AddPendingOrder(storeId: 1).Session;
        var waiting = AddPending(3, storeId: 1);
        TamaraTakesItsTime();
        _harness.TamaraFails(throttled.TamaraOrderId, SyncHarness.Transient(HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(25)));
        _harness.Settings[1].PollConcurrency = 1;

        await _harness.NewPollTask().ExecuteAsync();
        _harness.Time.Advance(TimeSpan.FromSeconds(20));
        await _harness.NewPollTask().ExecuteAsync();
        Assert.That(waiting.Select(CallsFor), Is.All.EqualTo(0), "20 s after a Retry-After of 25 s nothing is sent with the token");

        _harness.Time.Advance(TimeSpan.FromSeconds(5));
        await _harness.NewPollTask().ExecuteAsync();
        Assert.That(waiting.Select(CallsFor), Is.All.EqualTo(1), "once it has passed, the sessions left waiting come first");
    }

    [Test]
    public async Task A_short_retry_after_is_waited_out_within_the_run()
    {
        _harness.Settings[1].PollConcurrency = 1;
        var throttled = _harness.AddPendingOrder(storeId: 1).Session;
        var next = _harness.AddPendingOrder(storeId: 1).Session;
        TamaraTakesItsTime();
        _harness.TamaraFails(throttled.TamaraOrderId, SyncHarness.Transient(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(1)));

        var run = _harness.NewPollTask().ExecuteAsync();
        await EndToEndWaitAsync(() => _harness.TokenBackoff.RemainingPause("api-1") > TimeSpan.Zero);
        Assert.That(CallsFor(next), Is.EqualTo(0), "not before the Retry-After");
        for (var step = 0; step < 12 && !run.IsCompleted; step++)
        {
            _harness.Time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(20);
        }
        await run;

        Assert.That(CallsFor(next), Is.EqualTo(1));
    }

    [Test]
    public void Without_retry_after_the_token_pauses_for_the_poll_interval_doubled_after_each_failed_pause()
    {
        var backoff = _harness.TokenBackoff;
        var interval = TimeSpan.FromSeconds(10);

        var first = backoff.PauseAfterFailure("api-1", interval, null);
        var duringThePause = backoff.PauseAfterFailure("api-1", interval, null);
        _harness.Time.Advance(first);
        var second = backoff.PauseAfterFailure("api-1", interval, null);
        _harness.Time.Advance(second);
        backoff.Succeeded("api-1");
        var afterSuccess = backoff.PauseAfterFailure("api-1", interval, null);

        Assert.That((first, duringThePause, second, afterSuccess), Is.EqualTo((interval, interval, interval * 2, interval)));
        Assert.That(backoff.RemainingPause("api-2"), Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void While_tamara_cannot_be_reached_the_token_pauses_one_interval_at_a_time()
    {
        var backoff = _harness.TokenBackoff;
        var interval = TimeSpan.FromSeconds(10);

        var pauses = new List<TimeSpan>();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            var pause = backoff.PauseAfterFailure("api-1", interval, null, unreachable: true);
            pauses.Add(pause);
            _harness.Time.Advance(pause);
        }

        Assert.That(pauses, Is.All.EqualTo(interval), "a payment made during an outage is found one interval after Tamara is back");
    }

    [Test]
    public async Task A_worker_whose_check_throws_goes_on_and_so_do_the_others()
    {
        _harness.Settings[1].PollConcurrency = 4;
        var sessions = AddPending(20, storeId: 1);
        var broken = sessions.Where((_, index) => index % 3 == 0).Select(session => session.TamaraOrderId).ToHashSet();
        TamaraTakesItsTime();
        _harness.LockerForWorkers = new ThrowingLocker(_harness.Locker, broken);

        await _harness.NewPollTask().ExecuteAsync();

        var fine = sessions.Where(session => !broken.Contains(session.TamaraOrderId)).ToList();
        Assert.That(fine.Select(CallsFor), Is.All.EqualTo(1));
        Assert.That(fine.Select(session => _harness.Session(session.Id).LastCheckedOnUtc), Is.All.Not.Null);
        _harness.Logger.Verify(logger => logger.ErrorAsync(It.Is<string>(message => message.StartsWith("Tamara in-store: checking Tamara order")),
            It.IsAny<Exception>(), null), Times.Exactly(broken.Count));
    }

    /// <summary>The order's lock cannot be taken for some orders (the distributed cache is unreachable): outside the sync's own error handling</summary>
    private sealed class ThrowingLocker : Nop.Core.Caching.ILocker
    {
        private readonly Nop.Core.Caching.ILocker _inner;
        private readonly ISet<string> _broken;

        public ThrowingLocker(Nop.Core.Caching.ILocker inner, ISet<string> broken)
        {
            _inner = inner;
            _broken = broken;
        }

        public Task<bool> PerformActionWithLockAsync(string resource, TimeSpan expirationTime, Func<Task> action) =>
            _broken.Any(resource.EndsWith) ? throw new InvalidOperationException("the cache server is unreachable")
                : _inner.PerformActionWithLockAsync(resource, expirationTime, action);

        public Task RunWithHeartbeatAsync(string key, TimeSpan expirationTime, TimeSpan heartbeatInterval, Func<CancellationToken, Task> action,
            CancellationTokenSource cancellationTokenSource = default) =>
            _inner.RunWithHeartbeatAsync(key, expirationTime, heartbeatInterval, action, cancellationTokenSource);

        public Task CancelTaskAsync(string key, TimeSpan expirationTime) => _inner.CancelTaskAsync(key, expirationTime);

        public Task<bool> IsTaskRunningAsync(string key) => _inner.IsTaskRunningAsync(key);
    }

    private static async Task EndToEndWaitAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline)
            await Task.Delay(5);
        Assert.That(condition(), Is.True, "timed out");
    }
}
