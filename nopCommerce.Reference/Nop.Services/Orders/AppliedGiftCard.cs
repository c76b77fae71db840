using Nop.Core.Domain.Orders;

namespace Nop.Services.Orders;

public partial class AppliedGiftCard
{
    public decimal AmountCanBeUsed { get; set; }

    public GiftCard GiftCard { get; set; }
}
