namespace TamaraSimulator;

public sealed partial class SimulatorState
{
    /// <summary>
    /// Opens a session. <paramref name="baseUrl"/> is where the customer page is served
    /// (the deeplink is {baseUrl}/pay/{checkout_id}). For the SMS channel a message is put in the outbox.
    /// </summary>
    public SimResult<SimOrder> CreateSession(NewSession request, string baseUrl) => Mutate(raised =>
    {
        if (request.OrderReferenceId is { } reference)
        {
            var open = _orders.LastOrDefault(o => o.OrderReferenceId == reference && IsStillNew(o, raised));
            if (open is not null)
            {
                switch (_options.DuplicateReference)
                {
                    case DuplicateReferenceMode.Reject:
                        return SimResult<SimOrder>.Fail(StatusCodes.Status409Conflict, "duplicate_order_reference_id",
                            $"An open checkout session already exists for order_reference_id '{reference}'");
                    case DuplicateReferenceMode.ReturnExisting:
                        return SimResult<SimOrder>.Ok(open.Clone());
                }
            }
        }

        var now = Now;
        var checkoutId = Guid.NewGuid().ToString();
        var lifetime = request.ExpiryMinutes is { } minutes && _options.HonourRequestExpiryTime
            ? minutes
            : _options.SessionLifetimeMinutes;
        var instalments = request.PaymentType == "PAY_NOW" ? 1 : Math.Max(1, _options.Instalments);
        var order = new SimOrder
        {
            OrderId = Guid.NewGuid().ToString(),
            CheckoutId = checkoutId,
            Channel = request.Channel,
            OrderReferenceId = request.OrderReferenceId,
            OrderNumber = request.OrderNumber,
            Description = request.Description,
            DeviceId = request.DeviceId,
            Platform = request.Platform,
            PhoneNumber = request.PhoneNumber,
            Email = request.Email,
            Locale = request.Locale,
            CountryCode = request.CountryCode,
            PaymentType = request.PaymentType,
            Instalments = instalments,
            Currency = request.Currency,
            TotalAmount = request.TotalAmount,
            ShippingAmount = request.ShippingAmount,
            TaxAmount = request.TaxAmount,
            DiscountAmount = request.DiscountAmount,
            DiscountName = request.DiscountName,
            CreatedAt = now,
            UpdatedAt = now,
            ExpiresAt = now.AddMinutes(lifetime),
            StoreCode = request.AdditionalData?["store_code"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
                ? request.AdditionalData["store_code"]!.GetValue<string>()
                : null,
            CheckoutDeeplink = $"{baseUrl.TrimEnd('/')}/pay/{checkoutId}",
            Items = request.Items,
            AdditionalData = request.AdditionalData?.DeepClone().AsObject(),
        };
        _orders.Add(order);

        if (request.Channel == "sms" && order.PhoneNumber is { } phone)
        {
            var text = $"Complete your purchase of {order.TotalAmount} {order.Currency} with Tamara: {order.CheckoutDeeplink}";
            _sms.Add(new SmsMessage(phone, order.OrderId, checkoutId, order.CheckoutDeeplink, order.TotalAmount,
                order.Currency, text, now));
        }

        return SimResult<SimOrder>.Ok(order.Clone());
    });

    /// <summary>Voids a session: only while <c>new</c>; the order becomes <c>canceled</c>. Voiding twice answers the same.</summary>
    public SimResult<SimOrder> VoidSession(string checkoutId, string orderId, string? storeCode) => Mutate(raised =>
    {
        var order = _orders.FirstOrDefault(o => o.CheckoutId == checkoutId);
        if (order is null || order.OrderId != orderId)
        {
            return SimResult<SimOrder>.Fail(StatusCodes.Status404NotFound, "checkout_session_not_found",
                "No checkout session with this checkout_id and order_id");
        }

        ExpireIfDue(order, raised);
        if (_payAtNextVoid.Remove(order.OrderId) && order.Status == OrderStatuses.New)
        {
            Capture(order, raised);
        }

        if (order.Status == OrderStatuses.Canceled)
        {
            return SimResult<SimOrder>.Ok(order.Clone());
        }

        if (order.Status != OrderStatuses.New)
        {
            return SimResult<SimOrder>.Fail(StatusCodes.Status409Conflict, "checkout_session_cannot_be_voided",
                $"The checkout session cannot be voided: order status is '{order.Status}'");
        }

        var cancel = new SimCancel(Guid.NewGuid().ToString(), order.OrderId, order.TotalAmount, Now);
        order.CancelList.Add(cancel);
        order.CanceledAmount = order.TotalAmount;
        if (!string.IsNullOrEmpty(storeCode))
        {
            order.StoreCode = storeCode;
        }

        SetStatus(order, OrderStatuses.Canceled);
        Raise(raised, order, EventTypes.OrderCanceled, new()
        {
            ["cancel_id"] = cancel.CancelId,
            ["canceled_amount"] = MoneyJson(cancel.Amount, order.Currency),
        });
        return SimResult<SimOrder>.Ok(order.Clone());
    });

    public SimResult<SimOrder> UpdateOrderReference(string orderId, string orderReferenceId) => Mutate(_ =>
    {
        var order = _orders.FirstOrDefault(o => o.OrderId == orderId);
        if (order is null)
        {
            return SimResult<SimOrder>.Fail(StatusCodes.Status404NotFound, "order_not_found", "Order not found");
        }

        order.OrderReferenceId = orderReferenceId;
        order.UpdatedAt = Now;
        return SimResult<SimOrder>.Ok(order.Clone());
    });

    private bool IsStillNew(SimOrder order, List<OrderNotification> raised)
    {
        ExpireIfDue(order, raised);
        return order.Status == OrderStatuses.New;
    }
}
