using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Tax;
using Nop.Core.Domain.Vendors;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Fakes;

/// <summary>
/// nopCommerce's work context as WebWorkContext behaves: the signed-in person is resolved on the first
/// GetCurrentCustomerAsync of the request; when they impersonate a customer, the current customer becomes that customer
/// and OriginalCustomerIfImpersonated the staff member. Until then OriginalCustomerIfImpersonated is null.
/// </summary>
public class FakeWorkContext : IWorkContext
{
    private Customer _current;
    private Customer _original;

    /// <summary>The customer the order is for (impersonated by <see cref="Staff"/>, or shopping alone)</summary>
    public Customer Customer { get; set; }

    /// <summary>The staff member impersonating <see cref="Customer"/>; null for a shopper on their own</summary>
    public Customer Staff { get; set; }

    public Currency Currency { get; set; }

    public Language Language { get; set; }

    public Vendor Vendor { get; set; }

    public Task<Customer> GetCurrentCustomerAsync()
    {
        if (_current is null)
        {
            _original = Staff;
            _current = Customer;
        }

        return Task.FromResult(_current);
    }

    public Task SetCurrentCustomerAsync(Customer customer = null)
    {
        _current = customer ?? Customer;
        return Task.CompletedTask;
    }

    public Customer OriginalCustomerIfImpersonated => _original;

    public Task<Vendor> GetCurrentVendorAsync() => Task.FromResult(Vendor);

    public Task<Language> GetWorkingLanguageAsync() => Task.FromResult(Language);

    public Task SetWorkingLanguageAsync(Language language)
    {
        Language = language;
        return Task.CompletedTask;
    }

    public Task<Currency> GetWorkingCurrencyAsync() => Task.FromResult(Currency);

    public Task SetWorkingCurrencyAsync(Currency currency)
    {
        Currency = currency;
        return Task.CompletedTask;
    }

    public Task<TaxDisplayType> GetTaxDisplayTypeAsync() => Task.FromResult(TaxDisplayType.IncludingTax);

    public Task SetTaxDisplayTypeAsync(TaxDisplayType taxDisplayType) => Task.CompletedTask;
}
