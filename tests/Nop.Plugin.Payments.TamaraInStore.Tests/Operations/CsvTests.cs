using System.Globalization;
using System.Text;
using Nop.Plugin.Payments.TamaraInStore.Services.Operations;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Operations;

/// <summary>The export as Excel reads it: BOM, CRLF, RFC 4180 quoting, no formulas, invariant numbers</summary>
public class CsvTests
{
    private static string Text(byte[] csv) => Encoding.UTF8.GetString(csv, 3, csv.Length - 3);

    [Test]
    public void StartsWithTheUtf8ByteOrderMarkAndEndsLinesWithCrLf()
    {
        var csv = TamaraCsv.Write([["a", "b"], ["c", "d"]]);

        Assert.That(csv.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
        Assert.That(Text(csv), Is.EqualTo("a,b\r\nc,d\r\n"));
    }

    [Test]
    public void ArabicSurvivesTheRoundTrip()
    {
        var csv = TamaraCsv.Write([["متجر الرياض", "مدفوع"]]);

        using var reader = new StreamReader(new MemoryStream(csv), detectEncodingFromByteOrderMarks: true);
        Assert.That(reader.ReadToEnd(), Is.EqualTo("متجر الرياض,مدفوع\r\n"));
        Assert.That(reader.CurrentEncoding.WebName, Is.EqualTo("utf-8"));
    }

    [Test]
    public void CommasQuotesAndLineBreaksAreQuoted()
    {
        var csv = TamaraCsv.Write([["one, two", "say \"hi\"", "line\nbreak", "cr\rhere", "plain"]]);

        Assert.That(Text(csv), Is.EqualTo("\"one, two\",\"say \"\"hi\"\"\",\"line\nbreak\",\"cr\rhere\",plain\r\n"));
    }

    [TestCase("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [TestCase("+966500000001", "'+966500000001")]
    [TestCase("-2+3", "'-2+3")]
    [TestCase("@SUM(A1)", "'@SUM(A1)")]
    [TestCase("a=b", "a=b")]
    [TestCase("", "")]
    public void AFormulaStartBecomesText(string cell, string written)
    {
        Assert.That(Text(TamaraCsv.Write([[cell]])), Is.EqualTo(written + "\r\n"));
    }

    [Test]
    public void NullIsAnEmptyCell()
    {
        Assert.That(Text(TamaraCsv.Write([[null, "x"]])), Is.EqualTo(",x\r\n"));
    }

    [TestCase("ar-SA")]
    [TestCase("de-DE")]
    [TestCase("fr-FR")]
    public void NumbersAreTheSameInEveryCulture(string culture)
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
