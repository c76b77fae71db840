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
        if (merchantRefundId is not null
            && order.RefundList.Concat(order.ProcessingRefundList).FirstOrDefault(r => r.MerchantRefundId == merchantRefundId) is { } earlier)
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

        var refund = new SimRefund(Guid.NewGuid().ToString(), order.OrderId, order.CaptureList[^1].CaptureId, merchantRefundId,
            amount, order.Currency, comment, source, order.Status, Now);
        if (source == "api" && _holdRefunds)
        {
            order.ProcessingRefundList.Add(refund);
            order.UpdatedAt = Now;
            return SimResult<SimRefund>.Ok(refund);
        }

        return SimResult<SimRefund>.Ok(Apply(order, refund, raised));
    });

    /// <summary>
    /// While true, refunds asked for through the API are taken but not applied: the order reports
    /// <c>processing: true</c> and shows neither the refund nor its amount until <see cref="ReleaseRefunds"/>.
    /// The API answer is the usual one (inject a fault to lose it).
    /// </summary>
    public bool HoldRefunds
    {
        get { lock (_gate) { return _holdRefunds; } }
        set { lock (_gate) { _holdRefunds = value; } }
    }

    /// <summary>Applies the refunds held for an order, in the order they were taken, each raising order_refunded.</summary>
    public SimResult<SimOrder> ReleaseRefunds(string orderIdOrCheckoutId) => Mutate(raised =>
    {
        var order = Lookup(orderIdOrCheckoutId);
        if (order is null)
        {
            return SimResult<SimOrder>.Fail(StatusCodes.Status404NotFound, "order_not_found", "Order not found");
        }

        var held = order.ProcessingRefundList.ToList();
        order.ProcessingRefundList.Clear();
        foreach (var refund in held)
        {
            Apply(order, refund, raised);
        }

        return SimResult<SimOrder>.Ok(order.Clone());
    });

    private SimRefund Apply(SimOrder order, SimRefund refund, List<OrderNotification> raised, bool raiseOrderRefunded = true)
    {
        var index = order.CaptureList.FindIndex(c => c.CaptureId == refund.CaptureId);
        var capture = order.CaptureList[index];
        order.CaptureList[index] = capture with { RefundedAmount = capture.RefundedAmount + refund.Amount };
        order.RefundedAmount += refund.Amount;
        SetStatus(order, order.RefundedAmount >= order.CapturedAmount
            ? OrderStatuses.FullyRefunded
            : OrderStatuses.PartiallyRefunded);

        var applied = refund with { OrderStatusAfter = order.Status, CreatedAt = Now };
        order.RefundList.Add(applied);
        if (!raiseOrderRefunded)
        {
            return applied;
        }

        Raise(raised, order, EventTypes.OrderRefunded, new()
        {
            ["refund_id"] = applied.RefundId,
            ["capture_id"] = applied.CaptureId,
            ["refunded_amount"] = MoneyJson(applied.Amount, order.Currency),
            ["comment"] = applied.Comment,
        });
        return applied;
    }

    /// <summary>A refund made by the merchant in Tamara's partner portal (not through the API).</summary>
    public SimResult<SimRefund> PortalRefund(string orderIdOrCheckoutId, decimal amount, string? comment = null)
    {
        var order = FindOrder(orderIdOrCheckoutId);
        return order is null
            ? SimResult<SimRefund>.Fail(StatusCodes.Status404NotFound, "order_not_found", "Order not found")
            : Refund(order.OrderId, amount, null, comment ?? "Refund from the partner portal", null, "portal");
    }
}
