using System.Text.Json;
using System.Text.Json.Nodes;

namespace TamaraSimulator;

internal static class RequestJson
{
    /// <summary>Reads the body as a JSON object; null plus an error result when it is not one.</summary>
    public static async Task<(JsonObject? Body, IResult? Error)> ReadObjectAsync(HttpRequest request)
    {
        try
        {
            var node = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            if (node is JsonObject obj)
            {
                return (obj, null);
            }
        }
        catch (JsonException)
        {
        }

        return (null, ApiResponses.Error(StatusCodes.Status400BadRequest, "invalid_json", "The request body must be a JSON object"));
    }

    public static string? ReadString(JsonObject body, string field, ValidationIssues issues, bool required, int maxLength = 255)
    {
        var node = body[field];
        if (node is null)
        {
            if (required)
            {
                issues.Invalid($"{field}_required", $"{field} is required");
            }

            return null;
        }

        if (node.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(node.GetValue<string>()))
        {
            issues.Invalid($"invalid_{field}", $"{field} must be a non-empty string");
            return null;
        }

        var value = node.GetValue<string>();
        if (value.Length > maxLength)
        {
            issues.Invalid($"invalid_{field}", $"{field} must be at most {maxLength} characters");
            return null;
        }

        return value;
    }

    public static bool TryReadDecimal(JsonNode? node, out decimal value)
    {
        value = 0m;
        return node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out value);
    }

    public static bool TryReadInt(JsonNode? node, out int value)
    {
        value = 0;
        return node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out value);
    }
}
