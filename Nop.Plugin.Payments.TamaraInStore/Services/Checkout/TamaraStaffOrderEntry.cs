using Nop.Core;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Checkout;

/// <summary>
/// Whether a staff member is placing the order for the customer: impersonating them (Customers → Edit → Place order), or
/// selling at the Tamara counter
/// </summary>
public static class TamaraStaffOrderEntry
{
    private static readonly AsyncLocal<TamaraCounterSaleScope> _counterSale = new();

    /// <remarks>
    /// nopCommerce learns about impersonation only while resolving the current customer, so OriginalCustomerIfImpersonated
    /// is null until GetCurrentCustomerAsync has run in this request.
    /// </remarks>
    public static async Task<bool> IsStaffOrderEntryAsync(this IWorkContext workContext)
    {
        await workContext.GetCurrentCustomerAsync();
        return workContext.OriginalCustomerIfImpersonated is not null || CounterSale is not null;
    }

    /// <summary>The counter sale whose order nopCommerce is placing in this flow of calls; null otherwise</summary>
    public static TamaraCounterSaleScope CounterSale => _counterSale.Value;

    /// <summary>
    /// Marks the order placement that follows (within this flow of calls only) as a counter sale by <paramref name="staffCustomerId"/>.
    /// Only the counter's own service, behind the counter permission, opens one; nothing a shopper sends can.
    /// </summary>
    public static IDisposable BeginCounterSale(int staffCustomerId, string till)
    {
        var previous = _counterSale.Value;
        _counterSale.Value = new TamaraCounterSaleScope(staffCustomerId, till);
        return new Restore(() => _counterSale.Value = previous);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}

/// <summary>The staff member and till of the counter sale being placed</summary>
public sealed record TamaraCounterSaleScope(int StaffCustomerId, string Till);
