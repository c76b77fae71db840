namespace Nop.Core.Domain.Catalog;

public enum ProductSortingEnum
{
    Position = 0,

    NameAsc = 5,

    NameDesc = 6,

    PriceAsc = 10,

    PriceDesc = 11,

    CreatedOn = 15,
}
