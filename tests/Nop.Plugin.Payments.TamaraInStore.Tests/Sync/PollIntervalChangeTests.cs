using System.Runtime.CompilerServices;
using Moq;
using Nop.Core.Domain.Cms;
using Nop.Core.Domain.Payments;
using Nop.Core.Domain.ScheduleTasks;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Models;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Checkout;
using Nop.Plugin.Payments.TamaraInStore.Services.Refunds;
using Nop.Plugin.Payments.TamaraInStore.Tests.Configuration;
using Nop.Plugin.Payments.TamaraInStore.Tests.Fakes;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.ScheduleTasks;
using Nop.Web.Framework.Mvc.Routing;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Sync;

/// <summary>
/// The poll interval is changed on the configuration page while nopCommerce runs; its task scheduler built the poll task's
/// timer at start-up and keeps it until the next restart
/// </summary>
public class PollIntervalChangeTests
{
    private SyncHarness _harness;

    [SetUp]
    public void SetUp()
    {
        _harness = new SyncHarness();
    }

    /// <summary>The plugin, with the schedule-task table given; it never touches the payment services here</summary>
    private static TamaraInStorePaymentMethod Plugin(Mock<IScheduleTaskService> tasks)
    {
        var languages = new Mock<ILanguageService>();
        languages.Setup(service => service.GetAllLanguagesAsync(It.IsAny<bool>(), It.IsAny<int>())).ReturnsAsync(new List<Nop.Core.Domain.Localization.Language>());

        // like the host's, it never answers null
        var settings = new Mock<ISettingService>();
        settings.Setup(service => service.LoadSettingAsync<TamaraInStoreSettings>(It.IsAny<int>())).ReturnsAsync(new TamaraInStoreSettings());

        return new TamaraInStorePaymentMethod(languages.Object, Mock.Of<ILocalizationService>(), Mock.Of<INopUrlHelper>(),
            tasks.Object, settings.Object,
            (TamaraCheckoutService)RuntimeHelpers.GetUninitializedObject(typeof(TamaraCheckoutService)),
            (TamaraRefundService)RuntimeHelpers.GetUninitializedObject(typeof(TamaraRefundService)),
            new WidgetSettings(), new PaymentSettings(),
            (TamaraUninstallService)RuntimeHelpers.GetUninitializedObject(typeof(TamaraUninstallService)),
            Mock.Of<Nop.Services.Security.IPermissionService>(), Mock.Of<Nop.Services.Customers.ICustomerService>());
    }

    /// <summary>The polling task's ScheduleTask row the plugin's install inserts</summary>
    private static async Task<ScheduleTask> InstallAsync()
    {
        var inserted = new List<ScheduleTask>();
        var tasks = new Mock<IScheduleTaskService>();
        tasks.Setup(service => service.InsertTaskAsync(It.IsAny<ScheduleTask>())).Callback((ScheduleTask task) => inserted.Add(task)).Returns(Task.CompletedTask);

        await Plugin(tasks).InstallAsync();
        return inserted.Single(task => task.Type == TamaraInStoreDefaults.ScheduleTask.Type);
    }

    private HostTaskScheduler StartHost(ScheduleTask row) =>
        new(_harness.Time, row, _harness.NewPollTask);

    /// <summary>Saves the interval for all stores on the configuration page</summary>
    private async Task SaveIntervalAsync(int seconds)
    {
        var model = ConfigurationModelMapper.ToModel(_harness.Settings[0]);
        model.CountryCode = "SA";
        model.PollIntervalSeconds = seconds;
        await ConfigurationTests.Controller(_harness.SettingService).Configure(model);
    }

    private TamaraSession PendingSession(int storeId = 1)
    {
        var (_, session) = _harness.AddPendingOrder(storeId: storeId);
        _harness.TamaraSays(session.TamaraOrderId, SyncHarness.Status(TamaraOrderStatus.New));
        return session;
    }

    private int Checks(TamaraSession session) => _harness.Client.Invocations
        .Count(call => call.Method.Name == nameof(Services.Api.ITamaraClient.GetOrderAsync) && (string)call.Arguments[1] == session.TamaraOrderId);

    [Test]
    public async Task A_shorter_interval_applies_without_restarting_nopCommerce()
    {
        var host = StartHost(await InstallAsync());
        var session = PendingSession();

        await SaveIntervalAsync(5);
        await host.RunForAsync(TimeSpan.FromSeconds(60));

        Assert.That(Checks(session), Is.InRange(11, 13), "one check every 5 s");
    }

    [Test]
    public async Task A_longer_interval_applies_without_restarting_nopCommerce()
    {
        var host = StartHost(await InstallAsync());
        var session = PendingSession();

        await SaveIntervalAsync(30);
        await host.RunForAsync(TimeSpan.FromSeconds(120));

        Assert.That(Checks(session), Is.InRange(4, 5), "one check every 30 s");
    }

    [Test]
    public async Task One_task_keeps_each_stores_own_interval()
    {
        _harness.Settings[1] = new TamaraInStoreSettings { ApiToken = "api-1", PollIntervalSeconds = 5 };
        _harness.Settings[2] = new TamaraInStoreSettings { ApiToken = "api-2", PollIntervalSeconds = 30 };
        var host = StartHost(await InstallAsync());
        var fast = PendingSession(storeId: 1);
        var slow = PendingSession(storeId: 2);

        await host.RunForAsync(TimeSpan.FromSeconds(60));

        Assert.That(Checks(fast), Is.InRange(11, 13));
        Assert.That(Checks(slow), Is.InRange(2, 3));
    }

    [Test]
    public async Task An_update_resets_the_period_an_earlier_version_set()
    {
        var row = new ScheduleTask { Type = TamaraInStoreDefaults.ScheduleTask.Type, Seconds = 30, Enabled = true };
        var tasks = new Mock<IScheduleTaskService>();
        tasks.Setup(service => service.GetTaskByTypeAsync(row.Type)).ReturnsAsync(row);

        await Plugin(tasks).UpdateAsync("1.00", "1.01");

        Assert.That(row.Seconds, Is.EqualTo(TamaraInStoreDefaults.MinPollIntervalSeconds));
        tasks.Verify(service => service.UpdateTaskAsync(row), Times.Once);
    }
}
