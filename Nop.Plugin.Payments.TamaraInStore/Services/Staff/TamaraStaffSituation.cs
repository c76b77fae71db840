using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Operations;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Staff;

/// <summary>
/// What the staff actions allowed on an order depend on: its newest Tamara session and the nopCommerce order
/// </summary>
/// <param name="SessionState">The session's state</param>
/// <param name="HasTamaraOrder">Tamara gave the session an order id, so it can be read there</param>
/// <param name="OrderOpen">The order is neither cancelled nor paid: it still waits for its payment</param>
/// <param name="DoublePaid">A Tamara payment of the order was taken while the order was paid by other means</param>
public record TamaraStaffSituation(TamaraSessionState SessionState, bool HasTamaraOrder, bool OrderOpen, bool DoublePaid)
{
    public static TamaraStaffSituation Of(Order order, TamaraSession session, bool doublePaid) =>
        new(session.State, !string.IsNullOrEmpty(session.TamaraOrderId), IsOpen(order.OrderStatus, order.PaymentStatus), doublePaid);

    /// <summary>The same situation for a row of the operations grid, which is the order's newest session</summary>
    public static TamaraStaffSituation Of(TamaraOperationsRow row) =>
        new((TamaraSessionState)row.StateId, !string.IsNullOrEmpty(row.TamaraOrderId),
            IsOpen((OrderStatus)row.OrderStatusId, (PaymentStatus)row.PaymentStatusId),
            row.OrderHoldsCaptureNeedingAttention && TamaraDoublePaymentRefund.IsPaidOtherwise((PaymentStatus)row.PaymentStatusId));

    public static bool IsOpen(OrderStatus orderStatus, PaymentStatus paymentStatus) =>
        orderStatus != OrderStatus.Cancelled && paymentStatus == PaymentStatus.Pending;
}
