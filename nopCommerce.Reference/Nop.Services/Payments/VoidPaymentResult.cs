using Nop.Core.Domain.Payments;

namespace Nop.Services.Payments;

public partial class VoidPaymentResult : BaseNopResult
{
    public PaymentStatus NewPaymentStatus { get; set; } = PaymentStatus.Pending;
}
