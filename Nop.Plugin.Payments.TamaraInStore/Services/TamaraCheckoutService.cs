using Microsoft.AspNetCore.Http;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Services.Payments;

namespace Nop.Plugin.Payments.TamaraInStore.Services;

/// <summary>
/// Order entry: who may pay with Tamara, the payment-info step, and the Tamara session behind a placed order
/// </summary>
public class TamaraCheckoutService
{
    public virtual Task<bool> HidePaymentMethodAsync(IList<ShoppingCartItem> cart) => throw new NotImplementedException();

    public virtual Task<IList<string>> ValidatePaymentFormAsync(IFormCollection form) => throw new NotImplementedException();

    public virtual Task<ProcessPaymentRequest> GetPaymentInfoAsync(IFormCollection form) => throw new NotImplementedException();

    public virtual Task<ProcessPaymentResult> ProcessPaymentAsync(ProcessPaymentRequest processPaymentRequest) => throw new NotImplementedException();

    public virtual Task PostProcessPaymentAsync(PostProcessPaymentRequest postProcessPaymentRequest) => throw new NotImplementedException();

    public virtual Task<TamaraSession> CreateReplacementSessionAsync(Order order, TamaraSession previous) => throw new NotImplementedException();
}
