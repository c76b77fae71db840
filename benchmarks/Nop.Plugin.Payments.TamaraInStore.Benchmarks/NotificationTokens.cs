using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Nop.Plugin.Payments.TamaraInStore.Benchmarks;

/// <summary>Webhook tokens as Tamara signs them: HS256 with the notification token, iat/exp, issuer Tamara</summary>
public static class NotificationTokens
{
    public static string Create(string notificationToken, DateTimeOffset now)
    {
        var header = Base64UrlEncoder.Encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        var payload = Base64UrlEncoder.Encode($"{{\"iat\":{now.ToUnixTimeSeconds()},\"exp\":{now.AddMinutes(5).ToUnixTimeSeconds()},\"iss\":\"Tamara\",\"jti\":\"{Guid.NewGuid():N}\"}}");
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(notificationToken), Encoding.ASCII.GetBytes($"{header}.{payload}"));
        return $"{header}.{payload}.{Base64UrlEncoder.Encode(signature)}";
    }
}
