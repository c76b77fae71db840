using PhoneNumbers;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Checkout;

/// <summary>
/// Turns what staff type into the one phone format sent to Tamara
/// </summary>
public class TamaraPhoneNumberService
{
    private static readonly PhoneNumberUtil _util = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// A mobile number of the merchant's country in the form sent to Tamara, or null when it is not one.
    /// Tamara's documentation shows both "534274516" and "9665…"; we send the full international number without
    /// '+' (E.164 digits, e.g. 966501234567) because it is unambiguous. This is the only place that decides the format.
    /// </summary>
    public virtual string Normalize(string input, string countryCode)
    {
        if (string.IsNullOrWhiteSpace(input) || string.IsNullOrWhiteSpace(countryCode))
            return null;

        var region = countryCode.Trim().ToUpperInvariant();

        PhoneNumber number;
        try
        {
            number = _util.Parse(input.Trim(), region);
        }
        catch (NumberParseException)
        {
            return null;
        }

        if (!_util.IsValidNumberForRegion(number, region))
            return null;

        // Tamara texts the payment link: a landline cannot receive it
        var type = _util.GetNumberType(number);
        if (type is not (PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE))
            return null;

        return _util.Format(number, PhoneNumberFormat.E164).TrimStart('+');
    }
}
