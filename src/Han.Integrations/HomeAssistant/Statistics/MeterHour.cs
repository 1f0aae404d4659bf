using Han.Readings;

namespace Han.Integrations.HomeAssistant.Statistics;

/// <summary>
/// The instant a meter's clock names. Norwegian meters send their hourly registers at hh:00:00 on their
/// clock (and the list arrives a few seconds later): the register belongs to the instant hh:00 in the
/// meter's zone. Meters send local wall-clock time, often without an offset, so the zone decides the
/// instant. In the repeated hour when summer time ends (02:00–02:59 twice in Europe/Oslo) the earliest
/// candidate not before <c>notBefore</c> is taken (the caller knows how far the meter's clock has come);
/// with nothing known, the one nearest to the time the reading was received (a replayed or simulated
/// meter's clock need not be near it).
/// </summary>
public static class MeterHour
{
    /// <summary>How far behind the clock's last instant a reading may be and still count as the same time (a list sent again).</summary>
    public static readonly TimeSpan RepeatAllowance = TimeSpan.FromMinutes(5);

    /// <summary>The UTC instant of <paramref name="clock"/>.</summary>
    /// <param name="notBefore">The earliest the instant can be, as far as the caller knows.</param>
    public static DateTimeOffset InstantOf(MeterClock clock, TimeZoneInfo zone, DateTimeOffset? notBefore, DateTimeOffset received)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = DateTime.SpecifyKind(clock.Local, DateTimeKind.Unspecified);
        if (clock.Offset is { } stated)
        {
            return new DateTimeOffset(local, stated).ToUniversalTime();
        }

        if (zone.IsAmbiguousTime(local))
        {
            var candidates = zone.GetAmbiguousTimeOffsets(local)
                .Select(offset => new DateTimeOffset(local, offset).ToUniversalTime())
                .Order()
                .ToList();
            return notBefore is { } earliest
                ? candidates.FirstOrDefault(instant => instant >= earliest, candidates[^1])
                : candidates.MinBy(instant => (instant - received).Duration());
        }

        if (zone.IsInvalidTime(local))
        {
            // A wall-clock time the zone skips (02:30 when summer time starts): a meter that says it kept
            // the offset of the hour before, so that offset gives the instant.
            return new DateTimeOffset(local, zone.GetUtcOffset(local.AddHours(-1))).ToUniversalTime();
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
