namespace TamaraSimulator;

public static class Currencies
{
    /// <summary>Currencies seen in Tamara's schemas; QAR only appears in some SDKs (unsure).</summary>
    public static readonly IReadOnlyList<string> Default = ["SAR", "AED", "KWD", "BHD", "OMR", "QAR"];

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
