namespace TamaraSimulator;

/// <summary>An amount in one currency, as Tamara writes it: { "amount": 300, "currency": "SAR" }.</summary>
public sealed record Money(decimal Amount, string Currency)
{
    public static Money Zero(string currency) => new(0m, currency);
}
