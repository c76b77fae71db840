using Nop.Core.Domain.Orders;
using Nop.Services.Payments;

namespace Nop.Services.Orders;

public partial interface IOrderProcessingService
{
    Task CheckOrderStatusAsync(Order order);

    Task<PlaceOrderResult> PlaceOrderAsync(ProcessPaymentRequest processPaymentRequest);

    bool CanCancelOrder(Order order);

    Task CancelOrderAsync(Order order, bool notifyCustomer);

    bool CanMarkOrderAsPaid(Order order);

    Task MarkOrderAsPaidAsync(Order order);

    Task<bool> CanRefundAsync(Order order);

    bool CanRefundOffline(Order order);

    Task RefundOfflineAsync(Order order);

    Task<bool> CanPartiallyRefundAsync(Order order, decimal amountToRefund);

    bool CanPartiallyRefundOffline(Order order, decimal amountToRefund);

    Task PartiallyRefundOfflineAsync(Order order, decimal amountToRefund);

    Task<ProcessPaymentRequest> GetProcessPaymentRequestAsync();

    Task SetProcessPaymentRequestAsync(ProcessPaymentRequest processPaymentRequest, bool useNewOrderGuid = false);
}
