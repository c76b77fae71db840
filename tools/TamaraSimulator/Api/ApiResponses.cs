using System.Text.Json.Nodes;

namespace TamaraSimulator;

internal static class ApiResponses
{
    public static IResult Json(JsonNode node, int statusCode = StatusCodes.Status200OK) =>
        Results.Text(JsonText.Write(node), "application/json", statusCode: statusCode);

    public static IResult Error(SimError error) => Error(error.StatusCode, error.ErrorCode, error.Message);

    public static IResult Error(int statusCode, string errorCode, string message) =>
        Json(ErrorBody(message, [(errorCode, message)]), statusCode);

    /// <summary>Tamara-like error: { "message": "...", "errors": [ { "error_code": "...", "message": "..." } ] }.</summary>
    public static JsonObject ErrorBody(string message, IEnumerable<(string Code, string Message)> errors)
    {
        var list = new JsonArray();
        foreach (var (code, text) in errors)
        {
            list.Add(new JsonObject { ["error_code"] = code, ["message"] = text });
        }

        return new JsonObject { ["message"] = message, ["errors"] = list };
    }

    public static async Task WriteErrorAsync(HttpContext context, int statusCode, string errorCode, string message)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonText.Write(ErrorBody(message, [(errorCode, message)])));
    }
}
