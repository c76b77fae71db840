using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Data;
using Nop.Plugin.Payments.TamaraInStore.Domain;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Operations;

/// <summary>
/// The operations page's list: every session of every store with its order's number, filtered, sorted and paged by the
/// database (one query for the page and one count)
/// </summary>
public class TamaraOperationsQuery
{
    private readonly IRepository<Order> _orderRepository;
    private readonly IRepository<TamaraSession> _sessionRepository;

    public TamaraOperationsQuery(IRepository<Order> orderRepository, IRepository<TamaraSession> sessionRepository)
    {
        _orderRepository = orderRepository;
        _sessionRepository = sessionRepository;
    }

    /// <summary>One page, sessions needing attention first, then the newest</summary>
    public virtual async Task<IPagedList<TamaraOperationsRow>> SearchAsync(TamaraOperationsFilter filter, int pageIndex, int pageSize) =>
        await Filtered(filter).ToPagedListAsync(Math.Max(pageIndex, 0), pageSize);

    /// <summary>Every row the filter matches, in the page's order (the export)</summary>
    public virtual async Task<IList<TamaraOperationsRow>> SearchAllAsync(TamaraOperationsFilter filter) =>
        await Filtered(filter).ToListAsync();

    /// <summary>How many sessions need a person, in every store</summary>
    public virtual async Task<int> CountNeedingAttentionAsync()
    {
        var needsAttention = (int)TamaraSessionState.NeedsAttention;
        return await _sessionRepository.Table.CountAsync(session => session.StateId == needsAttention);
    }

    public static TamaraOperationsState StateOf(int stateId, decimal capturedAmount, decimal refundedAmount) => (TamaraSessionState)stateId switch
    {
        TamaraSessionState.Paid when refundedAmount > 0 && refundedAmount >= capturedAmount => TamaraOperationsState.FullyRefunded,
        TamaraSessionState.Paid when refundedAmount > 0 => TamaraOperationsState.PartlyRefunded,
        TamaraSessionState.Refunded => TamaraOperationsState.FullyRefunded,
        var state => (TamaraOperationsState)(int)state
    };

    internal IQueryable<TamaraOperationsRow> Filtered(TamaraOperationsFilter filter)
    {
        filter ??= new TamaraOperationsFilter();
        var needsAttention = (int)TamaraSessionState.NeedsAttention;
        var sessions = _sessionRepository.Table;

        var rows = from session in sessions
                   join order in _orderRepository.Table on session.OrderId equals order.Id into orders
                   from order in orders.DefaultIfEmpty()
                   select new TamaraOperationsRow
                   {
                       SessionId = session.Id,
                       OrderId = session.OrderId,
                       CustomOrderNumber = order == null ? null : order.CustomOrderNumber,
                       StoreId = session.StoreId,
                       TamaraOrderId = session.TamaraOrderId,
                       TamaraStatus = session.TamaraStatus,
                       StateId = session.StateId,
                       Amount = session.Amount,
                       CurrencyCode = session.CurrencyCode,
                       CapturedAmount = session.CapturedAmount,
                       RefundedAmount = session.RefundedAmount,
                       PhoneNumber = session.PhoneNumber,
                       CreatedOnUtc = session.CreatedOnUtc,
                       ExpiresOnUtc = session.ExpiresOnUtc,
                       PaidOnUtc = session.PaidOnUtc,
                       LastError = session.LastError,
                       OrderStatusId = order == null ? 0 : order.OrderStatusId,
                       PaymentStatusId = order == null ? 0 : order.PaymentStatusId,
                       OrderDeleted = order != null && order.Deleted,
                       IsNewestOfOrder = !sessions.Any(other => other.OrderId == session.OrderId && other.Id > session.Id),
                       OrderHoldsCaptureNeedingAttention = sessions.Any(other => other.OrderId == session.OrderId
                           && other.StateId == needsAttention && other.CapturedAmount > other.RefundedAmount)
                   };

        if (filter.StoreId > 0)
            rows = rows.Where(row => row.StoreId == filter.StoreId);

        if (filter.CreatedFromUtc.HasValue)
            rows = rows.Where(row => row.CreatedOnUtc >= filter.CreatedFromUtc.Value);

        if (filter.CreatedToUtc.HasValue)
            rows = rows.Where(row => row.CreatedOnUtc < filter.CreatedToUtc.Value);

        if (filter.State.HasValue)
            rows = WhereState(rows, filter.State.Value);

        var search = filter.Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            var orderId = int.TryParse(search, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : -1;
            rows = rows.Where(row => row.CustomOrderNumber == search || row.TamaraOrderId == search || orderId > 0 && row.OrderId == orderId);
        }

        return rows
            .OrderByDescending(row => row.StateId == needsAttention ? 1 : 0)
            .ThenByDescending(row => row.CreatedOnUtc)
            .ThenByDescending(row => row.SessionId);
    }

    /// <summary>The same split as <see cref="StateOf"/>, written as a condition the database evaluates</summary>
    private static IQueryable<TamaraOperationsRow> WhereState(IQueryable<TamaraOperationsRow> rows, TamaraOperationsState state)
    {
        var paid = (int)TamaraSessionState.Paid;
        var refunded = (int)TamaraSessionState.Refunded;

        return state switch
        {
            TamaraOperationsState.Paid => rows.Where(row => row.StateId == paid && row.RefundedAmount <= 0),
            TamaraOperationsState.PartlyRefunded => rows.Where(row => row.StateId == paid && row.RefundedAmount > 0 && row.RefundedAmount < row.CapturedAmount),
            TamaraOperationsState.FullyRefunded => rows.Where(row => row.StateId == refunded
                || row.StateId == paid && row.RefundedAmount > 0 && row.RefundedAmount >= row.CapturedAmount),
            _ => rows.Where(row => row.StateId == (int)state)
        };
    }
}
