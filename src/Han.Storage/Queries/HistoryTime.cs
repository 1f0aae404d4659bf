using System.Globalization;
using System.Text.RegularExpressions;

namespace Han.Storage.Queries;

/// <summary>
/// Times as users write them to the REST API and <c>han export</c>, and as answers write instants:
/// a calendar form (<c>YYYY</c>, <c>YYYY-MM</c>, <c>YYYY-MM-DD</c>) is the start of that year, month or
/// day in the configured zone (local midnight, so a day has 23 or 25 hours on DST days), or an ISO 8601
/// instant with its offset. An instant without an offset is refused: it would mean a different hour
/// depending on where it is read.
/// </summary>
public static partial class HistoryTime
{
    public const string Forms = "YYYY, YYYY-MM or YYYY-MM-DD (the start of that year, month or day in the time zone), or an ISO 8601 instant with its offset, as in 2025-03-30T02:00:00+02:00 or 2025-03-30T00:00:00Z";

    private const string IsoFormat = "yyyy-MM-dd'T'HH:mm:sszzz";

    /// <summary>Reads <paramref name="text"/>; <paramref name="unit"/> is the period a calendar form names, null for an instant.</summary>
    public static bool TryParse(string? text, TimeZoneInfo zone, out DateTimeOffset instant, out CalendarUnit? unit)
    {
        ArgumentNullException.ThrowIfNull(zone);
        instant = default;
        unit = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        var (format, named) = text.Length switch
        {
            4 => ("yyyy", CalendarUnit.Year),
            7 => ("yyyy-MM", CalendarUnit.Month),
            10 => ("yyyy-MM-dd", CalendarUnit.Day),
            _ => (null, CalendarUnit.Day),
        };
        if (format is not null)
        {
            if (!DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date.Year < 1970)
            {
                return false;
            }

            instant = StartOfDay(DateOnly.FromDateTime(date), zone);
            unit = named;
            return true;
        }

        // A '+' in a query string arrives as a space (form encoding): read it back as the offset's sign.
        var candidate = OffsetAfterSpace().Replace(text.ToUpperInvariant(), "+$1");
        return Instant().IsMatch(candidate)
            && DateTimeOffset.TryParse(candidate, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
    }

    /// <summary>The end of the period a calendar form named, starting at <paramref name="start"/>.</summary>
    public static DateTimeOffset EndOf(DateTimeOffset start, CalendarUnit unit, TimeZoneInfo zone)
    {
        var day = LocalDate(start, zone);
        return StartOfDay(unit switch
        {
            CalendarUnit.Year => day.AddYears(1),
            CalendarUnit.Month => day.AddMonths(1),
            _ => day.AddDays(1),
        }, zone);
    }

    /// <summary>
    /// Midnight of <paramref name="day"/> in <paramref name="zone"/>: when midnight falls in a DST gap
    /// (some zones change at midnight) the first instant of the day, when it is repeated the first of the two.
    /// </summary>
    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>The start of the month that holds <paramref name="instant"/> in the zone.</summary>
    public static DateTimeOffset StartOfMonth(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var day = LocalDate(instant, zone);
        return StartOfDay(new DateOnly(day.Year, day.Month, 1), zone);
    }

    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>An instant as answers write it: ISO 8601 with the zone's offset at that instant, <c>2025-03-30T03:00:00+02:00</c>.</summary>
    public static string ToIso(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString(IsoFormat, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Instant();

    [GeneratedRegex(@" (\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex OffsetAfterSpace();
}
