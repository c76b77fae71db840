using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Tax;
using Nop.Core.Domain.Vendors;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Fakes;

/// <summary>
/// The current customer of a request without a cookie, as nopCommerce 4.90's WebWorkContext finds it: a customer set
/// before is kept; otherwise a new guest customer is inserted on the first GetCurrentCustomerAsync, which is recorded
/// </summary>
public class WebRequestWorkContext : IWorkContext
{
    private Customer _current;
    private int _guestsCreated;

    /// <summary>Guest customers inserted because nobody was the current customer</summary>
    public int GuestsCreated => _guestsCreated;

    public Task<Customer> GetCurrentCustomerAsync()
    {
        if (_current is null)
        {
            Interlocked.Increment(ref _guestsCreated);
            _current = new Customer { CustomerGuid = Guid.NewGuid(), Active = true };
        }

        return Task.FromResult(_current);
    }

    public Task SetCurrentCustomerAsync(Customer customer = null)
    {
        if (customer is null)
        {
            _current = null;
            return GetCurrentCustomerAsync();
        }

        _current = customer;
        return Task.CompletedTask;
    }

    public Customer OriginalCustomerIfImpersonated => null;

    public Task<Vendor> GetCurrentVendorAsync() => Task.FromResult<Vendor>(null);

    public Task<Language> GetWorkingLanguageAsync() => Task.FromResult(new Language { Id = 1 });

    public Task SetWorkingLanguageAsync(Language language) => Task.CompletedTask;

    public Task<Currency> GetWorkingCurrencyAsync() => Task.FromResult(new Currency { Id = 1 });

    public Task SetWorkingCurrencyAsync(Currency currency) => Task.CompletedTask;

    public Task<TaxDisplayType> GetTaxDisplayTypeAsync() => Task.FromResult(TaxDisplayType.IncludingTax);

    public Task SetTaxDisplayTypeAsync(TaxDisplayType taxDisplayType) => Task.CompletedTask;
}
