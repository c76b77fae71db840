using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Api;

/// <summary>
/// Makes request and response texts safe to log: phone numbers keep their last digits, e-mails their first letter
/// and domain, secrets and personal details nothing at all.
/// </summary>
public static partial class SensitiveDataMasker
{
    private const string Hidden = "***";
    private const int VisiblePhoneDigits = 3;

    private static readonly HashSet<string> _phoneFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "phone_number", "phone", "mobile", "mobile_number"
    };

    private static readonly HashSet<string> _emailFields = new(StringComparer.OrdinalIgnoreCase) { "email" };

    private static readonly HashSet<string> _hiddenFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "national_id", "first_name", "last_name", "full_name", "date_of_birth",
        "line1", "line2", "postal_code",
        "token", "api_token", "notification_token", "tamaraToken", "access_token", "authorization", "password", "secret"
    };

    public static string MaskPhone(string phone)
    {
        if (string.IsNullOrEmpty(phone))
            return phone;

        var digits = phone.Count(char.IsDigit);
        if (digits <= VisiblePhoneDigits)
            return Hidden;

        return new string('*', digits - VisiblePhoneDigits) + new string(phone.Where(char.IsDigit).TakeLast(VisiblePhoneDigits).ToArray());
    }

    public static string MaskEmail(string email)
    {
        if (string.IsNullOrEmpty(email))
            return email;

        var at = email.LastIndexOf('@');
        return at <= 0 ? Hidden : $"{email[0]}{Hidden}{email[at..]}";
    }

    /// <summary>Tokens and Authorization values are never shown, not even in part</summary>
    public static string MaskSecret(string secret) => string.IsNullOrEmpty(secret) ? secret : Hidden;

    /// <summary>
    /// Lets an admin recognise which saved token is in use without seeing it: its last four characters (••••ab12),
    /// nothing at all for a token too short to spare them
    /// </summary>
    public static string SecretHint(string secret)
    {
        const int visible = 4;
        if (string.IsNullOrEmpty(secret))
            return string.Empty;

        return secret.Length < visible * 4 ? "••••" : "••••" + secret[^visible..];
    }

    /// <summary>Masks a body: field by field when it is JSON, as free text otherwise</summary>
    public static string MaskBody(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return body;

        var json = TamaraJson.TryParse(body);
        if (json is null)
            return MaskText(body);

        MaskToken(json);
        return json.ToString(Formatting.None);
    }

    /// <summary>Masks the values of sensitive parameters in a query string (phone_number=..., tamaraToken=...)</summary>
    public static string MaskQuery(string pathAndQuery)
    {
        if (string.IsNullOrEmpty(pathAndQuery))
            return pathAndQuery;

        return QueryParameter().Replace(pathAndQuery, match =>
        {
            var name = Uri.UnescapeDataString(match.Groups["name"].Value);
            var value = Uri.UnescapeDataString(match.Groups["value"].Value);
            return $"{match.Groups["name"].Value}={Uri.EscapeDataString(MaskField(name, value) ?? string.Empty)}";
        });
    }

    /// <summary>Free text (non-JSON bodies, error messages): e-mails, bearer tokens and long digit runs that may be phone numbers</summary>
    public static string MaskText(string text)
    {
        if (string.IsNullOrEmpty(text))
            return text;

        text = BearerToken().Replace(text, $"Bearer {Hidden}");
        text = EmailAddress().Replace(text, match => MaskEmail(match.Value));
        return PhoneLike().Replace(text, match => MaskPhone(match.Value));
    }

    private static void MaskToken(JToken token)
    {
        switch (token)
        {
            case JObject jObject:
                foreach (var property in jObject.Properties())
                {
                    if (property.Value is JValue value && value.Type is not JTokenType.Null)
                        property.Value = MaskField(property.Name, value.ToString()) is { } masked && masked != value.ToString()
                            ? new JValue(masked)
                            : value;
                    else
                        MaskToken(property.Value);
                }
                break;

            case JArray array:
                foreach (var item in array)
                    MaskToken(item);
                break;
        }
    }

    private static string MaskField(string name, string value)
    {
        if (_phoneFields.Contains(name))
            return MaskPhone(value);
        if (_emailFields.Contains(name))
            return MaskEmail(value);
        if (_hiddenFields.Contains(name))
            return string.IsNullOrEmpty(value) ? value : Hidden;

        return value;
    }

    [GeneratedRegex(@"(?<=[?&])(?<name>[^=&#]+)=(?<value>[^&#]*)")]
    private static partial Regex QueryParameter();

    [GeneratedRegex(@"Bearer\s+[^\s,;""']+", RegexOptions.IgnoreCase)]
    private static partial Regex BearerToken();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailAddress();

    // 7+ digits, optionally with a leading + and single spaces or dashes between digits
    [GeneratedRegex(@"\+?\d(?:[ \-]?\d){6,}")]
    private static partial Regex PhoneLike();
}
