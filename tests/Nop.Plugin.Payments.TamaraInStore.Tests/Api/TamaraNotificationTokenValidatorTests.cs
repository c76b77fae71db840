using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Api;

[TestFixture]
public class TamaraNotificationTokenValidatorTests
{
    private const string NotificationToken = "notification-token-3f1b7c2e-aa40-4c1e-9d55-0b6f1f0c2d11";
    private static readonly DateTimeOffset _now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private FakeTimeProvider _time;
    private TamaraNotificationTokenValidator _validator;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(_now);
        _validator = new TamaraNotificationTokenValidator(_time);
    }

    private static long Unix(DateTimeOffset time) => time.ToUnixTimeSeconds();

    private static string Segment(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));

    private static string Sign(string header, string payload, string key, Func<byte[], byte[], byte[]> hmac = null)
    {
        var signingInput = $"{Segment(header)}.{Segment(payload)}";
        var signature = (hmac ?? HMACSHA256.HashData)(Encoding.UTF8.GetBytes(key), Encoding.ASCII.GetBytes(signingInput));
        return $"{signingInput}.{Base64UrlEncoder.Encode(signature)}";
    }

    private static string Hs256(string payload, string key = NotificationToken) => Sign("""{"alg":"HS256","typ":"JWT"}""", payload, key);

    [Test]
    public void Valid_token_within_its_lifetime_is_accepted()
    {
        var token = Hs256($$"""{"iat":{{Unix(_now.AddMinutes(-1))}},"exp":{{Unix(_now.AddMinutes(10))}}}""");

        Assert.That(_validator.IsValid(token, NotificationToken), Is.True);
    }

    [Test]
    public void Token_made_by_the_library_is_accepted()
    {
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object> { ["order_id"] = "o-1" },
            Expires = _now.AddMinutes(5).UtcDateTime,
            NotBefore = _now.AddMinutes(-5).UtcDateTime,
            IssuedAt = _now.AddMinutes(-5).UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(NotificationToken)), SecurityAlgorithms.HmacSha256)
        });

        Assert.That(_validator.IsValid(token, NotificationToken), Is.True);
    }

    [Test]
    public void Short_notification_token_still_works()
    {
        // Microsoft.IdentityModel refuses HS256 keys under 128 bits; the signature is checked by hand so short keys work too
        Assert.Throws<ArgumentOutOfRangeException>(() => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes("short")), SecurityAlgorithms.HmacSha256)
        }));

        var token = Hs256($$"""{"exp":{{Unix(_now.AddMinutes(10))}}}""", key: "short");

        Assert.That(_validator.IsValid(token, "short"), Is.True);
        Assert.That(_validator.IsValid(token, "shorT"), Is.False);
    }

    [Test]
    public void Token_without_exp_is_accepted()
    {
        // decided: Tamara's claims are unsure, so a missing exp is not a reason to drop a delivery;
        // replay is harmless because the order is always read back from Tamara
        Assert.That(_validator.IsValid(Hs256("""{"order_id":"o-1"}"""), NotificationToken), Is.True);
        Assert.That(_validator.IsValid(Hs256("{}"), NotificationToken), Is.True);
    }

    [Test]
    public void Expired_token_is_refused()
    {
        Assert.That(_validator.IsValid(Hs256($$"""{"exp":{{Unix(_now.AddMinutes(-10))}}}"""), NotificationToken), Is.False);
    }

    [Test]
    public void Expiry_within_the_clock_skew_is_tolerated()
    {
        Assert.That(_validator.IsValid(Hs256($$"""{"exp":{{Unix(_now.AddSeconds(-60))}}}"""), NotificationToken), Is.True);
        Assert.That(_validator.IsValid(Hs256($$"""{"exp":{{Unix(_now.AddSeconds(-121))}}}"""), NotificationToken), Is.False);
    }

    [Test]
    public void Token_expires_as_time_passes()
    {
        var token = Hs256($$"""{"exp":{{Unix(_now.AddMinutes(1))}}}""");
        Assert.That(_validator.IsValid(token, NotificationToken), Is.True);

        _time.Advance(TimeSpan.FromMinutes(4));

        Assert.That(_validator.IsValid(token, NotificationToken), Is.False);
    }

    [Test]
    public void Not_yet_valid_token_is_refused()
    {
        Assert.That(_validator.IsValid(Hs256($$"""{"nbf":{{Unix(_now.AddMinutes(10))}}}"""), NotificationToken), Is.False);
        Assert.That(_validator.IsValid(Hs256($$"""{"nbf":{{Unix(_now.AddSeconds(60))}}}"""), NotificationToken), Is.True, "within the skew");
    }

    [TestCase("""{"exp":"tomorrow"}""")]
    [TestCase("""{"exp":null}""")]
    [TestCase("""{"nbf":"soon"}""")]
    public void Unreadable_lifetime_is_refused(string payload)
    {
        Assert.That(_validator.IsValid(Hs256(payload), NotificationToken), Is.False);
    }

    [Test]
    public void Wrong_key_is_refused()
    {
        var token = Hs256($$"""{"exp":{{Unix(_now.AddMinutes(10))}}}""", key: "someone-elses-notification-token-0000000000");

        Assert.That(_validator.IsValid(token, NotificationToken), Is.False);
    }

    [Test]
    public void Tampered_payload_is_refused()
    {
        var token = Hs256($$"""{"order_id":"o-1","exp":{{Unix(_now.AddMinutes(10))}}}""");
        var parts = token.Split('.');
        var tampered = $"{parts[0]}.{Segment($$"""{"order_id":"o-2","exp":{{Unix(_now.AddMinutes(10))}}}""")}.{parts[2]}";

        Assert.That(_validator.IsValid(tampered, NotificationToken), Is.False);
    }

    [Test]
    public void Tampered_signature_is_refused()
    {
        var token = Hs256("{}");
        var flipped = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];

        Assert.That(_validator.IsValid(flipped, NotificationToken), Is.False);
    }

    [Test]
    public void Alg_none_is_refused()
    {
        var payload = Segment($$"""{"exp":{{Unix(_now.AddMinutes(10))}}}""");

        Assert.That(_validator.IsValid($"{Segment("""{"alg":"none","typ":"JWT"}""")}.{payload}.", NotificationToken), Is.False);
        Assert.That(_validator.IsValid(Sign("""{"alg":"none"}""", "{}", NotificationToken), NotificationToken), Is.False,
            "even with a correct HS256 signature");
    }

    [Test]
    public void Other_algorithms_are_refused()
    {
        Assert.That(_validator.IsValid(Sign("""{"alg":"HS512","typ":"JWT"}""", "{}", NotificationToken, HMACSHA512.HashData), NotificationToken), Is.False);
        Assert.That(_validator.IsValid(Sign("""{"alg":"HS512","typ":"JWT"}""", "{}", NotificationToken), NotificationToken), Is.False);
        Assert.That(_validator.IsValid(Sign("""{"alg":"RS256","typ":"JWT"}""", "{}", NotificationToken), NotificationToken), Is.False);
        Assert.That(_validator.IsValid(Sign("""{"alg":"hs256","typ":"JWT"}""", "{}", NotificationToken), NotificationToken), Is.False);
        Assert.That(_validator.IsValid(Sign("""{"typ":"JWT"}""", "{}", NotificationToken), NotificationToken), Is.False);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("garbage")]
    [TestCase("a.b.c")]
    [TestCase("..")]
    [TestCase("a.b.c.d.e")]
    [TestCase("eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln")]
    public void Garbage_is_refused_without_throwing(string token)
    {
        Assert.That(_validator.IsValid(token, NotificationToken), Is.False);
    }

    [TestCase(null)]
    [TestCase("")]
    public void Missing_notification_token_refuses_everything(string notificationToken)
    {
        Assert.That(_validator.IsValid(Hs256("{}", key: "x"), notificationToken), Is.False);
    }

    [TestCase("from-query", "Bearer from-header", ExpectedResult = "from-header")]
    [TestCase("from-query", "Basic dXNlcjpwYXNz", ExpectedResult = "from-query")]
    [TestCase("from-query", "Bearer ", ExpectedResult = "from-query")]
    [TestCase(" from-query ", null, ExpectedResult = "from-query")]
    [TestCase(null, "Bearer from-header", ExpectedResult = "from-header")]
    [TestCase("", "bearer  from-header ", ExpectedResult = "from-header")]
    [TestCase(null, "Basic dXNlcjpwYXNz", ExpectedResult = null)]
    [TestCase(null, "Bearer ", ExpectedResult = null)]
    [TestCase(null, null, ExpectedResult = null)]
    public string Token_is_taken_from_the_bearer_header_first_then_the_query(string query, string header) =>
        TamaraNotificationTokenValidator.ExtractToken(query, header);
}
