using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Sync;

/// <summary>
/// Whether Tamara captured exactly what the session asked for: same currency, same amount in the currency's minor units
/// </summary>
public static class TamaraCapturedAmount
{
    public static bool Matches(decimal expectedAmount, string expectedCurrency, TamaraMoney captured)
    {
        if (captured is null || string.IsNullOrEmpty(expectedCurrency))
            return false;

        if (!string.Equals(expectedCurrency, captured.Currency?.Trim(), StringComparison.OrdinalIgnoreCase))
            return false;

        return TamaraMoneyRounding.Round(expectedAmount, expectedCurrency) == TamaraMoneyRounding.Round(captured.Amount, expectedCurrency);
    }

    public static string Format(decimal amount, string currencyCode) => TamaraMoneyRounding.Format(amount, currencyCode);

    public static string Format(TamaraMoney money) => money is null ? "-" : TamaraMoneyRounding.Format(money.Amount, money.Currency);
}
