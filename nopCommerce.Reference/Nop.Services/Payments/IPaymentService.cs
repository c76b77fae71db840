namespace Nop.Services.Payments;

public partial interface IPaymentService
{
    Task<ProcessPaymentResult> ProcessPaymentAsync(ProcessPaymentRequest processPaymentRequest);
}
