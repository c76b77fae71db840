using Nop.Core.Domain.Directory;

namespace Nop.Services.Directory;

public partial interface ICountryService
{
    Task<Country> GetCountryByIdAsync(int countryId);

    Task<Country> GetCountryByTwoLetterIsoCodeAsync(string twoLetterIsoCode);
}
