namespace Nop.Plugin.Payments.TamaraInStore.Services;

/// <summary>
/// Shortens personal data and secrets for logs, notes and pages
/// </summary>
public static class TamaraMasking
{
    private const string Dots = "••••";

    /// <summary>966501234567 → ••••4567</summary>
    public static string MaskPhone(string phone) => MaskAllButLast(phone, 4);

    /// <summary>A secret shown as its last four characters only: ••••ab12</summary>
    public static string MaskSecret(string secret) => MaskAllButLast(secret, 4);

    /// <summary>mona.lisa@example.com → m••••@example.com</summary>
    public static string MaskEmail(string email)
    {
        if (string.IsNullOrEmpty(email))
            return string.Empty;

        var at = email.IndexOf('@');
        if (at <= 0)
            return Dots;

        return $"{email[0]}{Dots}{email[at..]}";
    }

    private static string MaskAllButLast(string value, int visible)
    {
        if (string.IsNullOrEmpty(value))
            return string.Empty;

        // short values would be given away almost whole
        if (value.Length <= visible * 2)
            return Dots;

        return Dots + value[^visible..];
    }
}
