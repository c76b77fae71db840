using System.Text.Json.Nodes;

namespace TamaraSimulator;

public sealed partial class SimulatorState
{
    /// <summary>Days a merchant has to answer a new dispute when the control call names no deadline.</summary>
    public const int DefaultDisputeResponseDays = 7;

    public IReadOnlyList<SimDispute> Disputes
    {
        get { lock (_gate) { return [.. _disputes]; } }
    }

    /// <summary>The disputes of an order (by Tamara order id or merchant reference), oldest first.</summary>
    public IReadOnlyList<SimDispute> FindDisputes(string? orderId, string? orderReferenceId, string? status)
    {
        lock (_gate)
        {
            return _disputes
                .Where(d => orderId is null || d.OrderId == orderId)
                .Where(d => orderReferenceId is null || d.OrderReferenceId == orderReferenceId)
                .Where(d => status is null || d.Status == status)
                .ToList();
        }
    }

    /// <summary>The customer disputes a captured order: the dispute waits for the merchant's answer.</summary>
    public SimResult<SimDispute> OpenDispute(string orderIdOrCheckoutId, decimal? amount, string? reason, DateTimeOffset? respondBy) => Mutate(raised =>
    {
        var order = Lookup(orderIdOrCheckoutId);
        if (order is null)
        {
            return SimResult<SimDispute>.Fail(StatusCodes.Status404NotFound, "order_not_found", "Order not found");
        }

        if (order.CapturedAmount <= 0m)
        {
            return SimResult<SimDispute>.Fail(StatusCodes.Status409Conflict, "order_not_captured",
                $"Only captured orders can be disputed; order status is '{order.Status}'");
        }

        var disputed = amount ?? order.CapturedAmount - order.RefundedAmount;
        if (disputed <= 0m || disputed > order.CapturedAmount - order.RefundedAmount)
        {
            return SimResult<SimDispute>.Fail(StatusCodes.Status422UnprocessableEntity, "invalid_dispute_amount",
                $"The disputed amount must be positive and at most {order.CapturedAmount - order.RefundedAmount} {order.Currency}");
        }

        var dispute = new SimDispute(Guid.NewGuid().ToString(), order.OrderId, order.OrderReferenceId,
            DisputeStatuses.AwaitingMerchantResponse, reason ?? "Item not received", disputed, order.Currency,
            respondBy ?? Now.AddDays(DefaultDisputeResponseDays), Now, Now, null);
        _disputes.Add(dispute);
        RaiseDispute(raised, order, dispute, EventTypes.DisputeAwaitingMerchantResponse);
        return SimResult<SimDispute>.Ok(dispute);
    });

    /// <summary>Moves an open dispute to another ongoing status and/or deadline (OrderDisputeWasUpdated).</summary>
    public SimResult<SimDispute> UpdateDispute(string disputeId, string? status, DateTimeOffset? respondBy) => Mutate(raised =>
    {
        var index = _disputes.FindIndex(d => d.DisputeId == disputeId);
        if (index < 0)
        {
            return SimResult<SimDispute>.Fail(StatusCodes.Status404NotFound, "dispute_not_found", "Dispute not found");
        }

        if (!DisputeStatuses.Ongoing.Contains(_disputes[index].Status))
        {
            return SimResult<SimDispute>.Fail(StatusCodes.Status409Conflict, "dispute_closed", "The dispute is closed");
        }

        if (status is not null && !DisputeStatuses.Ongoing.Contains(status))
        {
            return SimResult<SimDispute>.Fail(StatusCodes.Status400BadRequest, "invalid_dispute_status",
                $"status must be one of {string.Join(", ", DisputeStatuses.Ongoing)}; close a dispute to end it");
        }

        var updated = _disputes[index] with
        {
            Status = status ?? _disputes[index].Status,
            RespondBy = respondBy ?? _disputes[index].RespondBy,
            UpdatedAt = Now,
        };
        _disputes[index] = updated;
        RaiseDispute(raised, _orders.First(o => o.OrderId == updated.OrderId), updated, EventTypes.DisputeUpdated);
        return SimResult<SimDispute>.Ok(updated);
    });

    /// <summary>
    /// Ends a dispute. With <see cref="DisputeOutcomes.TamaraRefunded"/> Tamara refunds the disputed amount to the customer
    /// itself: the order's refunded amount and refund transactions change, and no order_refunded event is sent, only the
    /// dispute's own event.
    /// </summary>
    public SimResult<SimDispute> CloseDispute(string disputeId, string outcome) => Mutate(raised =>
    {
        var index = _disputes.FindIndex(d => d.DisputeId == disputeId);
        if (index < 0)
        {
            return SimResult<SimDispute>.Fail(StatusCodes.Status404NotFound, "dispute_not_found", "Dispute not found");
        }

        if (!DisputeOutcomes.All.TryGetValue(outcome, out var ending))
        {
            return SimResult<SimDispute>.Fail(StatusCodes.Status400BadRequest, "invalid_outcome",
                $"outcome must be one of {string.Join(", ", DisputeOutcomes.All.Keys)}");
        }

        var dispute = _disputes[index];
        if (!DisputeStatuses.Ongoing.Contains(dispute.Status))
        {
            return SimResult<SimDispute>.Fail(StatusCodes.Status409Conflict, "dispute_closed", "The dispute is closed");
        }

        var order = _orders.First(o => o.OrderId == dispute.OrderId);
        string? refundId = null;
        if (outcome == DisputeOutcomes.TamaraRefunded)
        {
            var amount = Math.Min(dispute.Amount, order.RefundableAmount);
            if (amount > 0m)
            {
                var refund = new SimRefund(Guid.NewGuid().ToString(), order.OrderId, order.CaptureList[^1].CaptureId, null,
                    amount, order.Currency, $"Dispute {dispute.DisputeId}: claim accepted by Tamara", "dispute", order.Status, Now);
                refundId = Apply(order, refund, raised, raiseOrderRefunded: false).RefundId;
            }
        }

        var closed = dispute with { Status = ending.Status, UpdatedAt = Now, RefundId = refundId };
        _disputes[index] = closed;
        RaiseDispute(raised, order, closed, ending.EventType);
        return SimResult<SimDispute>.Ok(closed);
    });

    private void RaiseDispute(List<OrderNotification> raised, SimOrder order, SimDispute dispute, string eventType)
    {
        var payload = new JsonObject
        {
            ["dispute_id"] = dispute.DisputeId,
            ["order_id"] = order.OrderId,
            ["order_reference_id"] = order.OrderReferenceId,
            ["order_number"] = order.OrderNumber,
            ["event_type"] = eventType,
            ["data"] = new JsonObject
            {
                ["dispute_id"] = dispute.DisputeId,
                ["dispute_status"] = dispute.Status,
            },
        };
        raised.Add(new OrderNotification(Guid.NewGuid().ToString(), order.OrderId, eventType, JsonText.Write(payload), Now));
    }
}
