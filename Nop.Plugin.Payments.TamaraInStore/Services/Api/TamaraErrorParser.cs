using System.Globalization;
using System.Net;
using Newtonsoft.Json.Linq;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Api;

/// <summary>
/// Reads Tamara's error bodies. The shape is not fixed (see api-notes.md), so all of these are understood:
/// { "message": "..", "errors": [ { "error_code": "..", "error_message" | "message" | "description": ".." } ] },
/// "errors" as a list of strings or as a dictionary { "field": "text" | ["text", ..] }, and bodies that are empty or not JSON.
/// </summary>
public static class TamaraErrorParser
{
    public sealed record TamaraError(string Message, IReadOnlyList<string> ErrorCodes, bool HasTamaraMessage);

    /// <summary>An HTML page (by its content type or its first character) rather than an API answer</summary>
    public static bool IsWebPage(string mediaType, string body) =>
        string.Equals(mediaType, "text/html", StringComparison.OrdinalIgnoreCase)
        || string.Equals(mediaType, "application/xhtml+xml", StringComparison.OrdinalIgnoreCase)
        || (body?.TrimStart() is { Length: > 0 } text && text[0] == '<');

    public static TamaraError Parse(HttpStatusCode statusCode, string body)
    {
        var codes = new List<string>();
        var details = new List<string>();
        string message = null;

        if (TamaraJson.TryParse(body) is JObject root)
        {
            message = Text(root["message"]) ?? Text(root["error_message"]) ?? Text(root["error"]);
            AddCode(codes, root["error_code"]);
            ReadErrors(root["errors"], codes, details);
        }

        details = details.Where(detail => !string.Equals(detail, message, StringComparison.Ordinal)).Distinct().ToList();
        var hasTamaraMessage = message is not null || details.Count > 0;
        var text = (message, details.Count) switch
        {
            (not null, > 0) => $"{message}: {string.Join("; ", details)}",
            (not null, _) => message,
            (null, > 0) => string.Join("; ", details),
            _ => $"Tamara answered HTTP {(int)statusCode} ({statusCode}) without a readable error message"
        };

        return new TamaraError(text, codes.Distinct().ToList(), hasTamaraMessage);
    }

    private static void ReadErrors(JToken errors, List<string> codes, List<string> details)
    {
        switch (errors)
        {
            case JArray list:
                foreach (var entry in list)
                {
                    if (entry is JObject error)
                    {
                        AddCode(codes, error["error_code"] ?? error["code"]);
                        AddText(details, error["error_message"] ?? error["message"] ?? error["description"]);
                    }
                    else
                        AddText(details, entry);
                }
                break;

            case JObject byField:
                foreach (var field in byField.Properties())
                {
                    var texts = field.Value is JArray array ? array.Select(Text) : [Text(field.Value)];
                    foreach (var text in texts.Where(text => text is not null))
                        details.Add($"{field.Name}: {text}");
                }
                break;

            default:
                AddText(details, errors);
                break;
        }
    }

    private static void AddCode(List<string> codes, JToken token)
    {
        if (Text(token) is { } code)
            codes.Add(code);
    }

    private static void AddText(List<string> details, JToken token)
    {
        if (Text(token) is { } text)
            details.Add(text);
    }

    private static string Text(JToken token) => token is JValue { Value: not null } value
        && value.Type is not JTokenType.Null and not JTokenType.Undefined
        && value.ToString(null, CultureInfo.InvariantCulture).Trim() is { Length: > 0 } text ? text : null;
}
