namespace Nop.Core.Domain.Catalog;

public enum RecurringProductCyclePeriod
{
    Days = 0,
    Weeks = 10,
    Months = 20,
    Years = 30
}
