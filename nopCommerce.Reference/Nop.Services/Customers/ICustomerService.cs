using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;

namespace Nop.Services.Customers;

public partial interface ICustomerService
{
    Task<Customer> GetOrCreateBackgroundTaskUserAsync();

    Task<Customer> GetCustomerByIdAsync(int customerId);

    Task<Address> GetCustomerBillingAddressAsync(Customer customer);

    Task<Customer> InsertGuestCustomerAsync();

    Task UpdateCustomerAsync(Customer customer);

    Task AddCustomerRoleMappingAsync(CustomerCustomerRoleMapping roleMapping);

    Task RemoveCustomerRoleMappingAsync(Customer customer, CustomerRole role);

    Task<CustomerRole> GetCustomerRoleBySystemNameAsync(string systemName);

    Task UpdateCustomerRoleAsync(CustomerRole customerRole);

    Task InsertCustomerAddressAsync(Customer customer, Address address);
}
