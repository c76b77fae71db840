namespace TamaraSimulator;

public sealed partial class SimulatorState
{
    /// <summary>
    /// Refunds part or all of the captured amount. The same merchant_refund_id twice returns the first
    /// refund and refunds nothing more (an assumption about the real API).
    /// </summary>
    public SimResult<SimRefund> Refund(
        string orderId,
        decimal amount,
        string? currency,
        string comment,
        string? merchantRefundId = null,
        string source = "api") => Mutate(raised =>
    {
        var order = _orders.FirstOrDefault(o => o.OrderId == orderId);
        if (order is null)
        {
            return SimResult<SimRefund>.Fail(StatusCodes.Status404NotFound, "order_not_found", "Order not found");
        }

        ExpireIfDue(order, raised);
        if (merchantRefundId is not null && order.RefundList.FirstOrDefault(r => r.MerchantRefundId == merchantRefundId) is { } earlier)
        {
            return SimResult<SimRefund>.Ok(earlier);
        }

        if (order.CapturedAmount <= 0m || order.CaptureList.Count == 0)
        {
            return SimResult<SimRefund>.Fail(StatusCodes.Status409Conflict, "order_not_captured",
                $"Only captured orders can be refunded; order status is '{order.Status}'");
        }

        if (currency is not null && currency != order.Currency)
        {
            return SimResult<SimRefund>.Fail(StatusCodes.Status422UnprocessableEntity, "currency_mismatch",
                $"Refund currency {currency} differs from the order currency {order.Currency}");
        }

        if (amount <= 0m)
        {
            return SimResult<SimRefund>.Fail(StatusCodes.Status400BadRequest, "invalid_refund_amount",
                "The refund amount must be positive");
        }

        if (amount > order.RefundableAmount)
        {
            return SimResult<SimRefund>.Fail(StatusCodes.Status422UnprocessableEntity, "refund_amount_exceeds_refundable",
                $"The refund amount {amount} exceeds the refundable amount {order.RefundableAmount} {order.Currency}");
        }

        var capture = order.CaptureList[^1];
        order.CaptureList[^1] = capture with { RefundedAmount = capture.RefundedAmount + amount };
        order.RefundedAmount += amount;
        SetStatus(order, order.RefundedAmount >= order.CapturedAmount
            ? OrderStatuses.FullyRefunded
            : OrderStatuses.PartiallyRefunded);

        var refund = new SimRefund(Guid.NewGuid().ToString(), order.OrderId, capture.CaptureId, merchantRefundId,
            amount, order.Currency, comment, source, order.Status, Now);
        order.RefundList.Add(refund);
        Raise(raised, order, EventTypes.OrderRefunded, new()
        {
            ["refund_id"] = refund.RefundId,
            ["capture_id"] = refund.CaptureId,
            ["refunded_amount"] = MoneyJson(amount, order.Currency),
            ["comment"] = comment,
        });
        return SimResult<SimRefund>.Ok(refund);
    });

    /// <summary>A refund made by the merchant in Tamara's partner portal (not through the API).</summary>
    public SimResult<SimRefund> PortalRefund(string orderIdOrCheckoutId, decimal amount, string? comment = null)
    {
        var order = FindOrder(orderIdOrCheckoutId);
        return order is null
            ? SimResult<SimRefund>.Fail(StatusCodes.Status404NotFound, "order_not_found", "Order not found")
            : Refund(order.OrderId, amount, null, comment ?? "Refund from the partner portal", null, "portal");
    }
}
