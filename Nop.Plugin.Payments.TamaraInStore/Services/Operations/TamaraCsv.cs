using System.Globalization;
using System.Text;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Operations;

/// <summary>
/// CSV that Excel opens as it is: UTF-8 with a byte order mark (Arabic intact), CRLF line ends, RFC 4180 quoting, and
/// no cell Excel would run as a formula
/// </summary>
public static class TamaraCsv
{
    public static byte[] Write(IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
            text.Append(string.Join(",", row.Select(Cell))).Append("\r\n");

        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
    }

    /// <summary>A number as Excel reads it in any locale: invariant culture, never a formula</summary>
    public static string Number(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Cell(string value)
    {
        value ??= string.Empty;

        // =, +, - and @ start a formula in Excel, so do a tab or carriage return before one (OWASP); a leading apostrophe makes it text
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
