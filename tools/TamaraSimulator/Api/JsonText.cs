using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TamaraSimulator;

internal static class JsonText
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Compact JSON without \u0027-style escapes of quotes and non-ASCII text (bodies are never embedded in HTML).</summary>
    public static string Write(JsonNode node) => node.ToJsonString(Readable);
}
