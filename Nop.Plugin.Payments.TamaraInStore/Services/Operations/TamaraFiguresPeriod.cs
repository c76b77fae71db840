namespace Nop.Plugin.Payments.TamaraInStore.Services.Operations;

/// <summary>
/// A span of time the figures cover, from its start up to now, in UTC
/// </summary>
public record TamaraFiguresPeriod(DateTime FromUtc, DateTime ToUtc)
{
    /// <summary>Since midnight in the given time zone</summary>
    public static TamaraFiguresPeriod Today(DateTime nowUtc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone);
        return new TamaraFiguresPeriod(MidnightToUtc(local.Date, zone), nowUtc);
    }

    /// <summary>Since Monday midnight in the given time zone (ISO 8601 weeks)</summary>
    public static TamaraFiguresPeriod ThisWeek(DateTime nowUtc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone);
        var daysSinceMonday = ((int)local.DayOfWeek + 6) % 7;
        return new TamaraFiguresPeriod(MidnightToUtc(local.Date.AddDays(-daysSinceMonday), zone), nowUtc);
    }

    private static DateTime MidnightToUtc(DateTime localMidnight, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(localMidnight, DateTimeKind.Unspecified), zone);
}
