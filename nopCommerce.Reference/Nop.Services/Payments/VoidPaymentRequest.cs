using Nop.Core.Domain.Orders;

namespace Nop.Services.Payments;

public partial class VoidPaymentRequest
{
    public Order Order { get; set; }
}
