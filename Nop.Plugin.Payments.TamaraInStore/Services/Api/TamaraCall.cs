namespace Nop.Plugin.Payments.TamaraInStore.Services.Api;

/// <summary>
/// One call to Tamara's API as the client describes it to <see cref="TamaraRequestSender"/>
/// </summary>
/// <param name="Method">HTTP method</param>
/// <param name="Path">Path with every value already escaped, e.g. /merchants/orders/abc</param>
/// <param name="Retryable">Whether repeating the call can never cause a second effect at Tamara</param>
internal sealed record TamaraCall(HttpMethod Method, string Path, bool Retryable)
{
    /// <summary>Query parameters; empty values are left out</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = [];

    /// <summary>Serialized as JSON when not null</summary>
    public object Body { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>A 404 answer means "nothing there" rather than an error</summary>
    public bool NotFoundIsEmpty { get; init; }

    /// <summary>An error status the client handles itself (e.g. by trying another way), so it is not logged as a failure</summary>
    public System.Net.HttpStatusCode? HandledFailureStatus { get; init; }

    /// <summary>Whether a success answer must carry a JSON body</summary>
    public bool ResponseBodyRequired { get; init; } = true;

    /// <summary>"METHOD /path", without the query: it is safe for logs and error messages</summary>
    public string Endpoint => $"{Method.Method} {Path}";

    public string PathAndQuery
    {
        get
        {
            var parameters = Query
                .Where(parameter => !string.IsNullOrEmpty(parameter.Value))
                .Select(parameter => $"{Uri.EscapeDataString(parameter.Key)}={Uri.EscapeDataString(parameter.Value)}")
                .ToList();

            return parameters.Count == 0 ? Path : $"{Path}?{string.Join("&", parameters)}";
        }
    }

    public static string Escape(string pathValue) => Uri.EscapeDataString(pathValue ?? string.Empty);
}
