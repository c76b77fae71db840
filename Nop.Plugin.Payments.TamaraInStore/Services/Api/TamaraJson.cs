using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Api;

/// <summary>
/// The JSON conventions of Tamara's API: snake_case names come from the models' attributes, nulls are not sent,
/// unknown fields are ignored, dates are UTC and numbers are read as decimal (never double) so amounts stay exact.
/// </summary>
public static class TamaraJson
{
    public static JsonSerializerSettings Settings { get; } = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        MissingMemberHandling = MissingMemberHandling.Ignore,
        FloatParseHandling = FloatParseHandling.Decimal,
        DateParseHandling = DateParseHandling.DateTime,
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
        DateFormatHandling = DateFormatHandling.IsoDateFormat,
        Culture = CultureInfo.InvariantCulture,
        Formatting = Formatting.None
    };

    private static readonly JsonSerializer _serializer = JsonSerializer.Create(Settings);

    public static string Serialize(object value) => JsonConvert.SerializeObject(value, Settings);

    /// <exception cref="JsonException">The text is not JSON of the expected shape</exception>
    public static T Deserialize<T>(string json) => Convert<T>(Parse(json));

    /// <exception cref="JsonException">The value is not of the expected shape</exception>
    public static T Convert<T>(JToken token) => token is T same ? same : token.ToObject<T>(_serializer);

    /// <summary>Parses any JSON value (object, array, ...) keeping numbers decimal; trailing content is an error</summary>
    /// <exception cref="JsonException">The text is not JSON</exception>
    public static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json ?? string.Empty))
        {
            FloatParseHandling = FloatParseHandling.Decimal,
            DateParseHandling = DateParseHandling.None,
            Culture = CultureInfo.InvariantCulture
        };
        var token = JToken.ReadFrom(reader);
        while (reader.Read())
        {
            if (reader.TokenType != JsonToken.Comment)
                throw new JsonReaderException("Additional content found after the JSON value.");
        }

        return token;
    }

    /// <summary>Parses without throwing: null when the text is empty or not JSON</summary>
    public static JToken TryParse(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
            return null;

        try
        {
            return Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
