namespace Nop.Core.Domain.Discounts;

public partial interface IDiscountSupported<T> where T : DiscountMapping
{
    int Id { get; set; }
}
