using System.Text.Json.Nodes;

namespace TamaraSimulator;

/// <summary>
/// Everything the simulated Tamara knows. Thread-safe: every member takes one lock, and what is
/// handed out is a copy. Tests can inspect it and drive orders (Pay, Decline, ExpireNow, PortalRefund).
/// </summary>
public sealed partial class SimulatorState
{
    private readonly object _gate = new();
    private readonly SimulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly List<SimOrder> _orders = [];
    private readonly List<SmsMessage> _sms = [];
    private readonly List<OrderNotification> _notifications = [];
    private readonly List<NotificationDeliveryAttempt> _deliveries = [];
    private readonly List<WebhookRegistration> _webhooks = [];
    private readonly List<SimDispute> _disputes = [];
    private readonly HashSet<string> _verifiedPhones = new(StringComparer.Ordinal);
    /// <summary>Orders whose customer pays when the store voids them next (<see cref="PayAtNextVoid"/>)</summary>
    private readonly HashSet<string> _payAtNextVoid = new(StringComparer.Ordinal);
    private int _generation;
    private bool _holdRefunds;

    public SimulatorState(SimulatorOptions options)
    {
        _options = options;
        _time = options.TimeProvider;
        foreach (var phone in options.VerifiedPhones ?? [])
        {
            AddVerifiedPhone(phone);
        }
    }

    /// <summary>Receives every batch of raised notifications, in order, while the state lock is held.</summary>
    internal Action<IReadOnlyList<OrderNotification>>? NotificationSink { get; set; }

    /// <summary>Grows on every <see cref="Reset"/>; deliveries queued before a reset are discarded.</summary>
    public int Generation
    {
        get { lock (_gate) { return _generation; } }
    }

    /// <summary>The simulated Tamara's current time.</summary>
    public DateTimeOffset Now => _time.GetUtcNow();

    public IReadOnlyList<SimOrder> Orders => Mutate(raised =>
    {
        _orders.ForEach(o => ExpireIfDue(o, raised));
        return (IReadOnlyList<SimOrder>)_orders.Select(o => o.Clone()).ToList();
    });

    public IReadOnlyList<SmsMessage> SmsOutbox
    {
        get { lock (_gate) { return [.. _sms]; } }
    }

    /// <summary>Every notification raised, in the order it was raised (before any delivery fault).</summary>
    public IReadOnlyList<OrderNotification> Notifications
    {
        get { lock (_gate) { return [.. _notifications]; } }
    }

    /// <summary>Every delivery attempt to a webhook, in the order it happened.</summary>
    public IReadOnlyList<NotificationDeliveryAttempt> DeliveryAttempts
    {
        get { lock (_gate) { return [.. _deliveries]; } }
    }

    /// <summary>Finds an order by Tamara order_id or checkout_id (expiring it first when its time is up).</summary>
    public SimOrder? FindOrder(string orderIdOrCheckoutId) => Mutate(raised =>
    {
        var order = Lookup(orderIdOrCheckoutId);
        if (order is null)
        {
            return null;
        }

        ExpireIfDue(order, raised);
        return order.Clone();
    });

    /// <summary>The newest order carrying this order_reference_id.</summary>
    public SimOrder? FindOrderByReference(string orderReferenceId) => Mutate(raised =>
    {
        var order = _orders.LastOrDefault(o => o.OrderReferenceId == orderReferenceId);
        if (order is null)
        {
            return null;
        }

        ExpireIfDue(order, raised);
        return order.Clone();
    });

    /// <summary>Moves every <c>new</c> order whose session lifetime has passed to <c>expired</c>; returns how many.</summary>
    public int SweepExpired() => Mutate(raised =>
    {
        _orders.ForEach(o => ExpireIfDue(o, raised));
        return raised.Count;
    });

    /// <summary>
    /// Forgets orders, SMS, notifications, deliveries and webhooks (verified phones stay);
    /// deliveries still queued or waiting for a retry are dropped.
    /// </summary>
    public void Reset()
    {
        lock (_gate)
        {
            _generation++;
            _orders.Clear();
            _payAtNextVoid.Clear();
            _sms.Clear();
            _notifications.Clear();
            _deliveries.Clear();
            _webhooks.Clear();
            _disputes.Clear();
            _holdRefunds = false;
        }
    }

    internal void RecordDelivery(NotificationDeliveryAttempt attempt, int generation)
    {
        lock (_gate)
        {
            if (generation == _generation)
            {
                _deliveries.Add(attempt);
            }
        }
    }

    private T Mutate<T>(Func<List<OrderNotification>, T> action)
    {
        lock (_gate)
        {
            var raised = new List<OrderNotification>();
            var result = action(raised);
            if (raised.Count > 0)
            {
                _notifications.AddRange(raised);
                NotificationSink?.Invoke(raised);
            }

            return result;
        }
    }

    private SimOrder? Lookup(string id) =>
        _orders.FirstOrDefault(o => o.OrderId == id) ?? _orders.FirstOrDefault(o => o.CheckoutId == id);

    private void ExpireIfDue(SimOrder order, List<OrderNotification> raised)
    {
        if (order.Status == OrderStatuses.New && Now >= order.ExpiresAt)
        {
            SetStatus(order, OrderStatuses.Expired);
            Raise(raised, order, EventTypes.OrderExpired, null);
        }
    }

    private void SetStatus(SimOrder order, string status)
    {
        order.Status = status;
        order.UpdatedAt = Now;
    }

    private void Raise(List<OrderNotification> raised, SimOrder order, string eventType, JsonObject? data)
    {
        var payload = new JsonObject
        {
            ["order_id"] = order.OrderId,
            ["order_reference_id"] = order.OrderReferenceId,
            ["order_number"] = order.OrderNumber,
            ["event_type"] = eventType,
            ["data"] = data is null ? new JsonArray() : data,
        };
        raised.Add(new OrderNotification(Guid.NewGuid().ToString(), order.OrderId, eventType, JsonText.Write(payload), Now));
    }

    private static JsonObject MoneyJson(decimal amount, string currency) =>
        new() { ["amount"] = amount, ["currency"] = currency };
}
