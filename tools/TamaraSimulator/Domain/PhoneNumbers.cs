using System.Text.RegularExpressions;

namespace TamaraSimulator;

/// <summary>
/// Plausibility rules for customer mobile numbers. Which forms the real API accepts is unsure;
/// the simulator accepts the local and the international forms and normalises to digits with
/// the country prefix (e.g. 966534274516), the form the order samples show.
/// </summary>
public static partial class PhoneNumbers
{
    private static readonly IReadOnlyDictionary<string, string> DialCodes = new Dictionary<string, string>
    {
        ["SA"] = "966",
        ["AE"] = "971",
        ["KW"] = "965",
        ["BH"] = "973",
        ["OM"] = "968",
        ["QA"] = "974",
    };

    public static bool IsKnownCountry(string countryCode) => DialCodes.ContainsKey(countryCode);

    /// <summary>Returns the normalised number, or null when it is not plausible for the country.</summary>
    public static string? Normalize(string? raw, string countryCode)
    {
        if (string.IsNullOrWhiteSpace(raw) || !DialCodes.TryGetValue(countryCode, out var dial))
        {
            return null;
        }

        var value = raw.Trim();
        return countryCode switch
        {
            // SA and AE mobiles: 9 digits starting with 5 locally.
            "SA" or "AE" => NormalizeWithLocal(value, dial, GulfMobile()),
            // Other Gulf countries: 8-digit local numbers (rules not modelled in detail).
            _ => NormalizeWithLocal(value, dial, EightDigits()),
        };
    }

    private static string? NormalizeWithLocal(string value, string dial, Regex local)
    {
        if (local.IsMatch(value))
        {
            return dial + value;
        }

        if (value.StartsWith('0') && local.IsMatch(value[1..]))
        {
            return dial + value[1..];
        }

        var withoutPlus = value.StartsWith('+') ? value[1..] : value;
        if (withoutPlus.StartsWith(dial, StringComparison.Ordinal) && local.IsMatch(withoutPlus[dial.Length..]))
        {
            return withoutPlus;
        }

        return null;
    }

    [GeneratedRegex("^5[0-9]{8}$")]
    private static partial Regex GulfMobile();

    [GeneratedRegex("^[0-9]{8}$")]
    private static partial Regex EightDigits();
}
