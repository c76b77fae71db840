using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace Nop.Plugin.Payments.TamaraInStore.Infrastructure;

/// <summary>
/// Takes the tamaraToken out of a webhook delivery's query string before anything else runs. nopCommerce's logger stores
/// the page URL with its query string on every log entry (<c>IWebHelper.GetThisPageUrl(true)</c>), so a token left there
/// would reach the log with each entry written during the delivery. The webhook reads it from <see cref="HttpContext.Items"/>.
/// </summary>
public class WebhookTokenMiddleware
{
    /// <summary>Where the token taken from the query string is kept for the webhook</summary>
    public const string QueryTokenItem = "Payments.TamaraInStore.QueryToken";

    public const string TokenQueryName = "tamaraToken";

    private readonly RequestDelegate _next;

    public WebhookTokenMiddleware(RequestDelegate next)
    {
        _next = next;
    }

    public Task InvokeAsync(HttpContext context)
    {
        MoveQueryToken(context);
        return _next(context);
    }

    /// <summary>On the webhook's path only: the token (if any) moves from the query string to the request's items</summary>
    public static void MoveQueryToken(HttpContext context)
    {
        var request = context.Request;
        if (!request.QueryString.HasValue || !IsWebhookPath(request.Path))
            return;

        var query = request.Query;
        var names = query.Keys.Where(name => string.Equals(name, TokenQueryName, StringComparison.OrdinalIgnoreCase)).ToList();
        if (names.Count == 0)
            return;

        context.Items[QueryTokenItem] = query[names[0]].ToString();

        var rest = new QueryBuilder();
        foreach (var (name, values) in query.Where(pair => !names.Contains(pair.Key)))
        {
            foreach (var value in values)
                rest.Add(name, value ?? string.Empty);
        }

        request.QueryString = rest.ToQueryString();
    }

    private static bool IsWebhookPath(PathString path) =>
        path.HasValue && path.Value.TrimEnd('/').EndsWith("/" + TamaraInStoreDefaults.WebhookPath, StringComparison.OrdinalIgnoreCase);
}
