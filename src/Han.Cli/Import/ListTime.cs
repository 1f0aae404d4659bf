using Han.Readings;

namespace Han.Cli.Import;

/// <summary>
/// When a list being imported was received: its recorded receive time (a han capture's), else the
/// meter's clock: with the offset the meter sent, or read in <paramref name="zone"/> (Norwegian meters
/// send local wall-clock time without one). A clock time the zone skips (the spring DST hour) is no time.
/// </summary>
internal sealed class ListTime(TimeZoneInfo zone)
{
    public DateTimeOffset? Of(MeterReading reading)
    {
        if (reading.Received is { } received)
        {
            return received;
        }

        if (reading.MeterTime is not { } clock)
        {
            return null;
        }

        if (clock.Offset is { } offset)
        {
            return new DateTimeOffset(DateTime.SpecifyKind(clock.Local, DateTimeKind.Unspecified), offset);
        }

        var local = DateTime.SpecifyKind(clock.Local, DateTimeKind.Unspecified);
        // An autumn hour that comes twice is taken as the first (summer time); the clock cannot tell them apart.
        return zone.IsInvalidTime(local) ? null : new DateTimeOffset(local, zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local));
    }
}
