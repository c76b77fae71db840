using Nop.Data;
using Nop.Plugin.Payments.TamaraInStore.Domain;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Operations;

/// <summary>
/// Links sent, paid, conversion, median time to pay and refunds per store for a period; reads only the period's rows
/// (sessions by creation, refunds that succeeded), three columns of each
/// </summary>
public class TamaraOperationsFigures
{
    private readonly IRepository<TamaraRefund> _refundRepository;
    private readonly IRepository<TamaraSession> _sessionRepository;

    public TamaraOperationsFigures(IRepository<TamaraRefund> refundRepository, IRepository<TamaraSession> sessionRepository)
    {
        _refundRepository = refundRepository;
        _sessionRepository = sessionRepository;
    }

    public virtual async Task<IList<TamaraStoreFigures>> GetFiguresAsync(TamaraFiguresPeriod period)
    {
        var links = await _sessionRepository.Table
            .Where(session => session.TamaraOrderId != null && session.CreatedOnUtc >= period.FromUtc && session.CreatedOnUtc < period.ToUtc)
            .Select(session => new { session.StoreId, session.CreatedOnUtc, session.PaidOnUtc })
            .ToListAsync();

        var succeeded = (int)TamaraRefundState.Succeeded;
        var refunds = await (from refund in _refundRepository.Table
                             join session in _sessionRepository.Table on refund.SessionId equals session.Id
                             where refund.StateId == succeeded && refund.CreatedOnUtc >= period.FromUtc && refund.CreatedOnUtc < period.ToUtc
                             select new { session.StoreId, refund.CurrencyCode, refund.Amount })
            .ToListAsync();

        return links.Select(link => link.StoreId).Concat(refunds.Select(refund => refund.StoreId)).Distinct().OrderBy(storeId => storeId)
            .Select(storeId =>
            {
                var sent = links.Where(link => link.StoreId == storeId).ToList();
                var paid = sent.Where(link => link.PaidOnUtc.HasValue).Select(link => link.PaidOnUtc.Value - link.CreatedOnUtc).ToList();

                return new TamaraStoreFigures
                {
                    StoreId = storeId,
                    LinksSent = sent.Count,
                    Paid = paid.Count,
                    MedianTimeToPay = Median(paid),
                    Refunds = refunds.Where(refund => refund.StoreId == storeId)
                        .GroupBy(refund => refund.CurrencyCode)
                        .OrderBy(group => group.Key)
                        .Select(group => new TamaraRefundFigure(group.Key, group.Count(), group.Sum(refund => refund.Amount)))
                        .ToList()
                };
            })
            .ToList();
    }

    public static TimeSpan? Median(IReadOnlyCollection<TimeSpan> values)
    {
        if (values.Count == 0)
            return null;

        var sorted = values.OrderBy(value => value).ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : TimeSpan.FromTicks((sorted[middle - 1].Ticks + sorted[middle].Ticks) / 2);
    }
}
