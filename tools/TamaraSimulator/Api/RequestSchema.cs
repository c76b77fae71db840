using System.Text.Json;
using System.Text.Json.Nodes;

namespace TamaraSimulator;

/// <summary>
/// The limits of Tamara's reference schema that every request is held to (required fields are checked where each
/// body is read): enums, lengths, and the store code that additional_data must carry when it is sent.
/// </summary>
internal static class RequestSchema
{
    public static readonly string[] Locales = ["ar_SA", "en_US"];
    public static readonly string[] PaymentTypes = ["PAY_BY_INSTALMENTS", "PAY_NOW"];

    public const int NameMaxLength = 255;
    public const int SkuMaxLength = 128;
    public const int UrlMaxLength = 1024;
    public const int WebhookUrlMaxLength = 255;
    public const int PlatformMaxLength = 255;

    /// <summary>An optional enum field: absent is fine, anything else must be one of <paramref name="allowed"/>.</summary>
    public static string? ReadEnum(JsonObject body, string field, string[] allowed, ValidationIssues issues)
    {
        var value = RequestJson.ReadString(body, field, issues, required: false);
        if (value is not null && !allowed.Contains(value, StringComparer.Ordinal))
        {
            issues.Invalid($"invalid_{field}", $"{field} must be one of {string.Join(", ", allowed)}");
            return null;
        }

        return value;
    }

    /// <summary>An optional URL of an item (item_url, image_url): a string of at most 1024 characters.</summary>
    public static string? ReadUrl(JsonObject item, string field, string path, ValidationIssues issues)
    {
        var node = item[field];
        if (node is null)
        {
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            issues.Invalid($"invalid_item_{field}", $"{path}.{field} must be a string");
            return null;
        }

        var value = node.GetValue<string>();
        if (value.Length > UrlMaxLength)
        {
            issues.Invalid($"invalid_item_{field}", $"{path}.{field} must be at most {UrlMaxLength} characters");
            return null;
        }

        return value;
    }

    /// <summary>additional_data is optional, but when it is sent it must be an object carrying store_code.</summary>
    public static JsonObject? ReadAdditionalData(JsonObject body, ValidationIssues issues)
    {
        if (body["additional_data"] is not { } node)
        {
            return null;
        }

        if (node is not JsonObject additional)
        {
            issues.Invalid("invalid_additional_data", "additional_data must be an object");
            return null;
        }

        var storeCode = additional["store_code"];
        if (storeCode is null || storeCode.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(storeCode.GetValue<string>()))
        {
            issues.Invalid("store_code_required", "additional_data.store_code is required when additional_data is sent");
            return null;
        }

        return additional.DeepClone().AsObject();
    }
}
