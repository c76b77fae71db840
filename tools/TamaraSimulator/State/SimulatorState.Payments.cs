namespace TamaraSimulator;

public sealed partial class SimulatorState
{
    /// <summary>
    /// The customer pays the first instalment: new → approved → authorised → fully_captured
    /// (capture is automatic in-store), raising order_approved, order_authorised, order_captured.
    /// </summary>
    public SimResult<SimOrder> Pay(string orderIdOrCheckoutId) => Mutate(raised =>
    {
        var check = RequireNew(orderIdOrCheckoutId, raised);
        if (!check.IsSuccess)
        {
            return check;
        }

        var order = Lookup(orderIdOrCheckoutId)!;
        Capture(order, raised);
        return SimResult<SimOrder>.Ok(order.Clone());
    });

    /// <summary>
    /// The customer completes the payment at the very moment the store voids the link: the next void of this order finds
    /// it paid and answers 409 "cannot be voided", after the store's own read still showed it <c>new</c>.
    /// </summary>
    public SimResult<SimOrder> PayAtNextVoid(string orderIdOrCheckoutId) => Mutate(raised =>
    {
        var check = RequireNew(orderIdOrCheckoutId, raised);
        if (!check.IsSuccess)
        {
            return check;
        }

        _payAtNextVoid.Add(Lookup(orderIdOrCheckoutId)!.OrderId);
        return check;
    });

    /// <summary>new → approved → authorised → fully_captured, with their events; the state lock is held</summary>
    private void Capture(SimOrder order, List<OrderNotification> raised)
    {
        SetStatus(order, OrderStatuses.Approved);
        Raise(raised, order, EventTypes.OrderApproved, null);

        SetStatus(order, OrderStatuses.Authorised);
        Raise(raised, order, EventTypes.OrderAuthorised, null);

        var capture = new SimCapture(Guid.NewGuid().ToString(), order.OrderId, order.TotalAmount, 0m, Now);
        order.CaptureList.Add(capture);
        order.CapturedAmount = order.TotalAmount;
        order.PaidAmount = Currencies.Round(order.TotalAmount / order.Instalments, order.Currency);
        SetStatus(order, OrderStatuses.FullyCaptured);
        Raise(raised, order, EventTypes.OrderCaptured, new()
        {
            ["capture_id"] = capture.CaptureId,
            ["captured_amount"] = MoneyJson(capture.TotalAmount, order.Currency),
        });
    }

    /// <summary>Tamara declines the customer: new → declined, raising order_declined.</summary>
    public SimResult<SimOrder> Decline(
        string orderIdOrCheckoutId,
        string declinedReason = "The customer did not pass Tamara's checks",
        string declinedCode = "customer_not_eligible",
        string declineType = "risk") => Mutate(raised =>
    {
        var check = RequireNew(orderIdOrCheckoutId, raised);
        if (!check.IsSuccess)
        {
            return check;
        }

        var order = Lookup(orderIdOrCheckoutId)!;
        order.DeclinedReason = declinedReason;
        order.DeclinedCode = declinedCode;
        order.DeclineType = declineType;
        SetStatus(order, OrderStatuses.Declined);
        Raise(raised, order, EventTypes.OrderDeclined, new()
        {
            ["declined_reason"] = declinedReason,
            ["declined_code"] = declinedCode,
            ["decline_type"] = declineType,
        });
        return SimResult<SimOrder>.Ok(order.Clone());
    });

    /// <summary>Ends the session now, as if its lifetime had passed: new → expired, raising order_expired.</summary>
    public SimResult<SimOrder> ExpireNow(string orderIdOrCheckoutId) => Mutate(raised =>
    {
        var check = RequireNew(orderIdOrCheckoutId, raised);
        if (!check.IsSuccess)
        {
            return check;
        }

        var order = Lookup(orderIdOrCheckoutId)!;
        SetStatus(order, OrderStatuses.Expired);
        Raise(raised, order, EventTypes.OrderExpired, null);
        return SimResult<SimOrder>.Ok(order.Clone());
    });

    private SimResult<SimOrder> RequireNew(string id, List<OrderNotification> raised)
    {
        var order = Lookup(id);
        if (order is null)
        {
            return SimResult<SimOrder>.Fail(StatusCodes.Status404NotFound, "order_not_found", "Order not found");
        }

        ExpireIfDue(order, raised);
        return order.Status == OrderStatuses.New
            ? SimResult<SimOrder>.Ok(order.Clone())
            : SimResult<SimOrder>.Fail(StatusCodes.Status409Conflict, "invalid_order_status",
                $"The order is '{order.Status}', not 'new'");
    }
}
