using Nop.Core.Domain.Common;

namespace Nop.Services.Common;

public partial interface IAddressService
{
    Task<Address> GetAddressByIdAsync(int addressId);

    Task InsertAddressAsync(Address address);
}
