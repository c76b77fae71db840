using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Stores;
using Nop.Core.Domain.Vendors;
using Nop.Plugin.Payments.TamaraInStore.Controllers;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Factories;
using Nop.Plugin.Payments.TamaraInStore.Models.Operations;
using Nop.Plugin.Payments.TamaraInStore.Services.Operations;
using Nop.Plugin.Payments.TamaraInStore.Services.Reconciliation;
using Nop.Plugin.Payments.TamaraInStore.Tests.Fakes;
using Nop.Services.Helpers;
using Nop.Services.Localization;
using Nop.Services.Stores;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Operations;

/// <summary>What the page shows: the last reconciliation (or that it never ran), a page of the grid, the export; and "Reconcile now"</summary>
public class OperationsPageTests
{
    private static readonly DateTime Now = new(2025, 3, 5, 12, 0, 0, DateTimeKind.Utc);

    private InMemoryRepository<TamaraSession> _sessions;
    private InMemoryRepository<Order> _orders;
    private Mock<ITamaraReconciliationService> _reconciliation;
    private Mock<IWorkContext> _workContext;

    [SetUp]
    public void SetUp()
    {
        _sessions = new InMemoryRepository<TamaraSession>();
        _orders = new InMemoryRepository<Order>();
        _reconciliation = new Mock<ITamaraReconciliationService>();
        _workContext = new Mock<IWorkContext>();
    }

    private TamaraOperationsModelFactory NewFactory()
    {
        var english = Localization.TamaraInStoreLocaleResources.English();
        english["Plugins.Payments.TamaraInStore.Reconciliation.Verdict.CapturedButNotPaid"] = "Tamara captured, the order is not paid";
        english["Plugins.Payments.TamaraInStore.Reconciliation.Action.CapturedButNotPaid"] = "Marked as paid through the order sync";
        var localization = new Mock<ILocalizationService>();
        localization.Setup(service => service.GetResourceAsync(It.IsAny<string>())).ReturnsAsync((string key) => english.TryGetValue(key, out var text) ? text : key);

        var dates = new Mock<IDateTimeHelper>();
        dates.Setup(helper => helper.GetCurrentTimeZoneAsync()).ReturnsAsync(TimeZoneInfo.Utc);
        dates.Setup(helper => helper.ConvertToUserTimeAsync(It.IsAny<DateTime>(), It.IsAny<DateTimeKind>())).ReturnsAsync((DateTime value, DateTimeKind _) => value);
        dates.Setup(helper => helper.ConvertToUtcTime(It.IsAny<DateTime>(), It.IsAny<TimeZoneInfo>())).Returns((DateTime value, TimeZoneInfo _) => value);

        var stores = new Mock<IStoreService>();
        stores.Setup(service => service.GetAllStoresAsync()).ReturnsAsync(new List<Store> { new() { Id = 1, Name = "الرياض" }, new() { Id = 2, Name = "Jeddah" } });

        return new TamaraOperationsModelFactory(dates.Object, localization.Object, stores.Object, _reconciliation.Object,
            new TamaraOperationsFigures(new InMemoryRepository<TamaraRefund>(), _sessions), new TamaraOperationsQuery(_orders, _sessions),
            Sync.TamaraInStoreOrderControllerTests.NewPolicy(_workContext.Object), new FakeTimeProvider(new DateTimeOffset(Now)));
    }

    private TamaraSession AddSession(int storeId, TamaraSessionState state, string phone = "+966501234567", string lastError = null)
    {
        var order = new Order { StoreId = storeId, CustomOrderNumber = "A-" + (_orders.Rows.Count + 1) };
        _orders.Insert(order);
        var session = new TamaraSession
        {
            OrderId = order.Id, StoreId = storeId, TamaraOrderId = "tamara-" + order.Id, State = state, Amount = 1234.5m, CurrencyCode = "SAR",
            CapturedAmount = state == TamaraSessionState.Paid ? 1234.5m : 0m, PhoneNumber = phone, CreatedOnUtc = Now.AddMinutes(-10),
            ExpiresOnUtc = Now.AddMinutes(5), PaidOnUtc = state == TamaraSessionState.Paid ? Now.AddMinutes(-6) : null, LastError = lastError
        };
        _sessions.Insert(session);
        return session;
    }

    [Test]
    public async Task The_page_has_no_reconciliation_when_it_never_ran()
    {
        _reconciliation.Setup(service => service.GetLastReportAsync()).ReturnsAsync((TamaraReconciliationReport)null);

        var model = await NewFactory().PrepareSearchModelAsync(new OperationsSearchModel());

        Assert.That(model.LastReconciliation, Is.Null);
        Assert.That(model.Findings, Is.Empty);
    }

    [Test]
    public async Task The_last_runs_findings_carry_the_verdict_and_action_texts()
    {
        _reconciliation.Setup(service => service.GetLastReportAsync()).ReturnsAsync(new TamaraReconciliationReport
        {
            Completed = true,
            SessionsCompared = 214,
            Findings =
            [
                new TamaraReconciliationFinding
                {
                    OrderId = 7, CustomOrderNumber = "A-7", TamaraOrderId = "tamara-7", Verdict = TamaraReconciliationVerdict.CapturedButNotPaid,
                    Detail = "Tamara: fully_captured, SAR 500.00 captured; order: Pending", Fixed = true
                }
            ]
        });

        var model = await NewFactory().PrepareSearchModelAsync(new OperationsSearchModel());

        Assert.That(model.Findings.Single(), Is.EqualTo(new ReconciliationFindingModel
        {
            OrderId = 7, OrderNumber = "A-7", TamaraOrderId = "tamara-7", Verdict = "Tamara captured, the order is not paid",
            Detail = "Tamara: fully_captured, SAR 500.00 captured; order: Pending", Action = "Marked as paid through the order sync", Fixed = true
        }));
    }

    [Test]
    public async Task The_page_counts_the_sessions_needing_attention_and_shows_todays_figures()
    {
        AddSession(1, TamaraSessionState.NeedsAttention);
        AddSession(1, TamaraSessionState.Paid);
        AddSession(2, TamaraSessionState.Pending);

        var model = await NewFactory().PrepareSearchModelAsync(new OperationsSearchModel());

        Assert.That(model.NeedsAttentionCount, Is.EqualTo(1));
        Assert.That(model.Today.Select(store => (store.StoreName, store.LinksSent, store.Paid, store.Conversion, store.MedianTimeToPay)),
            Is.EqualTo(new[] { ("الرياض", 2, 1, "50%", "4 min 0 s"), ("Jeddah", 1, 0, "0%", "-") }));
        Assert.That(model.AvailableStates.Select(item => item.Value).ToList(), Is.EqualTo(new[] { "0", "10", "20", "25", "28", "30", "40", "50", "60" }), "All and every state");
    }

    [Test]
    public async Task A_grid_row_shows_the_masked_phone_and_the_time_left()
    {
        AddSession(2, TamaraSessionState.Pending, phone: "+966501234567");

        var list = await NewFactory().PrepareListModelAsync(new OperationsSearchModel { Start = 0, Length = 10, Draw = "3" });

        var row = list.Data.Single();
        Assert.That(row.Phone, Does.Not.Contain("501234567"));
        Assert.That(row.Phone, Does.EndWith("67"));
        Assert.That(row.Amount, Is.EqualTo("1,234.50 SAR"));
        Assert.That(row.StoreName, Is.EqualTo("Jeddah"));
        Assert.That(row.State, Is.EqualTo("Pending"));
        Assert.That(row.TimeLeftOrPaid, Does.Contain("5"));
        Assert.That((list.Draw, list.RecordsTotal, list.RecordsFiltered), Is.EqualTo(("3", 1, 1)));
    }

    [TestCase("en-US")]
    [TestCase("ar-SA")]
    public async Task A_paid_row_shows_when_it_was_paid_in_the_gregorian_calendar(string culture)
    {
        AddSession(1, TamaraSessionState.Paid);
        var before = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(culture);

            var list = await NewFactory().PrepareListModelAsync(new OperationsSearchModel { Start = 0, Length = 10 });

            Assert.That(list.Data.Single().TimeLeftOrPaid, Is.EqualTo("2025-03-05 11:54"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }
    }

    [Test]
    public async Task The_grid_asks_for_the_page_data_tables_asks_for()
    {
        for (var i = 0; i < 25; i++)
            AddSession(1, TamaraSessionState.Pending);

        var list = await NewFactory().PrepareListModelAsync(new OperationsSearchModel { Start = 20, Length = 10 });

        Assert.That(list.Data.Count(), Is.EqualTo(5));
        Assert.That(list.RecordsTotal, Is.EqualTo(25));
    }

    [Test]
    public async Task The_export_holds_every_matching_row_masked_and_neutralised()
    {
        AddSession(1, TamaraSessionState.Paid, phone: "+966501234567", lastError: "=cmd|' /C calc'!A0");
        for (var i = 0; i < 30; i++)
            AddSession(2, TamaraSessionState.Pending);

        var csv = await NewFactory().PrepareCsvAsync(new OperationsSearchModel { StoreId = 1, Length = 10 });

        var lines = Encoding.UTF8.GetString(csv, 3, csv.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(2));
        Assert.That(lines[0], Does.StartWith("Order #,Store,"));
        Assert.That(lines[1], Does.StartWith("A-1,الرياض,2025-03-05 11:50:00,"));
        Assert.That(lines[1], Does.Contain(",1234.5,SAR,tamara-1,"));
        Assert.That(lines[1], Does.Not.Contain("501234567"));
        Assert.That(lines[1], Does.EndWith(",'=cmd|' /C calc'!A0"));

        var all = await NewFactory().PrepareCsvAsync(new OperationsSearchModel { Length = 10 });
        Assert.That(Encoding.UTF8.GetString(all).Split("\r\n", StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(32), "every page, not the first");
    }

    private TamaraInStoreOperationsController NewController() =>
        new(_reconciliation.Object, NewFactory(), null, Sync.TamaraInStoreOrderControllerTests.NewPolicy(_workContext.Object), TimeProvider.System)
        {
            ControllerContext = new ControllerContext { HttpContext = new DefaultHttpContext() }
        };

    [Test]
    public async Task Reconcile_now_runs_reconciliation_and_shows_the_page_again()
    {
        _reconciliation.Setup(service => service.RunAsync(It.IsAny<CancellationToken>())).ReturnsAsync(new TamaraReconciliationReport());

        var result = await NewController().Reconcile();

        _reconciliation.Verify(service => service.RunAsync(It.IsAny<CancellationToken>()), Times.Once);
        Assert.That(((RedirectToActionResult)result).ActionName, Is.EqualTo("List"));
    }

    [Test]
    public async Task Vendors_are_refused_the_page_the_export_and_reconciliation()
    {
        _workContext.Setup(context => context.GetCurrentVendorAsync()).ReturnsAsync(new Vendor { Id = 2 });
        var controller = NewController();

        Assert.That(await controller.List(), Is.InstanceOf<ForbidResult>());
        Assert.That(await controller.SessionList(new OperationsSearchModel()), Is.InstanceOf<ForbidResult>());
        Assert.That(await controller.ExportCsv(new OperationsSearchModel()), Is.InstanceOf<ForbidResult>());
        Assert.That(await controller.Reconcile(), Is.InstanceOf<ForbidResult>());
        _reconciliation.Verify(service => service.RunAsync(It.IsAny<CancellationToken>()), Times.Never);
    }
}
