namespace Nop.Core.Domain.Discounts;

public abstract partial class DiscountMapping : BaseEntity
{
    public new int Id { get; }

    public int DiscountId { get; set; }

    public abstract int EntityId { get; set; }
}
