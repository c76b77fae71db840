using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Reconciliation;

/// <summary>
/// Our side of one session as the comparer sees it (the session, its order, our refund rows), in a few characters: equal
/// fingerprints mean nothing changed on our side
/// </summary>
public static class TamaraReconciliationFingerprint
{
    /// <summary>Tamara statuses after which nothing more happens to the order at Tamara (a captured order may still be refunded)</summary>
    public static bool IsFinal(string tamaraStatus) =>
        tamaraStatus?.Trim().ToLowerInvariant() is TamaraOrderStatus.FullyRefunded or TamaraOrderStatus.Declined
            or TamaraOrderStatus.Expired or TamaraOrderStatus.Canceled;

    public static string Of(TamaraSession session, Order order, IEnumerable<TamaraRefund> refunds)
    {
        var text = new StringBuilder()
            .AppendJoin('|', session.StateId, session.TamaraStatus, session.TamaraOrderId, session.OrderId, Number(session.Amount),
                Number(session.CapturedAmount), Number(session.RefundedAmount), session.CurrencyCode)
            .Append('#');
        if (order is not null)
        {
            text.AppendJoin('|', order.Id, order.Deleted, order.OrderStatusId, order.PaymentStatusId, Number(order.OrderTotal),
                Number(order.RefundedAmount), Number(order.CurrencyRate));
        }

        foreach (var refund in refunds.OrderBy(refund => refund.Id))
            text.Append('#').AppendJoin('|', refund.Id, refund.TamaraOrderId, refund.RefundId, refund.StateId, Number(refund.Amount));

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string Number(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
