using Nop.Core.Domain.Orders;

namespace Nop.Services.Orders;

public partial class PlaceOrderResult : BaseNopResult
{
    public Order PlacedOrder { get; set; }
}
