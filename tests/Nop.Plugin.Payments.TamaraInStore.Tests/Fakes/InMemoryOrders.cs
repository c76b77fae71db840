using Moq;
using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Fakes;

/// <summary>
/// nopCommerce orders in memory behind IOrderService and IOrderProcessingService (Moq-backed, so new interface members
/// do not break it). Orders are stored and handed out as copies, like rows of a database. The payment rules follow
/// nopCommerce 4.90: MarkOrderAsPaidAsync throws unless CanMarkOrderAsPaid (checked on the instance passed in) and publishes
/// OrderPaidEvent through <see cref="OrderPaid"/>; CancelOrderAsync publishes OrderStatusChangedEvent through
/// <see cref="OrderStatusChanged"/>; <see cref="DeleteAsync"/> soft-deletes like OrderProcessingService.DeleteOrderAsync and
/// publishes EntityDeletedEvent through <see cref="OrderDeleted"/>. GetOrderByGuidAsync, like the host's, also finds a
/// deleted order.
/// </summary>
public class InMemoryOrders
{
    private static readonly System.Reflection.MethodInfo _memberwiseClone =
        typeof(object).GetMethod("MemberwiseClone", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance);

    private readonly object _lock = new();
    private readonly Dictionary<int, Order> _orders = new();
    private readonly List<OrderNote> _notes = new();
    private int _markPaidCalls;
    private int _cancelCalls;

    public InMemoryOrders()
    {
        OrderServiceMock.Setup(service => service.GetOrderByIdAsync(It.IsAny<int>()))
            .ReturnsAsync((int id) => Get(id));
        OrderServiceMock.Setup(service => service.GetOrderByGuidAsync(It.IsAny<Guid>()))
            .ReturnsAsync((Guid orderGuid) => GetByGuid(orderGuid));
        OrderServiceMock.Setup(service => service.UpdateOrderAsync(It.IsAny<Order>()))
            .Returns((Order order) => { Save(order); return Task.CompletedTask; });
        OrderServiceMock.Setup(service => service.InsertOrderNoteAsync(It.IsAny<OrderNote>()))
            .Returns((OrderNote note) => { AddNote(note); return Task.CompletedTask; });
        OrderServiceMock.Setup(service => service.GetOrderNotesByOrderIdAsync(It.IsAny<int>(), It.IsAny<bool?>()))
            .ReturnsAsync((int orderId, bool? _) => (IList<OrderNote>)NotesOf(orderId).ToList());

        ProcessingMock.Setup(service => service.CanMarkOrderAsPaid(It.IsAny<Order>()))
            .Returns((Order order) => CanMarkOrderAsPaid(order));
        ProcessingMock.Setup(service => service.MarkOrderAsPaidAsync(It.IsAny<Order>()))
            .Returns((Order order) => MarkOrderAsPaidAsync(order));
        // offline refunds as nopCommerce 4.90's OrderProcessingService does them (refunded amount, payment status)
        ProcessingMock.Setup(service => service.CanRefundOffline(It.IsAny<Order>()))
            .Returns((Order order) => order.OrderTotal != 0 && order.RefundedAmount == 0 && order.PaymentStatus == PaymentStatus.Paid);
        ProcessingMock.Setup(service => service.RefundOfflineAsync(It.IsAny<Order>()))
            .Returns((Order order) => RefundOfflineAsync(order, order.OrderTotal));
        ProcessingMock.Setup(service => service.CanPartiallyRefundOffline(It.IsAny<Order>(), It.IsAny<decimal>()))
            .Returns((Order order, decimal amount) => CanPartiallyRefund(order, amount));
        ProcessingMock.Setup(service => service.PartiallyRefundOfflineAsync(It.IsAny<Order>(), It.IsAny<decimal>()))
            .Returns((Order order, decimal amount) => RefundOfflineAsync(order, amount));
        ProcessingMock.Setup(service => service.CanCancelOrder(It.IsAny<Order>()))
            .Returns((Order order) => order.OrderStatus != OrderStatus.Cancelled);
        ProcessingMock.Setup(service => service.CancelOrderAsync(It.IsAny<Order>(), It.IsAny<bool>()))
            .Returns((Order order, bool _) => CancelOrderAsync(order));
    }

    public Mock<IOrderService> OrderServiceMock { get; } = new();

    public Mock<IOrderProcessingService> ProcessingMock { get; } = new();

    public IOrderService OrderService => OrderServiceMock.Object;

    public IOrderProcessingService OrderProcessingService => ProcessingMock.Object;

    /// <summary>Stands for nopCommerce's event publisher on cancel</summary>
    public Func<OrderStatusChangedEvent, Task> OrderStatusChanged { get; set; }

    /// <summary>Stands for nopCommerce's event publisher once an order is paid (ProcessOrderPaidAsync)</summary>
    public Func<OrderPaidEvent, Task> OrderPaid { get; set; }

    /// <summary>Stands for nopCommerce's event publisher when the repository deletes an order</summary>
    public Func<Nop.Core.Events.EntityDeletedEvent<Order>, Task> OrderDeleted { get; set; }

    public int MarkPaidCalls => _markPaidCalls;

    public int CancelCalls => _cancelCalls;

    public Order Add(Order order)
    {
        Save(order);
        return Get(order.Id);
    }

    public Order Get(int id)
    {
        lock (_lock)
            return _orders.TryGetValue(id, out var order) ? Copy(order) : null;
    }

    /// <summary>The host's query has no filter on Deleted: a deleted order is found too</summary>
    public Order GetByGuid(Guid orderGuid)
    {
        if (orderGuid == Guid.Empty)
            return null;

        lock (_lock)
            return _orders.Values.Where(order => order.OrderGuid == orderGuid).OrderBy(order => order.Id).Select(Copy).FirstOrDefault();
    }

    /// <summary>Staff delete the order (Admin → Orders → Delete): a note, the soft delete, then the entity event</summary>
    public async Task DeleteAsync(int orderId)
    {
        var order = Get(orderId) ?? throw new ArgumentException($"No order {orderId}");
        AddNote(new OrderNote { OrderId = order.Id, Note = "Order has been deleted", CreatedOnUtc = DateTime.UtcNow });
        order.Deleted = true;
        Save(order);

        if (OrderDeleted is not null)
            await OrderDeleted(new Nop.Core.Events.EntityDeletedEvent<Order>(order));
    }

    public IReadOnlyList<OrderNote> NotesOf(int orderId)
    {
        lock (_lock)
            return _notes.Where(note => note.OrderId == orderId).ToList();
    }

    public static bool CanMarkOrderAsPaid(Order order) =>
        order.OrderStatus != OrderStatus.Cancelled
        && order.PaymentStatus is not (PaymentStatus.Paid or PaymentStatus.Refunded or PaymentStatus.Voided);

    private async Task MarkOrderAsPaidAsync(Order order)
    {
        await Task.Yield();
        if (!CanMarkOrderAsPaid(order))
            throw new NopException("You can't mark this order as paid");

        Interlocked.Increment(ref _markPaidCalls);
        order.PaymentStatus = PaymentStatus.Paid;
        order.PaidDateUtc = DateTime.UtcNow;
        Save(order);
        AddNote(new OrderNote { OrderId = order.Id, Note = "Order has been marked as paid", CreatedOnUtc = DateTime.UtcNow });
        if (order.OrderStatus == OrderStatus.Pending)
        {
            order.OrderStatus = OrderStatus.Processing;
            Save(order);
        }

        if (OrderPaid is not null)
            await OrderPaid(new OrderPaidEvent(order));
    }

    public static bool CanPartiallyRefund(Order order, decimal amount) =>
        order.OrderTotal != 0 && order.OrderTotal - order.RefundedAmount > 0 && amount <= order.OrderTotal - order.RefundedAmount
        && order.PaymentStatus is PaymentStatus.Paid or PaymentStatus.PartiallyRefunded;

    private Task RefundOfflineAsync(Order order, decimal amount)
    {
        order.RefundedAmount += amount;
        order.PaymentStatus = order.RefundedAmount >= order.OrderTotal ? PaymentStatus.Refunded : PaymentStatus.PartiallyRefunded;
        Save(order);
        AddNote(new OrderNote { OrderId = order.Id, Note = $"Order has been marked as refunded. Amount = {amount}", CreatedOnUtc = DateTime.UtcNow });
        return Task.CompletedTask;
    }

    /// <summary>
    /// The admin's Refund / Partial refund button as nopCommerce 4.90 runs it: refused unless allowed, then the payment
    /// method is asked and on success the amount is added to what the order had refunded and the order is saved
    /// </summary>
    public async Task<Nop.Services.Payments.RefundPaymentResult> RefundFromAdminAsync(int orderId, decimal amount, bool isPartialRefund,
        Func<Nop.Services.Payments.RefundPaymentRequest, Task<Nop.Services.Payments.RefundPaymentResult>> paymentMethod)
    {
        var order = Get(orderId);
        var allowed = isPartialRefund
            ? CanPartiallyRefund(order, amount)
            : order.OrderTotal != 0 && order.RefundedAmount == 0 && order.PaymentStatus == PaymentStatus.Paid;
        if (!allowed)
            throw new NopException(isPartialRefund ? "Cannot do partial refund for order." : "Cannot do refund for order.");

        var result = await paymentMethod(new Nop.Services.Payments.RefundPaymentRequest { Order = order, AmountToRefund = amount, IsPartialRefund = isPartialRefund });
        if (!result.Success)
            return result;

        var total = order.RefundedAmount + amount;
        order.RefundedAmount = total;
        order.PaymentStatus = isPartialRefund && order.OrderTotal == total && result.NewPaymentStatus == PaymentStatus.PartiallyRefunded
            ? PaymentStatus.Refunded
            : result.NewPaymentStatus;
        Save(order);
        return result;
    }

    private async Task CancelOrderAsync(Order order)
    {
        if (order.OrderStatus == OrderStatus.Cancelled)
            throw new NopException("Cannot do cancel for order.");

        Interlocked.Increment(ref _cancelCalls);
        var previous = order.OrderStatus;
        order.OrderStatus = OrderStatus.Cancelled;
        Save(order);
        AddNote(new OrderNote { OrderId = order.Id, Note = "Order has been cancelled", CreatedOnUtc = DateTime.UtcNow });

        if (OrderStatusChanged is not null)
            await OrderStatusChanged(new OrderStatusChangedEvent(order, previous));
    }

    private void Save(Order order)
    {
        lock (_lock)
            _orders[order.Id] = Copy(order);
    }

    private void AddNote(OrderNote note)
    {
        lock (_lock)
        {
            note.Id = _notes.Count + 1;
            _notes.Add(note);
        }
    }

    private static Order Copy(Order order) => (Order)_memberwiseClone.Invoke(order, null);
}
