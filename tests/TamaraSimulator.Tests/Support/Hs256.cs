using System.Security.Cryptography;
using System.Text;

namespace TamaraSimulator.Tests.Support;

/// <summary>Checks a JWT's HS256 signature by hand, the way a merchant's webhook handler would.</summary>
internal static class Hs256
{
    public static (JsonNode Header, JsonNode Claims) VerifyAndRead(string token, string secret)
    {
        var parts = token.Split('.');
        Assert.That(parts, Has.Length.EqualTo(3), "a JWT has three parts");
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        Assert.That(CryptographicOperations.FixedTimeEquals(expected, FromBase64Url(parts[2])), Is.True, "signature must verify");
        return (JsonNode.Parse(FromBase64Url(parts[0]))!, JsonNode.Parse(FromBase64Url(parts[1]))!);
    }

    public static bool SignatureValid(string token, string secret)
    {
        var parts = token.Split('.');
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        return CryptographicOperations.FixedTimeEquals(expected, FromBase64Url(parts[2]));
    }

    private static byte[] FromBase64Url(string value)
    {
        var s = value.Replace('-', '+').Replace('_', '/');
        s += (s.Length % 4) switch { 2 => "==", 3 => "=", _ => "" };
        return Convert.FromBase64String(s);
    }
}
