using System.Net;
using System.Text;

namespace TamaraSimulator.Tests.Support;

internal sealed record JsonAnswer(HttpStatusCode Status, JsonNode? Body, string Text, HttpResponseMessage Response);

internal static class HttpJson
{
    public static async Task<JsonAnswer> SendAsync(this HttpClient client, HttpMethod method, string path, JsonNode? body = null,
        Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        configure?.Invoke(request);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? node = null;
        try
        {
            node = text.Length > 0 ? JsonNode.Parse(text) : null;
        }
        catch (System.Text.Json.JsonException)
        {
        }

        return new JsonAnswer(response.StatusCode, node, text, response);
    }

    public static Task<JsonAnswer> PostAsync(this HttpClient client, string path, JsonNode? body = null) =>
        client.SendAsync(HttpMethod.Post, path, body);

    public static Task<JsonAnswer> GetJsonAsync(this HttpClient client, string path) =>
        client.SendAsync(HttpMethod.Get, path);

    public static decimal Amount(this JsonNode? node, string field) => node![field]!["amount"]!.GetValue<decimal>();

    public static string Str(this JsonNode? node, string field) => node![field]!.GetValue<string>();

    public static string FirstErrorCode(this JsonAnswer answer) => answer.Body!["errors"]![0]!["error_code"]!.GetValue<string>();

    public static IReadOnlyList<string> ErrorCodes(this JsonAnswer answer) =>
        answer.Body!["errors"]!.AsArray().Select(e => e!["error_code"]!.GetValue<string>()).ToList();
}
