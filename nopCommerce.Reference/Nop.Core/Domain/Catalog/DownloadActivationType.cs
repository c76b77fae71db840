namespace Nop.Core.Domain.Catalog;

public enum DownloadActivationType
{
    WhenOrderIsPaid = 0,
    Manually = 10
}
