namespace Han.Trust.Tests;

/// <summary>
/// A meter's hourly lists and integrated power, written the way a meter sends them: one list per hour
/// boundary with the meter's local clock, received a few seconds later, and four quarter estimates per
/// hour. Tests bend it (drop, repeat, corrupt lists) to make the faults the rules must catch.
/// </summary>
internal sealed class MeterHistory
{
    public static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    public List<HourlyRegisterReading> Readings { get; } = [];

    public List<QuarterEstimate> Quarters { get; } = [];

    public TrustOptions Options { get; set; } = new() { Zone = Oslo };

    /// <summary>Hourly lists from <paramref name="startUtc"/>, one per boundary, with the given hours' energy.</summary>
    public static MeterHistory Of(DateTimeOffset startUtc, IReadOnlyList<decimal> importPerHour, decimal firstRegister = 1000m, decimal? exportPerHour = 0.1m)
    {
        var history = new MeterHistory();
        var import = firstRegister;
        var export = exportPerHour is null ? (decimal?)null : 50m;
        for (var n = 0; n <= importPerHour.Count; n++)
        {
            var boundary = startUtc.AddHours(n);
            history.Readings.Add(List(boundary, import, export));
            if (n == importPerHour.Count)
            {
                break;
            }

            history.AddQuarters(boundary, importPerHour[n], exportPerHour ?? 0);
            import += importPerHour[n];
            export += exportPerHour;
        }

        return history;
    }

    /// <summary>A list captured at <paramref name="boundary"/>, received 5 s later, with the meter's local clock.</summary>
    public static HourlyRegisterReading List(DateTimeOffset boundary, decimal import, decimal? export) =>
        new(TimeZoneInfo.ConvertTime(boundary, Oslo).DateTime, boundary.AddSeconds(5), import, export);

    /// <summary>An hour's integrated power as four quarters: the first two lighter than the last two.</summary>
    public void AddQuarters(DateTimeOffset hourStart, decimal import, decimal export)
    {
        decimal[] shape = [0.1m, 0.2m, 0.3m, 0.4m];
        for (var q = 0; q < 4; q++)
        {
            Quarters.Add(new QuarterEstimate(hourStart.AddMinutes(15 * q), import * shape[q], export * shape[q]));
        }
    }

    public HourlyRegisterReading At(DateTimeOffset boundary) => Readings.Single(r => r.ReceivedUtc == boundary.AddSeconds(5));

    public void Replace(DateTimeOffset boundary, Func<HourlyRegisterReading, HourlyRegisterReading> change)
    {
        var index = Readings.IndexOf(At(boundary));
        Readings[index] = change(Readings[index]);
    }

    public void Drop(DateTimeOffset boundary) => Readings.Remove(At(boundary));

    /// <summary>Adds <paramref name="kwh"/> to every register from <paramref name="boundary"/> on.</summary>
    public void ShiftFrom(DateTimeOffset boundary, decimal kwh)
    {
        for (var i = 0; i < Readings.Count; i++)
        {
            if (Readings[i].ReceivedUtc >= boundary)
            {
                Readings[i] = Readings[i] with { Import = Readings[i].Import + kwh };
            }
        }
    }

    public IReadOnlyList<HourRow> Ledger() => HourlyLedger.Build(Readings, Quarters, Options);

    public decimal RegisterDifference() => Readings[^1].Import - Readings[0].Import;
}
