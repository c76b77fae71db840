using Nop.Plugin.Payments.TamaraInStore.Services.Sync;
using System.Net;
using Moq;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Sync;

public class TamaraPendingSessionsTaskTests
{
    private SyncHarness _harness;

    [SetUp]
    public void SetUp()
    {
        _harness = new SyncHarness();
        _harness.Settings[1] = new TamaraInStoreSettings { ApiToken = "api-1", PollIntervalSeconds = 10 };
        _harness.Settings[2] = new TamaraInStoreSettings { ApiToken = "api-2", PollIntervalSeconds = 30 };
    }

    private Fakes.ScheduleTaskRequest NewTask() => _harness.NewPollTask();

    [Test]
    public async Task Nothing_pending_means_one_query_and_no_call_to_tamara()
    {
        var (_, paid) = _harness.AddPendingOrder();
        var stored = _harness.Session(paid.Id);
        stored.State = TamaraSessionState.Paid;
        _harness.Sessions.Update(stored);
        var queriesBefore = _harness.Sessions.QueryCount;

        await NewTask().ExecuteAsync();

        Assert.That(_harness.Sessions.QueryCount - queriesBefore, Is.EqualTo(1));
        Assert.That(_harness.WorkerResolutions, Is.Empty, "no worker scope is created");
        _harness.Client.VerifyNoOtherCalls();
        _harness.SettingService.Verify(service => service.LoadSettingAsync<TamaraInStoreSettings>(It.IsAny<int>()), Times.Never);
    }

    [Test]
    public async Task Sessions_not_yet_due_are_left_alone()
    {
        var (_, session) = _harness.AddPendingOrder();
        var stored = _harness.Session(session.Id);
        stored.NextCheckOnUtc = _harness.Now.AddSeconds(5);
        _harness.Sessions.Update(stored);

        await NewTask().ExecuteAsync();

        _harness.Client.VerifyNoOtherCalls();
    }

    [Test]
    public async Task A_session_checked_late_in_the_last_run_is_checked_again_in_this_one()
    {
        var (_, session) = _harness.AddPendingOrder();
        _harness.TamaraSays(session.TamaraOrderId, new TamaraOrder { OrderId = session.TamaraOrderId, Status = TamaraOrderStatus.New });
        var task = NewTask();

        await task.ExecuteAsync();
        // the previous run's check happened two seconds into that run; the task runs again one interval after it started
        _harness.Time.Advance(TimeSpan.FromSeconds(8));
        await task.ExecuteAsync();

        _harness.Client.Verify(client => client.GetOrderAsync(It.IsAny<TamaraInStoreSettings>(), session.TamaraOrderId, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Test]
    public async Task A_backed_off_session_waits_out_its_longer_delay()
    {
        var (_, session) = _harness.AddPendingOrder();
        _harness.TamaraFails(session.TamaraOrderId, SyncHarness.Transient(HttpStatusCode.ServiceUnavailable));
        var task = NewTask();
        await task.ExecuteAsync();
        await _harness.NewService().SyncAsync(session.TamaraOrderId, TamaraSyncTrigger.Poll);
        // now 20 s away: the next run (10 s later) leaves it alone
        _harness.Time.Advance(TimeSpan.FromSeconds(10));

        await task.ExecuteAsync();

        _harness.Client.Verify(client => client.GetOrderAsync(It.IsAny<TamaraInStoreSettings>(), session.TamaraOrderId, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Test]
    public async Task Each_session_is_checked_with_its_own_stores_settings()
    {
        var (_, first) = _harness.AddPendingOrder(storeId: 1);
        var (_, second) = _harness.AddPendingOrder(storeId: 2);
        _harness.TamaraSays(first.TamaraOrderId, SyncHarness.Status(TamaraOrderStatus.New));
        _harness.TamaraSays(second.TamaraOrderId, SyncHarness.Captured());

        await NewTask().ExecuteAsync();

        _harness.Client.Verify(client => client.GetOrderAsync(It.Is<TamaraInStoreSettings>(s => s.ApiToken == "api-1"), first.TamaraOrderId, It.IsAny<CancellationToken>()), Times.Once);
        _harness.Client.Verify(client => client.GetOrderAsync(It.Is<TamaraInStoreSettings>(s => s.ApiToken == "api-2"), second.TamaraOrderId, It.IsAny<CancellationToken>()), Times.Once);
        Assert.That(_harness.Session(first.Id).NextCheckOnUtc, Is.EqualTo(_harness.Now.AddSeconds(10)));
        Assert.That(_harness.Session(second.Id).State, Is.EqualTo(TamaraSessionState.Paid));
    }

    [Test]
    public async Task A_store_without_an_api_token_is_skipped()
    {
        _harness.Settings[2].ApiToken = null;
        var (_, session) = _harness.AddPendingOrder(storeId: 2);

        await NewTask().ExecuteAsync();

        _harness.Client.VerifyNoOtherCalls();
        Assert.That(_harness.Session(session.Id).LastCheckedOnUtc, Is.Null);
    }

    [Test]
    public async Task The_run_stops_starting_checks_when_its_time_budget_is_spent()
    {
        _harness.Settings[1].PollConcurrency = 1;
        var (_, first) = _harness.AddPendingOrder();
        var (_, second) = _harness.AddPendingOrder();
        _harness.Client.Setup(client => client.GetOrderAsync(It.IsAny<TamaraInStoreSettings>(), first.TamaraOrderId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(() =>
            {
                _harness.Time.Advance(TamaraInStoreDefaults.PendingSessionsRunBudget + TimeSpan.FromSeconds(1));
                return SyncHarness.Status(TamaraOrderStatus.New);
            });

        await NewTask().ExecuteAsync();

        _harness.Client.Verify(client => client.GetOrderAsync(It.IsAny<TamaraInStoreSettings>(), second.TamaraOrderId, It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task A_failing_session_does_not_stop_the_others()
    {
        var (_, broken) = _harness.AddPendingOrder(storeId: 1);
        var (_, fine) = _harness.AddPendingOrder(storeId: 1);
        _harness.Client.Setup(client => client.GetOrderAsync(It.IsAny<TamaraInStoreSettings>(), broken.TamaraOrderId, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("unexpected"));
        _harness.TamaraSays(fine.TamaraOrderId, SyncHarness.Captured());

        Assert.DoesNotThrowAsync(() => NewTask().ExecuteAsync());

        Assert.That(_harness.Session(fine.Id).State, Is.EqualTo(TamaraSessionState.Paid));
    }
}
