using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Services.Payments;

namespace Nop.Plugin.Payments.TamaraInStore.Services;

/// <summary>
/// Refunds from nopCommerce's refund buttons into Tamara, and refunds made at Tamara back into nopCommerce
/// </summary>
public class TamaraRefundService
{
    public virtual Task<RefundPaymentResult> RefundAsync(RefundPaymentRequest refundPaymentRequest) => throw new NotImplementedException();

    public virtual Task ReconcileRefundsAsync(Order order, TamaraSession session, TamaraOrder tamaraOrder) => throw new NotImplementedException();
}
