using Moq;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Factories;
using Nop.Plugin.Payments.TamaraInStore.Services.Operations;
using Nop.Plugin.Payments.TamaraInStore.Tests.Fakes;
using Nop.Plugin.Payments.TamaraInStore.Tests.Sync;
using Nop.Services.Helpers;
using Nop.Services.Security;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Disputes;

/// <summary>Disputes on the order card and the operations page</summary>
public class DisputeDisplayTests
{
    private SyncHarness _harness;

    [SetUp]
    public void SetUp() => _harness = new SyncHarness();

    private TamaraDispute AddDispute(TamaraSession session, string disputeId, string status, DateTime? respondBy) =>
        AddDispute(_harness.Disputes, session, disputeId, status, respondBy);

    private static TamaraDispute AddDispute(InMemoryRepository<TamaraDispute> disputes, TamaraSession session, string disputeId, string status, DateTime? respondBy)
    {
        var dispute = new TamaraDispute
        {
            DisputeId = disputeId, SessionId = session.Id, OrderId = session.OrderId, StoreId = session.StoreId, TamaraOrderId = session.TamaraOrderId,
            Status = status, Reason = "Item not received", Amount = 120m, CurrencyCode = "SAR", RespondByUtc = respondBy,
            CreatedOnUtc = SyncHarness.Start, UpdatedOnUtc = SyncHarness.Start
        };
        disputes.Insert(dispute);
        return dispute;
    }

    [Test]
    public async Task The_order_card_shows_each_dispute_with_its_status_amount_and_deadline_newest_first()
    {
        var (order, session) = _harness.AddPendingOrder();
        AddDispute(session, "d-1", "claim_rejected", null);
        AddDispute(session, "d-2", "awaiting_merchant_response", new DateTime(2025, 3, 8, 9, 0, 0, DateTimeKind.Utc));
        var (_, otherSession) = _harness.AddPendingOrder();
        AddDispute(otherSession, "d-other", "open", null);

        var dates = new Mock<IDateTimeHelper>();
        dates.Setup(helper => helper.ConvertToUserTimeAsync(It.IsAny<DateTime>(), It.IsAny<DateTimeKind>())).ReturnsAsync((DateTime value, DateTimeKind _) => value);
        var factory = new TamaraOrderBlockModelFactory(dates.Object, _harness.English.Object,
            new Services.Checkout.QrCodeService(), _harness.NoteWriter, _harness.SessionService,
            new Services.Staff.TamaraStaffPolicy(Mock.Of<IPermissionService>(), new Mock<Nop.Core.IWorkContext>().Object), _harness.Time, _harness.NewDisputeService());

        var model = await factory.PrepareOrderBlockModelAsync(order);

        Assert.That(model.Disputes.Select(dispute => dispute.DisputeId), Is.EqualTo(new[] { "d-2", "d-1" }));
        Assert.Multiple(() =>
        {
            Assert.That(model.Disputes[0].Status, Is.EqualTo("Awaiting your answer"));
            Assert.That(model.Disputes[0].StatusKey, Is.EqualTo("awaiting_merchant_response"));
            Assert.That(model.Disputes[0].Amount, Does.Contain("120.00").And.Contain("SAR"));
            Assert.That(model.Disputes[0].RespondBy, Is.EqualTo(new DateTime(2025, 3, 8, 9, 0, 0, DateTimeKind.Utc)));
            Assert.That(model.Disputes[1].Status, Is.EqualTo("Claim rejected"));
            Assert.That(model.Disputes[1].RespondBy, Is.Null);
        });
    }

    [Test]
    public async Task The_disputed_filter_lists_only_sessions_with_a_dispute_and_each_row_carries_the_latest_status_and_deadline()
    {
        var orders = new InMemoryRepository<Order>();
        var sessions = new InMemoryRepository<TamaraSession>();
        var disputes = new InMemoryRepository<TamaraDispute>();
        TamaraSession NewSession(string tamaraOrderId)
        {
            var session = new TamaraSession { TamaraOrderId = tamaraOrderId, State = TamaraSessionState.Paid, Amount = 300m, CapturedAmount = 300m, CurrencyCode = "SAR", StoreId = 1 };
            sessions.Insert(session);
            return session;
        }

        var disputed = NewSession("tamara-disputed");
        NewSession("tamara-quiet");
        AddDispute(disputes, disputed, "d-1", "cancelled", null);
        AddDispute(disputes, disputed, "d-2", "under_review", new DateTime(2025, 3, 8, 9, 0, 0, DateTimeKind.Utc));
        var query = new TamaraOperationsQuery(orders, sessions, disputes);

        var rows = await query.SearchAllAsync(new TamaraOperationsFilter { State = TamaraOperationsState.Disputed });
        var all = await query.SearchAllAsync(new TamaraOperationsFilter());

        Assert.That(rows.Select(row => row.TamaraOrderId), Is.EqualTo(new[] { "tamara-disputed" }));
        Assert.That(rows[0].DisputeStatus, Is.EqualTo("under_review"));
        Assert.That(rows[0].DisputeRespondByUtc, Is.EqualTo(new DateTime(2025, 3, 8, 9, 0, 0, DateTimeKind.Utc)));
        Assert.That(rows[0].State, Is.EqualTo(TamaraOperationsState.Paid), "disputed is a filter, the row keeps its own state");
        Assert.That(all.Single(row => row.TamaraOrderId == "tamara-quiet").DisputeStatus, Is.Null);
    }

    [Test]
    public async Task A_dispute_reads_in_both_languages_with_its_deadline_and_an_undocumented_status_as_it_came()
    {
        var english = await TamaraOrderBlockModelFactory.FormatDisputeAsync(_harness.English.Object, "awaiting_merchant_response",
            new DateTime(2025, 3, 8, 9, 0, 0));
        var unknown = await TamaraOrderBlockModelFactory.FormatDisputeAsync(_harness.English.Object, "escalated", null);
        var arabic = Localization.TamaraInStoreLocaleResources.Arabic();

        Assert.That(english, Is.EqualTo("Awaiting your answer, answer by 2025-03-08 09:00"));
        Assert.That(unknown, Is.EqualTo("escalated"));
        Assert.That(arabic["Plugins.Payments.TamaraInStore.Dispute.Status.awaiting_merchant_response"], Is.Not.Empty);
        Assert.That(arabic["Plugins.Payments.TamaraInStore.Operations.State.Disputed"], Is.Not.Empty);
    }
}
