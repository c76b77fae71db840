using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Api;

/// <summary>
/// Compares JSON by meaning: same properties in any order, numbers by decimal value (100 equals 100.0)
/// </summary>
public static class JsonAssert
{
    public static void AreEquivalent(string expected, string actual)
    {
        var difference = FindDifference(Parse(expected), Parse(actual), "$");
        Assert.That(difference, Is.Null, $"JSON differs at {difference}{Environment.NewLine}expected: {expected}{Environment.NewLine}actual: {actual}");
    }

    private static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { FloatParseHandling = FloatParseHandling.Decimal, DateParseHandling = DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }

    private static string FindDifference(JToken expected, JToken actual, string path)
    {
        switch (expected)
        {
            case JObject expectedObject when actual is JObject actualObject:
                var names = expectedObject.Properties().Select(p => p.Name).Union(actualObject.Properties().Select(p => p.Name));
                return names.Select(name => FindDifference(expectedObject[name], actualObject[name], $"{path}.{name}")).FirstOrDefault(d => d is not null);

            case JArray expectedArray when actual is JArray actualArray:
                if (expectedArray.Count != actualArray.Count)
                    return $"{path} (length {expectedArray.Count} vs {actualArray.Count})";
                return expectedArray.Select((item, i) => FindDifference(item, actualArray[i], $"{path}[{i}]")).FirstOrDefault(d => d is not null);

            case JValue { Type: JTokenType.Integer or JTokenType.Float } expectedNumber when actual is JValue { Type: JTokenType.Integer or JTokenType.Float } actualNumber:
                return expectedNumber.ToObject<decimal>() == actualNumber.ToObject<decimal>() ? null : path;

            default:
                return JToken.DeepEquals(expected, actual) ? null : path;
        }
    }
}
