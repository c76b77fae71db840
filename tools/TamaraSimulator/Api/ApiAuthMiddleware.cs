using System.Security.Cryptography;
using System.Text;

namespace TamaraSimulator;

/// <summary>Every Tamara API call needs "Authorization: Bearer &lt;ApiToken&gt;".</summary>
internal sealed class ApiAuthMiddleware(RequestDelegate next, SimulatorOptions options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!ApiPaths.IsApi(context.Request.Path) || HasValidToken(context.Request))
        {
            await next(context);
            return;
        }

        await ApiResponses.WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "unauthorized",
            "Unauthorized: a valid API token is required in the Authorization header");
    }

    private bool HasValidToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var given = Encoding.UTF8.GetBytes(header[scheme.Length..].Trim());
        var expected = Encoding.UTF8.GetBytes(options.ApiToken);
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }
}
