using System.Net.Mail;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Services.Common;
using Nop.Services.Customers;
using Nop.Services.Directory;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Counter;

/// <summary>
/// The counter's customer, by mobile number: found among nopCommerce's customers, or made of the sale's guest customer
/// (registered, no e-mail, name optional). nopCommerce places an order only with a billing address holding a valid e-mail
/// (OrderProcessingService.PrepareAndValidateBillingAddressAsync): a customer without one gets an address whose e-mail is
/// the typed one or, when none was typed, an address under the reserved ".invalid" domain, which no mail server delivers.
/// </summary>
public class TamaraCounterCustomerService
{
    public const string NoEmailDomain = "counter.invalid";

    private readonly IAddressService _addressService;
    private readonly ICountryService _countryService;
    private readonly ICustomerService _customerService;
    private readonly IRepository<Customer> _customerRepository;
    private readonly TimeProvider _timeProvider;

    public TamaraCounterCustomerService(IAddressService addressService,
        ICountryService countryService,
        ICustomerService customerService,
        IRepository<Customer> customerRepository,
        TimeProvider timeProvider)
    {
        _addressService = addressService;
        _countryService = countryService;
        _customerService = customerService;
        _customerRepository = customerRepository;
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// The customer whose phone is this mobile number, as Tamara's format (966501234567) or as typed in nopCommerce
    /// (+966501234567, 0501234567, 501234567); the oldest when several share it; null when none
    /// </summary>
    public virtual async Task<Customer> FindByPhoneAsync(string normalizedPhone, string countryCode)
    {
        if (string.IsNullOrEmpty(normalizedPhone))
            return null;

        var forms = PhoneForms(normalizedPhone, countryCode);
        return await _customerRepository.Table
            .Where(customer => !customer.Deleted && !customer.IsSystemAccount && customer.Phone != null && forms.Contains(customer.Phone))
            .OrderBy(customer => customer.Id)
            .FirstOrDefaultAsync();
    }

    /// <summary>The forms one mobile number is commonly stored in</summary>
    public static IList<string> PhoneForms(string normalizedPhone, string countryCode)
    {
        var forms = new List<string> { normalizedPhone, "+" + normalizedPhone, "00" + normalizedPhone };
        var prefix = TamaraInStoreDefaults.CountryCallingCodes.TryGetValue(countryCode ?? string.Empty, out var code) ? code : null;
        if (prefix is not null && normalizedPhone.StartsWith(prefix, StringComparison.Ordinal))
        {
            var national = normalizedPhone[prefix.Length..];
            forms.Add(national);
            forms.Add("0" + national);
        }

        return forms;
    }

    /// <summary>Makes the sale's guest customer a registered customer with this mobile number and the name typed, if any</summary>
    public virtual async Task RegisterAsync(Customer saleCustomer, string normalizedPhone, string name, int storeId)
    {
        var (firstName, lastName) = SplitName(name);
        saleCustomer.Phone = normalizedPhone;
        saleCustomer.FirstName = firstName;
        saleCustomer.LastName = lastName;
        saleCustomer.Active = true;
        saleCustomer.RegisteredInStoreId = storeId;
        await _customerService.UpdateCustomerAsync(saleCustomer);

        if (await _customerService.GetCustomerRoleBySystemNameAsync(NopCustomerDefaults.GuestsRoleName) is { } guests)
            await _customerService.RemoveCustomerRoleMappingAsync(saleCustomer, guests);

        var registered = await _customerService.GetCustomerRoleBySystemNameAsync(NopCustomerDefaults.RegisteredRoleName)
            ?? throw new InvalidOperationException("nopCommerce's 'Registered' customer role is missing");
        await _customerService.AddCustomerRoleMappingAsync(new CustomerCustomerRoleMapping { CustomerId = saleCustomer.Id, CustomerRoleId = registered.Id });
    }

    /// <summary>
    /// Gives the customer a billing address nopCommerce accepts for an order (a valid e-mail, the merchant's country), and
    /// the same address for shipping when the cart holds shippable goods and none is set
    /// </summary>
    public virtual async Task PrepareAddressesAsync(Customer customer, string normalizedPhone, string email, string name, string countryCode, bool requiresShipping)
    {
        var billing = customer.BillingAddressId is int billingId ? await _addressService.GetAddressByIdAsync(billingId) : null;
        if (billing is null || !IsValidEmail(billing.Email) || !string.IsNullOrWhiteSpace(email) && !string.Equals(billing.Email, email.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            var (firstName, lastName) = SplitName(name);
            var country = string.IsNullOrWhiteSpace(countryCode) ? null : await _countryService.GetCountryByTwoLetterIsoCodeAsync(countryCode);
            billing = new Address
            {
                FirstName = firstName ?? customer.FirstName,
                LastName = lastName ?? customer.LastName,
                Email = IsValidEmail(email) ? email.Trim() : $"{normalizedPhone}@{NoEmailDomain}",
                PhoneNumber = normalizedPhone,
                CountryId = country?.Id,
                CreatedOnUtc = _timeProvider.GetUtcNow().UtcDateTime
            };
            await _addressService.InsertAddressAsync(billing);
            await _customerService.InsertCustomerAddressAsync(customer, billing);
            customer.BillingAddressId = billing.Id;
        }

        if (requiresShipping && customer.ShippingAddressId is null)
            customer.ShippingAddressId = billing.Id;

        await _customerService.UpdateCustomerAsync(customer);
    }

    public static bool IsValidEmail(string email) =>
        !string.IsNullOrWhiteSpace(email) && MailAddress.TryCreate(email.Trim(), out var address) && address.Address == email.Trim()
        && address.Host.Contains('.');

    public static string DisplayName(Customer customer) =>
        string.Join(" ", new[] { customer?.FirstName, customer?.LastName }.Where(part => !string.IsNullOrWhiteSpace(part))).Trim();

    public static string MaskedPhone(string phone) => SensitiveDataMasker.MaskPhone(phone);

    private static (string FirstName, string LastName) SplitName(string name)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name))
            return (null, null);

        var space = name.IndexOf(' ');
        return space < 0 ? (name, null) : (name[..space], name[(space + 1)..].Trim());
    }
}
