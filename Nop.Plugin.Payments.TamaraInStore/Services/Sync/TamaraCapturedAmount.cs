using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Sync;

/// <summary>
/// Whether Tamara captured exactly what the session asked for: same currency, same amount in the currency's minor units
/// </summary>
public static class TamaraCapturedAmount
{
    private static readonly HashSet<string> _threeDecimalCurrencies = new(StringComparer.OrdinalIgnoreCase) { "KWD", "BHD", "OMR" };

    public static int DecimalsOf(string currencyCode) => _threeDecimalCurrencies.Contains(currencyCode ?? string.Empty) ? 3 : 2;

    public static decimal Round(decimal amount, string currencyCode) =>
        Math.Round(amount, DecimalsOf(currencyCode), MidpointRounding.AwayFromZero);

    public static bool Matches(decimal expectedAmount, string expectedCurrency, TamaraMoney captured)
    {
        if (captured is null || string.IsNullOrEmpty(expectedCurrency))
            return false;

        if (!string.Equals(expectedCurrency, captured.Currency?.Trim(), StringComparison.OrdinalIgnoreCase))
            return false;

        return Round(expectedAmount, expectedCurrency) == Round(captured.Amount, expectedCurrency);
    }

    public static string Format(decimal amount, string currencyCode) =>
        $"{Round(amount, currencyCode).ToString("F" + DecimalsOf(currencyCode), System.Globalization.CultureInfo.InvariantCulture)} {currencyCode}";

    public static string Format(TamaraMoney money) => money is null ? "-" : Format(money.Amount, money.Currency);
}
