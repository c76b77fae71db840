namespace TamaraSimulator;

public sealed partial class SimulatorState
{
    /// <summary>
    /// Changes an order's captured or refunded amount or its status and raises no notification, so the store learns it only
    /// by reading the order. The order is left as it is when the change is refused.
    /// </summary>
    public SimResult<SimOrder> ChangeSilently(string orderIdOrCheckoutId, SilentChange change) => Mutate(_ =>
    {
        var order = Lookup(orderIdOrCheckoutId);
        if (order is null)
        {
            return SimResult<SimOrder>.Fail(StatusCodes.Status404NotFound, "order_not_found", "Order not found");
        }

        var captured = change.CapturedAmount ?? order.CapturedAmount;
        var refunded = change.RefundedAmount ?? order.RefundedAmount;
        if (captured < 0m || refunded < 0m)
        {
            return SimResult<SimOrder>.Fail(StatusCodes.Status400BadRequest, "invalid_amount", "Amounts must not be negative");
        }

        if (refunded > captured)
        {
            return SimResult<SimOrder>.Fail(StatusCodes.Status422UnprocessableEntity, "refund_amount_exceeds_captured",
                $"The refunded amount {refunded} exceeds the captured amount {captured} {order.Currency}");
        }

        if (captured > order.CapturedAmount)
        {
            order.CaptureList.Add(new SimCapture(Guid.NewGuid().ToString(), order.OrderId, captured - order.CapturedAmount, 0m, Now));
            if (order.PaidAmount == 0m)
            {
                order.PaidAmount = Currencies.Round(captured / order.Instalments, order.Currency);
            }
        }

        order.CapturedAmount = captured;

        if (refunded > order.RefundedAmount)
        {
            var capture = order.CaptureList[^1];
            order.CaptureList[^1] = capture with { RefundedAmount = capture.RefundedAmount + refunded - order.RefundedAmount };
            order.RefundList.Add(new SimRefund(Guid.NewGuid().ToString(), order.OrderId, capture.CaptureId, null,
                refunded - order.RefundedAmount, order.Currency, "Refund from the partner portal", "portal", "", Now));
        }

        order.RefundedAmount = refunded;
        SetStatus(order, change.Status ?? ImpliedStatus(order));
        if (order.RefundList.Count > 0 && order.RefundList[^1].OrderStatusAfter == "")
        {
            order.RefundList[^1] = order.RefundList[^1] with { OrderStatusAfter = order.Status };
        }

        return SimResult<SimOrder>.Ok(order.Clone());
    });

    private static string ImpliedStatus(SimOrder order) =>
        order.RefundedAmount > 0m && order.RefundedAmount >= order.CapturedAmount ? OrderStatuses.FullyRefunded
        : order.RefundedAmount > 0m ? OrderStatuses.PartiallyRefunded
        : order.CapturedAmount >= order.TotalAmount && order.CapturedAmount > 0m ? OrderStatuses.FullyCaptured
        : order.CapturedAmount > 0m ? "partially_captured"
        : order.Status;
}
