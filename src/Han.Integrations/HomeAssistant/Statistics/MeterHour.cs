using Han.Readings;

namespace Han.Integrations.HomeAssistant.Statistics;

/// <summary>
/// The hour boundary a meter's clock names. Norwegian meters send their hourly registers at hh:00:00 on
/// their clock (and the list arrives a few seconds later): the register belongs to the instant hh:00 in
/// the meter's zone. Meters send local wall-clock time, often without an offset, so the zone decides the
/// instant; in the repeated hour when summer time ends (02:00–02:59 twice in Europe/Oslo) the candidate
/// nearest to the time the reading was received is taken.
/// </summary>
public static class MeterHour
{
    /// <summary>
    /// The UTC instant of the hour <paramref name="clock"/> starts, or null when the clock is not in the
    /// first minute of an hour (a register read later in the hour does not mark its end exactly).
    /// </summary>
    public static DateTimeOffset? BoundaryOf(MeterClock clock, TimeZoneInfo zone, DateTimeOffset received)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = clock.Local;
        if (local.Minute != 0)
        {
            return null;
        }

        var hour = new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0, DateTimeKind.Unspecified);
        if (clock.Offset is { } stated)
        {
            return new DateTimeOffset(hour, stated).ToUniversalTime();
        }

        if (zone.IsAmbiguousTime(hour))
        {
            return zone.GetAmbiguousTimeOffsets(hour)
                .Select(offset => new DateTimeOffset(hour, offset).ToUniversalTime())
                .OrderBy(instant => (instant - received).Duration())
                .First();
        }

        if (zone.IsInvalidTime(hour))
        {
            // A wall-clock time the zone skips (02:00 when summer time starts): a meter that says it kept
            // the offset of the hour before, so that offset gives the instant.
            return new DateTimeOffset(hour, zone.GetUtcOffset(hour.AddHours(-1))).ToUniversalTime();
        }

        return new DateTimeOffset(hour, zone.GetUtcOffset(hour)).ToUniversalTime();
    }
}
