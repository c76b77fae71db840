using System.Text.Json;
using System.Text.Json.Nodes;

namespace TamaraSimulator;

internal static class MoneyReader
{
    /// <summary>
    /// Reads { "amount": number, "currency": "XXX" }; amounts given as strings, a currency outside the schema's enum and
    /// more decimals than the currency has (2; 3 for BHD, KWD, OMR) are rejected.
    /// </summary>
    public static Money? Read(JsonNode? node, string field, ValidationIssues issues, bool required)
    {
        if (node is null)
        {
            if (required)
            {
                issues.Invalid($"{field}_required", $"{field} is required");
            }

            return null;
        }

        if (node is not JsonObject obj)
        {
            issues.Invalid($"invalid_{field}", $"{field} must be an object with amount and currency");
            return null;
        }

        if (!RequestJson.TryReadDecimal(obj["amount"], out var amount))
        {
            issues.Invalid($"invalid_{field}", $"{field}.amount must be a number");
            return null;
        }

        var currency = obj["currency"];
        if (currency is null || currency.GetValueKind() != JsonValueKind.String || currency.GetValue<string>().Length == 0)
        {
            issues.Invalid($"invalid_{field}", $"{field}.currency is required");
            return null;
        }

        var code = currency.GetValue<string>();
        if (!Currencies.Schema.Contains(code, StringComparer.Ordinal))
        {
            issues.Invalid("invalid_currency", $"{field}.currency must be one of {string.Join(", ", Currencies.Schema)}");
            return null;
        }

        var decimals = Currencies.Decimals(code);
        if (decimal.Round(amount, decimals) != amount)
        {
            issues.Invalid("invalid_amount_precision", $"{field}.amount has more than {decimals} decimals for {code}");
            return null;
        }

        return new Money(amount, code);
    }

    /// <summary>The order-level discount: { "name", "amount": { money } } as in the order schema, or a plain money object.</summary>
    public static (Money? Amount, string Name) ReadDiscount(JsonNode? node, ValidationIssues issues)
    {
        if (node is JsonObject { } obj && obj["amount"] is JsonObject inner)
        {
            var name = obj["name"]?.GetValueKind() == JsonValueKind.String ? obj["name"]!.GetValue<string>() : "";
            return (Read(inner, "discount_amount", issues, required: true), name);
        }

        return (Read(node, "discount_amount", issues, required: false), "");
    }
}
