namespace TamaraSimulator;

/// <summary>Tells Tamara API paths (token required, faults apply) from the simulator's own pages and control API.</summary>
internal static class ApiPaths
{
    private static readonly string[] NonApiPrefixes = ["/_sim", "/sms", "/pay/"];

    public static bool IsApi(PathString path)
    {
        var value = path.Value ?? "/";
        if (value is "/" or "/favicon.ico")
        {
            return false;
        }

        return !NonApiPrefixes.Any(p => value.StartsWith(p, StringComparison.OrdinalIgnoreCase));
    }
}
