using System.Net;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Refunds;

/// <summary>
/// What Tamara holds for one order: captured amount and the refunds made, from the plugin or from the partner portal.
/// Hands out a new <see cref="TamaraOrder"/> on every read, as the API would.
/// </summary>
public class TamaraOrderBook
{
    private readonly List<TamaraRefundTransaction> _refunds = new();
    private readonly List<TamaraRefundTransaction> _notVisibleYet = new();
    private int _nextRefund = 1;

    public TamaraOrderBook(string orderId, decimal captured, string currency)
    {
        OrderId = orderId;
        Captured = captured;
        Currency = currency;
    }

    public string OrderId { get; }

    public decimal Captured { get; }

    public string Currency { get; }

    public string CaptureId { get; } = "capture-1";

    /// <summary>Whether the refunds list carries our merchant_refund_id (unknown for the real API)</summary>
    public bool EchoMerchantRefundId { get; set; } = true;

    /// <summary>Whether the order lists its refunds at all (it may only report refunded_amount)</summary>
    public bool ListRefunds { get; set; } = true;

    /// <summary>Whether a refund shows on the order only once <see cref="RevealRefunds"/> is called</summary>
    public bool DelayVisibility { get; set; }

    /// <summary>Whether the order reports that Tamara is still processing something for it (a refund not shown yet)</summary>
    public bool Processing { get; set; }

    public decimal Refunded => _refunds.Sum(refund => refund.Amount.Amount) + _notVisibleYet.Sum(refund => refund.Amount.Amount);

    public int RefundCount => _refunds.Count + _notVisibleYet.Count;

    public void RevealRefunds()
    {
        _refunds.AddRange(_notVisibleYet);
        _notVisibleYet.Clear();
    }

    /// <summary>A refund made by someone in Tamara's partner portal</summary>
    public string RefundInPortal(decimal amount)
    {
        var refund = NewRefund(amount, null, "portal refund");
        _refunds.Add(refund);
        return refund.RefundId;
    }

    public SimplifiedRefundResponse Refund(SimplifiedRefundRequest request)
    {
        var amount = request.TotalAmount.Amount;
        if (amount > Captured - Refunded)
            throw new TamaraApiException("Refund amount exceeds the captured amount", HttpStatusCode.BadRequest, "POST /payments/simplified-refund");

        var refund = NewRefund(amount, request.MerchantRefundId, request.Comment);
        (DelayVisibility ? _notVisibleYet : _refunds).Add(refund);

        return new SimplifiedRefundResponse
        {
            OrderId = OrderId,
            Comment = request.Comment,
            RefundId = refund.RefundId,
            CaptureId = CaptureId,
            Status = Refunded >= Captured ? TamaraOrderStatus.FullyRefunded : TamaraOrderStatus.PartiallyRefunded,
            RefundedAmount = new TamaraMoney(amount, Currency)
        };
    }

    public TamaraOrder Read()
    {
        var refunded = _refunds.Sum(refund => refund.Amount.Amount);
        return new TamaraOrder
        {
            OrderId = OrderId,
            Status = refunded == 0 ? TamaraOrderStatus.FullyCaptured
                : refunded >= Captured ? TamaraOrderStatus.FullyRefunded : TamaraOrderStatus.PartiallyRefunded,
            TotalAmount = new TamaraMoney(Captured, Currency),
            CapturedAmount = new TamaraMoney(Captured, Currency),
            RefundedAmount = new TamaraMoney(refunded, Currency),
            Processing = Processing,
            Transactions = new TamaraTransactions
            {
                Captures = [new TamaraCapture { CaptureId = CaptureId, TotalAmount = new TamaraMoney(Captured, Currency) }],
                Refunds = ListRefunds
                    ? _refunds.Select(refund => new TamaraRefundTransaction
                    {
                        RefundId = refund.RefundId,
                        CaptureId = refund.CaptureId,
                        MerchantRefundId = EchoMerchantRefundId ? refund.MerchantRefundId : null,
                        TotalAmount = new TamaraMoney(refund.Amount.Amount, Currency),
                        Comment = refund.Comment
                    }).ToList()
                    : new List<TamaraRefundTransaction>()
            }
        };
    }

    private TamaraRefundTransaction NewRefund(decimal amount, string merchantRefundId, string comment) => new()
    {
        RefundId = $"refund-{_nextRefund++}",
        CaptureId = CaptureId,
        MerchantRefundId = merchantRefundId,
        TotalAmount = new TamaraMoney(amount, Currency),
        Comment = comment
    };
}
