using System.Net;
using System.Text;

namespace TamaraSimulator;

internal static class Html
{
    public static string E(object? value) => WebUtility.HtmlEncode(value?.ToString() ?? "");

    public static IResult Page(string title, string body, int statusCode = StatusCodes.Status200OK)
    {
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(title)).Append("</title>")
            .Append("<style>body{font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}")
            .Append("table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3rem;text-align:left}")
            .Append("button{font-size:1.1rem;padding:.5rem 1.5rem;margin:.3rem}.pay{background:#1a7f37;color:#fff}")
            .Append(".decline{background:#b42318;color:#fff}.status{font-weight:bold}</style></head><body>")
            .Append("<p><small>Tamara simulator – nothing here is real</small></p>")
            .Append("<h1>").Append(E(title)).Append("</h1>")
            .Append(body)
            .Append("</body></html>")
            .ToString();
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }
}
