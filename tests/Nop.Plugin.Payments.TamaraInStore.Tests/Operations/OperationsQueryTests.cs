using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Operations;
using Nop.Plugin.Payments.TamaraInStore.Tests.Fakes;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Operations;

/// <summary>
/// The operations grid's query over 400 sessions in three stores and every state: each filter, the search box, the date
/// range, needs attention first, and paging
/// </summary>
public class OperationsQueryTests
{
    private static readonly DateTime Start = new(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    private InMemoryRepository<TamaraSession> _sessions;
    private InMemoryRepository<Order> _orders;
    private TamaraOperationsQuery _query;

    [SetUp]
    public void SetUp()
    {
        _sessions = new InMemoryRepository<TamaraSession>();
        _orders = new InMemoryRepository<Order>();
        _query = new TamaraOperationsQuery(_orders, _sessions);

        TamaraSessionState[] states = [TamaraSessionState.Pending, TamaraSessionState.Paid, TamaraSessionState.Declined, TamaraSessionState.Expired,
            TamaraSessionState.Canceled, TamaraSessionState.NeedsAttention, TamaraSessionState.Refunded];
        for (var i = 0; i < 400; i++)
        {
            var state = states[i % states.Length];
            // every 10th session has no order (never placed); every 3rd paid one is partly, every 5th fully refunded
            var order = i % 10 == 9 ? null : new Order { StoreId = i % 3 + 1, CustomOrderNumber = $"N-{i:0000}", OrderGuid = Guid.NewGuid() };
            if (order is not null)
                _orders.Insert(order);

            var refunded = state == TamaraSessionState.Paid ? (i % 3 == 0 ? 100m : i % 5 == 0 ? 300m : 0m) : state == TamaraSessionState.Refunded ? 300m : 0m;
            _sessions.Insert(new TamaraSession
            {
                OrderId = order?.Id ?? 0,
                StoreId = i % 3 + 1,
                TamaraOrderId = $"tamara-{i:0000}",
                State = state,
                Amount = 300m,
                CurrencyCode = "SAR",
                CapturedAmount = state is TamaraSessionState.Paid or TamaraSessionState.NeedsAttention or TamaraSessionState.Refunded ? 300m : 0m,
                RefundedAmount = refunded,
                PhoneNumber = "+966500000" + i.ToString("000"),
                CreatedOnUtc = Start.AddHours(i),
                ExpiresOnUtc = Start.AddHours(i).AddMinutes(15)
            });
        }
    }

    private IReadOnlyList<TamaraSession> All => _sessions.Rows;

    private async Task<IList<TamaraOperationsRow>> AllRowsAsync(TamaraOperationsFilter filter) => await _query.SearchAllAsync(filter);

    [Test]
    public async Task Without_a_filter_every_session_is_listed_once()
    {
        var rows = await AllRowsAsync(new TamaraOperationsFilter());

        Assert.That(rows.Select(row => row.SessionId), Is.EquivalentTo(All.Select(session => session.Id)));
    }

    [Test]
    public async Task The_store_filter_keeps_only_that_store()
    {
        var rows = await AllRowsAsync(new TamaraOperationsFilter { StoreId = 2 });

        Assert.That(rows.Select(row => row.SessionId), Is.EquivalentTo(All.Where(session => session.StoreId == 2).Select(session => session.Id)));
    }

    private static readonly object[] StateCases =
    [
        new object[] { TamaraOperationsState.Pending, (Func<TamaraSession, bool>)(s => s.State == TamaraSessionState.Pending) },
        new object[] { TamaraOperationsState.NeedsAttention, (Func<TamaraSession, bool>)(s => s.State == TamaraSessionState.NeedsAttention) },
        new object[] { TamaraOperationsState.Paid, (Func<TamaraSession, bool>)(s => s.State == TamaraSessionState.Paid && s.RefundedAmount == 0) },
        new object[] { TamaraOperationsState.PartlyRefunded, (Func<TamaraSession, bool>)(s => s.State == TamaraSessionState.Paid && s.RefundedAmount is > 0 and < 300m) },
        new object[] { TamaraOperationsState.FullyRefunded, (Func<TamaraSession, bool>)(s => s.State == TamaraSessionState.Refunded || s.State == TamaraSessionState.Paid && s.RefundedAmount == 300m) },
        new object[] { TamaraOperationsState.Declined, (Func<TamaraSession, bool>)(s => s.State == TamaraSessionState.Declined) },
        new object[] { TamaraOperationsState.Expired, (Func<TamaraSession, bool>)(s => s.State == TamaraSessionState.Expired) },
        new object[] { TamaraOperationsState.Canceled, (Func<TamaraSession, bool>)(s => s.State == TamaraSessionState.Canceled) }
    ];

    [TestCaseSource(nameof(StateCases))]
    public async Task The_state_filter_keeps_only_that_state(TamaraOperationsState state, Func<TamaraSession, bool> expected)
    {
        var rows = await AllRowsAsync(new TamaraOperationsFilter { State = state });

        var expectedIds = All.Where(expected).Select(session => session.Id).ToList();
        Assert.That(expectedIds, Is.Not.Empty, "the seed has sessions in this state");
        Assert.That(rows.Select(row => row.SessionId), Is.EquivalentTo(expectedIds));
        Assert.That(rows.Select(row => row.State), Has.All.EqualTo(state), "the row shows the state it was filtered by");
    }

    [Test]
    public async Task The_date_range_includes_its_start_and_excludes_its_end()
    {
        var from = Start.AddHours(100);
        var to = Start.AddHours(150);

        var rows = await AllRowsAsync(new TamaraOperationsFilter { CreatedFromUtc = from, CreatedToUtc = to });

        Assert.That(rows, Has.Count.EqualTo(50));
        Assert.That(rows.Min(row => row.CreatedOnUtc), Is.EqualTo(from));
        Assert.That(rows.Max(row => row.CreatedOnUtc), Is.EqualTo(to.AddHours(-1)));
    }

    [Test]
    public async Task Filters_combine()
    {
        var rows = await AllRowsAsync(new TamaraOperationsFilter { StoreId = 1, State = TamaraOperationsState.Pending, CreatedFromUtc = Start.AddHours(200) });

        var expected = All.Where(s => s.StoreId == 1 && s.State == TamaraSessionState.Pending && s.CreatedOnUtc >= Start.AddHours(200)).Select(s => s.Id);
        Assert.That(rows.Select(row => row.SessionId), Is.EquivalentTo(expected));
    }

    [Test]
    public async Task The_search_box_finds_the_custom_order_number()
    {
        var order = _orders.Rows.First(o => o.CustomOrderNumber == "N-0042");

        var rows = await AllRowsAsync(new TamaraOperationsFilter { Search = " N-0042 " });

        Assert.That(rows.Select(row => (row.OrderId, row.CustomOrderNumber)), Is.EqualTo(new[] { (order.Id, "N-0042") }));
    }

    [Test]
    public async Task The_search_box_finds_the_order_id()
    {
        var order = _orders.Rows[57];

        var rows = await AllRowsAsync(new TamaraOperationsFilter { Search = order.Id.ToString() });

        Assert.That(rows.Select(row => row.OrderId), Is.EqualTo(new[] { order.Id }));
    }

    [Test]
    public async Task The_search_box_finds_the_tamara_order_id_of_a_session_without_order()
    {
        var rows = await AllRowsAsync(new TamaraOperationsFilter { Search = "tamara-0019" });

        Assert.That(rows, Has.Count.EqualTo(1));
        Assert.That(rows[0].OrderId, Is.Zero);
        Assert.That(rows[0].CustomOrderNumber, Is.Null);
    }

    [Test]
    public async Task The_search_box_matches_whole_values_only()
    {
        Assert.That(await AllRowsAsync(new TamaraOperationsFilter { Search = "N-004" }), Is.Empty);
        Assert.That(await AllRowsAsync(new TamaraOperationsFilter { Search = "0" }), Is.Empty, "0 is no order id");
    }

    [Test]
    public async Task Needs_attention_comes_first_then_the_newest()
    {
        var rows = await AllRowsAsync(new TamaraOperationsFilter());

        var needingAttention = All.Count(session => session.State == TamaraSessionState.NeedsAttention);
        Assert.That(rows.Take(needingAttention).Select(row => row.State), Has.All.EqualTo(TamaraOperationsState.NeedsAttention));
        Assert.That(rows.Skip(needingAttention).Select(row => row.State), Has.None.EqualTo(TamaraOperationsState.NeedsAttention));
        Assert.That(rows.Take(needingAttention).Select(row => row.CreatedOnUtc), Is.Ordered.Descending);
        Assert.That(rows.Skip(needingAttention).Select(row => row.CreatedOnUtc), Is.Ordered.Descending);
    }

    [Test]
    public async Task Pages_follow_the_same_order_and_carry_the_count()
    {
        var filter = new TamaraOperationsFilter { StoreId = 3 };
        var all = await AllRowsAsync(filter);
        Assert.That(all, Has.Count.EqualTo(133));

        var first = await _query.SearchAsync(filter, 0, 50);
        var last = await _query.SearchAsync(filter, 2, 50);
        var beyond = await _query.SearchAsync(filter, 3, 50);

        Assert.That(first.Select(row => row.SessionId), Is.EqualTo(all.Take(50).Select(row => row.SessionId)));
        Assert.That(last.Select(row => row.SessionId), Is.EqualTo(all.Skip(100).Select(row => row.SessionId)));
        Assert.That(last, Has.Count.EqualTo(33));
        Assert.That(beyond, Is.Empty);
        Assert.That(new[] { first.TotalCount, last.TotalCount, beyond.TotalCount }, Has.All.EqualTo(133));
        Assert.That(first.TotalPages, Is.EqualTo(3));
        Assert.That(first.HasNextPage && !last.HasNextPage && last.HasPreviousPage, Is.True);
    }

    [Test]
    public async Task A_page_size_of_one_and_a_nothing_found_search()
    {
        var single = await _query.SearchAsync(new TamaraOperationsFilter(), 5, 1);
        var none = await _query.SearchAsync(new TamaraOperationsFilter { Search = "no-such-order" }, 0, 10);

        Assert.That(single, Has.Count.EqualTo(1));
        Assert.That(single.TotalCount, Is.EqualTo(400));
        Assert.That(none, Is.Empty);
        Assert.That(none.TotalCount, Is.Zero);
    }

    [Test]
    public async Task The_count_of_sessions_needing_attention_covers_every_store()
    {
        Assert.That(await _query.CountNeedingAttentionAsync(), Is.EqualTo(All.Count(session => session.State == TamaraSessionState.NeedsAttention)));
    }

    private static readonly TamaraOperationsFilter[] EveryFilter =
    [
        new(),
        new() { StoreId = 2, CreatedFromUtc = Start, CreatedToUtc = Start.AddDays(1), Search = "N-0001" },
        new() { Search = "42" },
        .. Enum.GetValues<TamaraOperationsState>().Select(state => new TamaraOperationsFilter { State = state })
    ];

    /// <summary>
    /// The database runs the whole query: it calls only LINQ operators (and DefaultIfEmpty of the outer join), no method
    /// of ours or of .NET that the database could not translate
    /// </summary>
    [TestCaseSource(nameof(EveryFilter))]
    public void The_query_calls_nothing_the_database_cannot_translate(TamaraOperationsFilter filter)
    {
        var calls = new MethodCallCollector();
        calls.Visit(_query.Filtered(filter).Expression);

        var foreign = calls.Methods.Where(method => method.DeclaringType != typeof(Queryable)
            && !(method.DeclaringType == typeof(Enumerable) && method.Name == nameof(Enumerable.DefaultIfEmpty))).ToList();
        Assert.That(foreign.Select(method => $"{method.DeclaringType}.{method.Name}"), Is.Empty);
    }

    private sealed class MethodCallCollector : System.Linq.Expressions.ExpressionVisitor
    {
        public List<System.Reflection.MethodInfo> Methods { get; } = new();

        protected override System.Linq.Expressions.Expression VisitMethodCall(System.Linq.Expressions.MethodCallExpression node)
        {
            Methods.Add(node.Method);
            return base.VisitMethodCall(node);
        }
    }
}
