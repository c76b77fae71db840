using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Api;

/// <summary>
/// Checks the tamaraToken of a webhook delivery.
/// </summary>
/// <remarks>
/// The signature is checked here with HMACSHA256 and a constant-time comparison, and the library only parses the token:
/// Microsoft.IdentityModel refuses HS256 keys shorter than 128 bits (IDX10653), and nothing guarantees that a merchant's
/// notification token is that long. Padding the key would change it, so that is not an option.
/// Only the signature and the lifetime are checked: which claims Tamara puts in the token (issuer, audience, ...) is unsure.
/// A token without exp is accepted; a replayed delivery is harmless because the order is always read back from Tamara.
/// </remarks>
public class TamaraNotificationTokenValidator : ITamaraNotificationTokenValidator
{
    public static TimeSpan ClockSkew { get; } = TimeSpan.FromMinutes(2);

    private const string Hs256 = SecurityAlgorithms.HmacSha256;
    private readonly TimeProvider _timeProvider;

    public TamaraNotificationTokenValidator(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// The token of a webhook request: the bearer token of the Authorization header first (Tamara sends both), else the
    /// tamaraToken query parameter
    /// </summary>
    public static string ExtractToken(string tamaraTokenQueryValue, string authorizationHeader)
    {
        const string bearer = "Bearer ";
        var header = authorizationHeader?.Trim();
        if (header is not null && header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            var token = header[bearer.Length..].Trim();
            if (token.Length > 0)
                return token;
        }

        return string.IsNullOrWhiteSpace(tamaraTokenQueryValue) ? null : tamaraTokenQueryValue.Trim();
    }

    public bool IsValid(string token, string notificationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || string.IsNullOrEmpty(notificationToken))
            return false;

        try
        {
            var parts = token.Split('.');
            if (parts.Length != 3 || parts.Any(string.IsNullOrEmpty))
                return false;

            var jwt = new JsonWebToken(token);
            return jwt.Alg == Hs256 && SignatureMatches(parts, notificationToken) && WithinLifetime(jwt);
        }
        catch (Exception)
        {
            // anything unreadable is simply not a valid token
            return false;
        }
    }

    private static bool SignatureMatches(string[] parts, string notificationToken)
    {
        var signedPart = Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}");
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(notificationToken), signedPart);
        var actual = Base64UrlEncoder.DecodeBytes(parts[2]);

        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    private bool WithinLifetime(JsonWebToken jwt)
    {
        var now = _timeProvider.GetUtcNow();

        if (jwt.TryGetClaim(JwtRegisteredClaimNames.Exp, out _))
        {
            if (!jwt.TryGetPayloadValue<double>(JwtRegisteredClaimNames.Exp, out var exp) || now >= FromNumericDate(exp) + ClockSkew)
                return false;
        }

        if (jwt.TryGetClaim(JwtRegisteredClaimNames.Nbf, out _))
        {
            if (!jwt.TryGetPayloadValue<double>(JwtRegisteredClaimNames.Nbf, out var nbf) || now < FromNumericDate(nbf) - ClockSkew)
                return false;
        }

        return true;
    }

    private static DateTimeOffset FromNumericDate(double seconds) => DateTimeOffset.UnixEpoch.AddSeconds(seconds);
}
