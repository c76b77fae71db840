using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace TamaraSimulator;

/// <summary>Builds the tamaraToken: a JWT signed HS256 with the notification token.</summary>
public static class NotificationTokenSigner
{
    public static string Create(string notificationToken, DateTimeOffset issuedAt, TimeSpan lifetime)
    {
        var header = new JsonObject { ["alg"] = "HS256", ["typ"] = "JWT" };
        var iat = issuedAt.ToUnixTimeSeconds();
        var claims = new JsonObject
        {
            ["iat"] = iat,
            ["exp"] = iat + (long)lifetime.TotalSeconds,
            ["iss"] = "Tamara",
        };
        var signingInput = Base64Url(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." +
                           Base64Url(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(notificationToken), Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url(signature);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
