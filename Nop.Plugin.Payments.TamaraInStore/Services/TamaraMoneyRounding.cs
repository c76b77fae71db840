namespace Nop.Plugin.Payments.TamaraInStore.Services;

/// <summary>
/// Rounds money to the minor unit of its currency, as Tamara expects amounts
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
}
