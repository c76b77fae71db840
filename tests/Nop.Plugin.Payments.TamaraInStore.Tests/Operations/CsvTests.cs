using System.Globalization;
using System.Text;
using Nop.Plugin.Payments.TamaraInStore.Services.Operations;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Operations;

/// <summary>The export as Excel reads it: BOM, CRLF, RFC 4180 quoting, no formulas, invariant numbers</summary>
public class CsvTests
{
    private static string Text(byte[] csv) => Encoding.UTF8.GetString(csv, 3, csv.Length - 3);

    [Test]
    public void Starts_with_the_utf_8_byte_order_mark_and_ends_lines_with_cr_lf()
    {
        var csv = TamaraCsv.Write([["a", "b"], ["c", "d"]]);

        Assert.That(csv.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
        Assert.That(Text(csv), Is.EqualTo("a,b\r\nc,d\r\n"));
    }

    [Test]
    public void Arabic_survives_the_round_trip()
    {
        var csv = TamaraCsv.Write([["متجر الرياض", "مدفوع"]]);

        using var reader = new StreamReader(new MemoryStream(csv), detectEncodingFromByteOrderMarks: true);
        Assert.That(reader.ReadToEnd(), Is.EqualTo("متجر الرياض,مدفوع\r\n"));
        Assert.That(reader.CurrentEncoding.WebName, Is.EqualTo("utf-8"));
    }

    [Test]
    public void Commas_quotes_and_line_breaks_are_quoted()
    {
        var csv = TamaraCsv.Write([["one, two", "say \"hi\"", "line\nbreak", "cr\rhere", "plain"]]);

        Assert.That(Text(csv), Is.EqualTo("\"one, two\",\"say \"\"hi\"\"\",\"line\nbreak\",\"cr\rhere\",plain\r\n"));
    }

    [TestCase("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [TestCase("+966500000001", "'+966500000001")]
    [TestCase("-2+3", "'-2+3")]
    [TestCase("@SUM(A1)", "'@SUM(A1)")]
    [TestCase("\t=1+2", "'\t=1+2")]
    [TestCase("\r=1+2", "\"'\r=1+2\"")]
    [TestCase("a=b", "a=b")]
    [TestCase("", "")]
    public void A_formula_start_becomes_text(string cell, string written)
    {
        Assert.That(Text(TamaraCsv.Write([[cell]])), Is.EqualTo(written + "\r\n"));
    }

    [Test]
    public void Null_is_an_empty_cell()
    {
        Assert.That(Text(TamaraCsv.Write([[null, "x"]])), Is.EqualTo(",x\r\n"));
    }

    [TestCase("ar-SA")]
    [TestCase("de-DE")]
    [TestCase("fr-FR")]
    public void Numbers_are_the_same_in_every_culture(string culture)
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo(culture);

            Assert.That(TamaraCsv.Number(1234.5m), Is.EqualTo("1234.5"));
            Assert.That(TamaraCsv.Number(12.125m), Is.EqualTo("12.125"));
            Assert.That(TamaraCsv.Number(300m), Is.EqualTo("300"));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
