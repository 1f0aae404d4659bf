using Han.Live;
using Han.Live.Fanout;
using Han.Readings;

namespace Han.Storage.Tests;

/// <summary>One hourly list as the test lets the meter send it (before a test drops, repeats or spoils some).</summary>
internal sealed record RegisterList(DateTimeOffset Boundary, DateTimeOffset Received, DateTime Clock, decimal Import, decimal Export);

/// <summary>
/// A meter with a known load: a constant power per hour (a function of the hour's UTC start), one power
/// list per minute (at :30 s) and an hourly list at every hour boundary (received 5 s after it, its
/// clock the local wall time in the zone, as Norwegian meters send it), the import register counting
/// exactly what the power says. So the expected energy of every hour, day and month is known
/// independently of the rules: the sum of the hours' powers.
/// </summary>
internal sealed class SyntheticMeter
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private readonly Func<DateTimeOffset, int> _watts;

    private SyntheticMeter(Func<DateTimeOffset, int> watts) => _watts = watts;

    public List<RegisterList> Registers { get; } = [];

    public List<(DateTimeOffset At, int Watts)> PowerLists { get; } = [];

    /// <summary>Runs the meter from <paramref name="fromUtc"/> to <paramref name="toUtc"/> (hour boundaries), with a register at both ends.</summary>
    /// <param name="wrap">The register's wrap value, when it should roll over.</param>
    public static SyntheticMeter Run(DateTimeOffset fromUtc, DateTimeOffset toUtc, TimeZoneInfo zone, Func<DateTimeOffset, int> watts, decimal startKwh = 1000m, decimal? wrap = null)
    {
        var meter = new SyntheticMeter(watts);
        var cumulative = startKwh;
        for (var hour = fromUtc; hour <= toUtc; hour += Hour)
        {
            var clock = TimeZoneInfo.ConvertTime(hour, zone).DateTime;
            meter.Registers.Add(new RegisterList(hour, hour.AddSeconds(5), clock, wrap is { } w ? cumulative % w : cumulative, 100m));
            if (hour == toUtc)
            {
                break;
            }

            for (var minute = 0; minute < 60; minute++)
            {
                meter.PowerLists.Add((hour.AddMinutes(minute).AddSeconds(30), watts(hour)));
            }

            cumulative += watts(hour) / 1000m;
        }

        return meter;
    }

    /// <summary>What the meter really used in the hour starting at <paramref name="hourUtc"/>.</summary>
    public decimal HourKwh(DateTimeOffset hourUtc) => _watts(hourUtc) / 1000m;

    /// <summary>Every list as the live state hands it on, in the order received.</summary>
    public IReadOnlyList<ReadingMade> Readings(string meter) =>
        [.. PowerLists.Select(p => Power(meter, p.At, p.Watts)).Concat(Registers.Select(r => Hourly(meter, r))).OrderBy(r => r.At)];

    private static ReadingMade Power(string meter, DateTimeOffset at, int watts)
    {
        var reading = new MeterReading { Received = at };
        reading.Set(ReadingField.ActivePowerImport, new Measurement(watts, 0));
        return new ReadingMade(meter, at, new LiveReading(reading, MeterIdentity.Unknown, null, null));
    }

    private static ReadingMade Hourly(string meter, RegisterList list)
    {
        var reading = new MeterReading { Received = list.Received, MeterTime = new MeterClock(list.Clock, null) };
        reading.Set(ReadingField.ActiveEnergyImport, new Measurement((long)(list.Import * 1000m), -3));
        reading.Set(ReadingField.ActiveEnergyExport, new Measurement((long)(list.Export * 1000m), -3));
        return new ReadingMade(meter, list.Received, new LiveReading(reading, MeterIdentity.Unknown, null, null));
    }
}
