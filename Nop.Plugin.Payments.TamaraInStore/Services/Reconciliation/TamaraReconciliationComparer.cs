using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Reconciliation;

/// <summary>
/// Compares what Tamara says about one session's order with what nopCommerce and our own records say. Reads nothing itself.
/// </summary>
/// <remarks>
/// A session staff already settled agrees: a capture of another amount they accepted (the session is Paid), a double payment
/// they refunded (Refunded), an order paid by other means whose link was voided. Refunds are compared only for a session
/// whose capture paid the order, and not while a refund from nopCommerce is still being made.
/// </remarks>
public static class TamaraReconciliationComparer
{
    /// <param name="order">The session's order (also a deleted one); null when none was placed</param>
    /// <param name="refunds">Our refund rows of the order</param>
    /// <returns>Null when both sides agree</returns>
    public static TamaraReconciliationDisagreement Compare(TamaraSession session, Order order, IReadOnlyList<TamaraRefund> refunds, TamaraOrder tamaraOrder)
    {
        var currency = session.CurrencyCode;
        var status = tamaraOrder.Status?.Trim().ToLowerInvariant() ?? string.Empty;
        var captured = Round(tamaraOrder.CapturedAmount?.Amount ?? decimal.Zero, currency);
        var refundedAtTamara = Round(tamaraOrder.RefundedAmount?.Amount ?? decimal.Zero, currency);
        var held = captured - refundedAtTamara;
        var isCaptured = captured > decimal.Zero || status is TamaraOrderStatus.FullyCaptured or TamaraOrderStatus.PartiallyCaptured
            or TamaraOrderStatus.PartiallyRefunded or TamaraOrderStatus.FullyRefunded;

        var tamaraSide = $"Tamara: {Text(tamaraOrder.Status)}, {Money(captured, currency)} captured, {Money(refundedAtTamara, currency)} refunded";

        if (order is null || order.Deleted)
        {
            return held > decimal.Zero
                ? new(TamaraReconciliationVerdict.CapturedWithoutOrder,
                    $"{tamaraSide}; order: {(order is null ? "none placed" : $"#{order.CustomOrderNumber} deleted")} (order GUID {session.OrderGuid})", false)
                : null;
        }

        var orderTotal = Round(order.OrderTotal * Rate(order), currency);
        var refundedInStore = Round(order.RefundedAmount * Rate(order), currency);
        var orderSide = $"order: {order.OrderStatus} / {order.PaymentStatus}, total {Money(orderTotal, currency)}, {Money(refundedInStore, currency)} refunded; session: {session.State}";
        var detail = $"{tamaraSide}; {orderSide}";
        var orderPaid = order.PaymentStatus is PaymentStatus.Paid or PaymentStatus.PartiallyRefunded or PaymentStatus.Refunded;

        if (order.OrderStatus == OrderStatus.Cancelled)
            return held > decimal.Zero ? new(TamaraReconciliationVerdict.CancelledButCaptured, detail, false) : null;

        if (!isCaptured)
            return orderPaid && session.State == TamaraSessionState.Paid ? new(TamaraReconciliationVerdict.PaidButNotCaptured, detail, false) : null;

        if (session.State == TamaraSessionState.Paid)
            return CompareRefunds(session, refunds, tamaraOrder, refundedAtTamara, refundedInStore, orderTotal, held, detail);

        // Tamara captured, and this session did not pay the order
        if (session.State == TamaraSessionState.Refunded || orderPaid)
        {
            // staff refunded the capture, or the order was paid by other means: Tamara should hold nothing
            return held > decimal.Zero
                ? new(TamaraReconciliationVerdict.AmountMismatch, $"{detail}; Tamara should hold nothing for this session", false)
                : null;
        }

        if (status == TamaraOrderStatus.PartiallyCaptured
            || !TamaraCapturedAmount.Matches(session.Amount, currency, tamaraOrder.CapturedAmount)
            || Math.Abs(orderTotal - session.Amount) > TamaraMoneyRounding.MinorUnit(currency))
        {
            return new(TamaraReconciliationVerdict.AmountMismatch, $"{detail}; the link asked for {Money(session.Amount, currency)}", false);
        }

        // what the order sync marks as paid by itself; a session needing attention waits for staff
        var safe = session.State != TamaraSessionState.NeedsAttention
            && order.PaymentStatus is PaymentStatus.Pending or PaymentStatus.Authorized;
        return new(TamaraReconciliationVerdict.CapturedButNotPaid, detail, safe);
    }

    private static TamaraReconciliationDisagreement CompareRefunds(TamaraSession session, IReadOnlyList<TamaraRefund> refunds,
        TamaraOrder tamaraOrder, decimal refundedAtTamara, decimal refundedInStore, decimal orderTotal, decimal held, string detail)
    {
        var rows = refunds.Where(row => string.Equals(row.TamaraOrderId, session.TamaraOrderId, StringComparison.OrdinalIgnoreCase)).ToList();
        // the refund service settles its own attempts with Tamara
        if (rows.Any(row => row.State == TamaraRefundState.Requested))
            return null;

        var unit = TamaraMoneyRounding.MinorUnit(session.CurrencyCode);
        // an accepted capture of another amount, refunded in full on both sides
        if (held <= decimal.Zero && refundedInStore >= orderTotal - unit)
            return null;

        // ...or in part: what Tamara refunded beyond the order total is not the order's to count
        refundedAtTamara = Math.Min(refundedAtTamara, orderTotal);
        var knownIds = rows.Where(row => !string.IsNullOrEmpty(row.RefundId)).Select(row => row.RefundId).ToHashSet(StringComparer.Ordinal);
        var tamaraRefunds = tamaraOrder.Transactions?.Refunds ?? new List<TamaraRefundTransaction>();
        var tamaraIds = tamaraRefunds.Where(refund => !string.IsNullOrEmpty(refund.RefundId)).Select(refund => refund.RefundId).ToHashSet(StringComparer.Ordinal);

        var unknownAtStore = tamaraIds.Where(id => !knownIds.Contains(id)).ToList();
        if (refundedAtTamara > refundedInStore + unit || unknownAtStore.Count > 0)
        {
            var ids = unknownAtStore.Count > 0 ? $"; refunds not in the store: {string.Join(", ", unknownAtStore)}" : string.Empty;
            return new(TamaraReconciliationVerdict.RefundedAtTamaraNotInStore, detail + ids, true);
        }

        // Tamara may report only the refunded total: ids are compared only when it lists refunds
        var unknownAtTamara = tamaraIds.Count == 0
            ? new List<string>()
            : rows.Where(row => row.State == TamaraRefundState.Succeeded && !string.IsNullOrEmpty(row.RefundId) && !tamaraIds.Contains(row.RefundId))
                .Select(row => row.RefundId).ToList();
        if (refundedInStore > refundedAtTamara + unit || unknownAtTamara.Count > 0)
        {
            var ids = unknownAtTamara.Count > 0 ? $"; refunds Tamara does not list: {string.Join(", ", unknownAtTamara)}" : string.Empty;
            return new(TamaraReconciliationVerdict.RefundedInStoreNotAtTamara, detail + ids, false);
        }

        return null;
    }

    private static decimal Rate(Order order) => order.CurrencyRate > decimal.Zero ? order.CurrencyRate : decimal.One;

    private static decimal Round(decimal amount, string currency) => TamaraMoneyRounding.Round(amount, currency);

    private static string Money(decimal amount, string currency) => TamaraMoneyRounding.Format(amount, currency);

    private static string Text(string status) => string.IsNullOrWhiteSpace(status) ? "no status" : status.Trim();
}
