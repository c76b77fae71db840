using System.Globalization;

namespace Nop.Plugin.Payments.TamaraInStore.Services;

/// <summary>
/// Money in the minor unit of its currency, as Tamara expects amounts: three decimals for KWD, BHD and OMR, two otherwise
/// </summary>
public static class TamaraMoneyRounding
{
    private static readonly string[] _threeDecimalCurrencies = ["KWD", "BHD", "OMR"];

    public static int DecimalPlaces(string currencyCode) =>
        _threeDecimalCurrencies.Contains(currencyCode?.Trim().ToUpperInvariant()) ? 3 : 2;

    public static decimal Round(decimal amount, string currencyCode) =>
        Math.Round(amount, DecimalPlaces(currencyCode), MidpointRounding.AwayFromZero);

    /// <summary>The smallest amount of the currency: 0.01 or 0.001</summary>
    public static decimal MinorUnit(string currencyCode) => DecimalPlaces(currencyCode) == 3 ? 0.001m : 0.01m;

    /// <summary>e.g. "1,234.50 SAR" or "10.258 KWD", the same in every culture (notes and logs are read by people in several languages)</summary>
    public static string Format(decimal amount, string currencyCode) =>
        $"{Round(amount, currencyCode).ToString("N" + DecimalPlaces(currencyCode), CultureInfo.InvariantCulture)} {currencyCode}";
}
