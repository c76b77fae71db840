using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Tax;
using Nop.Core.Domain.Vendors;

namespace Nop.Core;

public partial interface IWorkContext
{
    Task<Customer> GetCurrentCustomerAsync();

    Task SetCurrentCustomerAsync(Customer customer = null);

    Customer OriginalCustomerIfImpersonated { get; }

    Task<Vendor> GetCurrentVendorAsync();

    Task<Language> GetWorkingLanguageAsync();

    Task SetWorkingLanguageAsync(Language language);

    Task<Currency> GetWorkingCurrencyAsync();

    Task SetWorkingCurrencyAsync(Currency currency);

    Task<TaxDisplayType> GetTaxDisplayTypeAsync();

    Task SetTaxDisplayTypeAsync(TaxDisplayType taxDisplayType);
}
