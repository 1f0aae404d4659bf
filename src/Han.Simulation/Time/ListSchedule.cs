using Han.Simulation.Vendors;

namespace Han.Simulation.Time;

/// <summary>
/// Every list a meter sends from a given instant on, in time order, by its <see cref="Cadence"/>: a grid
/// anchored to the full hour (Aidon 09:00:00 list 2, :02.5 list 1, ... :10 list 3, :12.5 list 1;
/// norway-lists.md §3), and for Kamstrup an hourly list at xx:00:05 between two 10-second lists (§5).
/// Norwegian offsets are whole hours, so full local hours are full UTC hours and the grid is computed in UTC.
/// </summary>
public static class ListSchedule
{
    public static IEnumerable<ScheduledList> From(Cadence cadence, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(cadence);
        Validate(cadence);
        var step = cadence.Step.Ticks;
        var startTicks = start.UtcTicks;
        var grid = (startTicks + step - 1) / step * step;
        var extraHourly = cadence.HourlyReplacesFull ? long.MaxValue : NextHourly(startTicks, cadence.HourlyAt.Ticks);
        while (true)
        {
            if (extraHourly < grid)
            {
                yield return new ScheduledList(new DateTimeOffset(extraHourly, TimeSpan.Zero), ListKind.Hourly);
                extraHourly += TimeSpan.TicksPerHour;
                continue;
            }

            yield return new ScheduledList(new DateTimeOffset(grid, TimeSpan.Zero), KindAt(cadence, grid));
            grid += step;
        }
    }

    private static ListKind KindAt(Cadence cadence, long ticks)
    {
        if (cadence.HourlyReplacesFull && ticks % TimeSpan.TicksPerHour == cadence.HourlyAt.Ticks)
        {
            return ListKind.Hourly;
        }

        return cadence.PowerEvery is null || ticks % cadence.FullEvery.Ticks == 0 ? ListKind.Full : ListKind.Power;
    }

    /// <summary>The first hourly list at or after <paramref name="ticks"/>.</summary>
    private static long NextHourly(long ticks, long offset)
    {
        var hourly = (ticks / TimeSpan.TicksPerHour * TimeSpan.TicksPerHour) + offset;
        return hourly >= ticks ? hourly : hourly + TimeSpan.TicksPerHour;
    }

    private static void Validate(Cadence cadence)
    {
        var step = cadence.Step.Ticks;
        if (step <= 0 || TimeSpan.TicksPerHour % step != 0 || cadence.FullEvery.Ticks % step != 0
            || (cadence.HourlyReplacesFull && cadence.HourlyAt.Ticks % cadence.FullEvery.Ticks != 0))
        {
            throw new ArgumentException($"a cadence's step must divide the hour and list 2's period, and a list 3 in place of a list 2 must fall on one: {cadence}", nameof(cadence));
        }
    }
}
