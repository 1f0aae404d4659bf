using Han.Trust;

namespace Han.Storage.Aggregation;

/// <summary>
/// Meters that send their registers with every list (DSMR P1: every 10 s, or every second) would give
/// the trust rules hundreds of "hourly" lists an hour, of which the rules take the first near each
/// boundary, up to half an hour off. For such a meter only the list received nearest to each hour
/// boundary is kept. A meter that sends them once an hour (the Norwegian list 3, and its repeats) is
/// passed as it is, so a repeated list is still seen and flagged.
/// </summary>
internal static class DenseRegisters
{
    /// <summary>More register lists than this per hour (on average over what was read) is a meter that sends them with every list.</summary>
    private const double MostPerHourOfAnHourlyMeter = 4;

    public static IReadOnlyList<HourlyRegisterReading> NearestToEachHour(IReadOnlyList<HourlyRegisterReading> registers)
    {
        if (registers.Count < 2)
        {
            return registers;
        }

        var hours = Math.Max(1, (registers[^1].ReceivedUtc - registers[0].ReceivedUtc).TotalHours);
        if (registers.Count / hours <= MostPerHourOfAnHourlyMeter)
        {
            return registers;
        }

        return [.. registers
            .GroupBy(r => Nearest(r.ReceivedUtc))
            .Select(boundary => boundary.MinBy(r => (r.ReceivedUtc - boundary.Key).Duration())!)
            .OrderBy(r => r.ReceivedUtc)];
    }

    private static DateTimeOffset Nearest(DateTimeOffset time)
    {
        var ticks = time.UtcTicks + (TimeSpan.TicksPerHour / 2);
        return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerHour), TimeSpan.Zero);
    }
}
