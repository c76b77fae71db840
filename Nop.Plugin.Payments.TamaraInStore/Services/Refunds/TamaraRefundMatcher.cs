using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Refunds;

/// <summary>
/// Matches the refunds Tamara lists for an order to our refund rows: by refund_id, then by merchant_refund_id,
/// then by amount; whatever Tamara refunded beyond our rows becomes new rows. Changes the given rows in memory only.
/// </summary>
public static class TamaraRefundMatcher
{
    public static TamaraRefundMatch Match(IList<TamaraRefund> rows, TamaraSession session, TamaraOrder tamaraOrder, DateTime utcNow)
    {
        var match = new TamaraRefundMatch();
        var matchedRows = new HashSet<TamaraRefund>();
        var entries = tamaraOrder.Transactions?.Refunds?.Where(entry => entry is not null).ToList() ?? new List<TamaraRefundTransaction>();
        var unmatchedEntries = new List<TamaraRefundTransaction>();

        foreach (var entry in entries)
        {
            var row = rows.FirstOrDefault(candidate => !matchedRows.Contains(candidate) && IsSameById(entry, candidate));
            if (row is null)
                unmatchedEntries.Add(entry);
            else
                Accept(match, matchedRows, row, entry, utcNow);
        }

        foreach (var entry in unmatchedEntries)
        {
            var amount = entry.Amount?.Amount;
            var row = amount > 0
                ? rows.Where(candidate => !matchedRows.Contains(candidate) && candidate.State != TamaraRefundState.Failed
                        && candidate.Amount == amount && IsCompatible(entry, candidate))
                    .OrderBy(candidate => candidate.State == TamaraRefundState.Succeeded ? 0 : 1)
                    .ThenBy(candidate => candidate.Id)
                    .FirstOrDefault()
                : null;

            if (row is not null)
                Accept(match, matchedRows, row, entry, utcNow);
            else if (amount > 0)
                match.MadeAtTamara.Add(NewRowMadeAtTamara(session, amount.Value, entry, utcNow));
        }

        AccountForUnlistedRefunds(match, matchedRows, rows, session, tamaraOrder, utcNow);

        match.StillPending.AddRange(rows.Where(row => !matchedRows.Contains(row) && IsPending(row)));

        return match;
    }

    public static bool IsPending(TamaraRefund row) => row.State is TamaraRefundState.Requested or TamaraRefundState.Unknown;

    /// <summary>
    /// Tamara's refunded total is the truth: when our done rows (and the listed refunds) fall short of it, the rest is
    /// a pending row of exactly that amount, or else a refund made at Tamara that it did not list
    /// </summary>
    private static void AccountForUnlistedRefunds(TamaraRefundMatch match, HashSet<TamaraRefund> matchedRows,
        IList<TamaraRefund> rows, TamaraSession session, TamaraOrder tamaraOrder, DateTime utcNow)
    {
        var tamaraRefunded = tamaraOrder.RefundedAmount?.Amount ?? 0m;
        var recorded = rows.Where(row => row.State == TamaraRefundState.Succeeded).Sum(row => row.Amount)
            + match.MadeAtTamara.Sum(row => row.Amount);
        var difference = tamaraRefunded - recorded;
        if (difference <= 0)
            return;

        var pendingRow = rows
            .Where(row => !matchedRows.Contains(row) && IsPending(row) && row.Amount == difference)
            .OrderBy(row => row.Id)
            .FirstOrDefault();

        if (pendingRow is not null)
            Accept(match, matchedRows, pendingRow, null, utcNow);
        else
            match.MadeAtTamara.Add(NewRowMadeAtTamara(session, difference, null, utcNow));
    }

    private static bool IsSameById(TamaraRefundTransaction entry, TamaraRefund row)
    {
        if (!string.IsNullOrEmpty(entry.RefundId) && string.Equals(entry.RefundId, row.RefundId, StringComparison.OrdinalIgnoreCase))
            return true;

        return row.Source == TamaraRefundSource.NopCommerce
            && !string.IsNullOrEmpty(entry.MerchantRefundId)
            && string.Equals(entry.MerchantRefundId, row.MerchantRefundId, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Nothing Tamara says about the entry contradicts the row</summary>
    private static bool IsCompatible(TamaraRefundTransaction entry, TamaraRefund row)
    {
        if (!string.IsNullOrEmpty(entry.RefundId) && !string.IsNullOrEmpty(row.RefundId))
            return false;

        return string.IsNullOrEmpty(entry.MerchantRefundId) || row.Source != TamaraRefundSource.NopCommerce;
    }

    private static void Accept(TamaraRefundMatch match, HashSet<TamaraRefund> matchedRows, TamaraRefund row,
        TamaraRefundTransaction entry, DateTime utcNow)
    {
        matchedRows.Add(row);

        var wasDone = row.State == TamaraRefundState.Succeeded;
        var gainedIds = false;
        if (string.IsNullOrEmpty(row.RefundId) && !string.IsNullOrEmpty(entry?.RefundId))
        {
            row.RefundId = entry.RefundId;
            gainedIds = true;
        }
        if (string.IsNullOrEmpty(row.CaptureId) && !string.IsNullOrEmpty(entry?.CaptureId))
        {
            row.CaptureId = entry.CaptureId;
            gainedIds = true;
        }

        if (wasDone)
        {
            if (gainedIds)
                match.Enriched.Add(row);
            return;
        }

        row.State = TamaraRefundState.Succeeded;
        row.CompletedOnUtc = utcNow;
        row.LastError = null;
        match.Confirmed.Add(row);
    }

    private static TamaraRefund NewRowMadeAtTamara(TamaraSession session, decimal amount, TamaraRefundTransaction entry, DateTime utcNow) => new()
    {
        OrderId = session.OrderId,
        SessionId = session.Id,
        TamaraOrderId = session.TamaraOrderId,
        RefundId = entry?.RefundId,
        CaptureId = entry?.CaptureId,
        MerchantRefundId = Guid.NewGuid().ToString(),
        Amount = amount,
        CurrencyCode = entry?.Amount?.Currency ?? session.CurrencyCode,
        Comment = entry?.Comment,
        State = TamaraRefundState.Succeeded,
        Source = TamaraRefundSource.Tamara,
        CreatedOnUtc = utcNow,
        CompletedOnUtc = entry?.CreatedAt ?? utcNow
    };
}
