namespace TamaraSimulator;

public static class Currencies
{
    /// <summary>The currency enum of every money object in Tamara's reference schema; anything else is refused with a 400.</summary>
    public static readonly IReadOnlyList<string> Schema = ["SAR", "AED", "BHD", "KWD", "OMR"];

    /// <summary>Currencies a merchant may take by default: all of the schema's (QAR appears in some SDKs only, and is refused).</summary>
    public static readonly IReadOnlyList<string> Default = Schema;

    public static int Decimals(string currency) => currency switch
    {
        "KWD" or "BHD" or "OMR" => 3,
        _ => 2,
    };

    public static decimal Round(decimal value, string currency) =>
        Math.Round(value, Decimals(currency), MidpointRounding.AwayFromZero);

    /// <summary>The country whose phone numbers are expected for a currency.</summary>
    public static string CountryOf(string currency) => currency switch
    {
        "SAR" => "SA",
        "AED" => "AE",
        "KWD" => "KW",
        "BHD" => "BH",
        "OMR" => "OM",
        "QAR" => "QA",
        _ => "SA",
    };
}
