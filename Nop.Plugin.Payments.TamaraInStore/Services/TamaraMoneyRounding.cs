namespace Nop.Plugin.Payments.TamaraInStore.Services;

/// <summary>
/// Amounts sent to Tamara carry exactly the minor units of their currency
/// </summary>
public static class TamaraMoneyRounding
{
    private static readonly HashSet<string> _threeDecimalCurrencies = new(StringComparer.OrdinalIgnoreCase) { "KWD", "BHD", "OMR" };

    public static int DecimalsOf(string currencyCode) => _threeDecimalCurrencies.Contains(currencyCode ?? string.Empty) ? 3 : 2;

    public static decimal Round(decimal amount, string currencyCode) =>
        Math.Round(amount, DecimalsOf(currencyCode), MidpointRounding.AwayFromZero);

    /// <summary>The smallest amount of the currency: 0.01 or 0.001</summary>
    public static decimal MinorUnit(string currencyCode) => DecimalsOf(currencyCode) == 3 ? 0.001m : 0.01m;
}
