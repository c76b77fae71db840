namespace Nop.Core.Domain.Discounts;

public enum DiscountLimitationType
{
    Unlimited = 0,
    NTimesOnly = 15,
    NTimesPerCustomer = 25
}
