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
}
