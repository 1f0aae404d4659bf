namespace Han.Simulation.Load;

/// <summary>
/// Rooftop solar behind the meter, in Oslo (59.9° N, 10.75° E): output follows the sun's elevation
/// through the day and the year (about 18 hours of daylight at midsummer, 6 at midwinter), times a cloud
/// cover that drifts every few minutes around a sunny, mixed or overcast day. A three-phase inverter
/// feeds every branch alike. Production is negative load; the meter exports what the house does not use.
/// </summary>
public sealed class SolarPlant : IAppliance
{
    private const double Latitude = 59.9 * Math.PI / 180;
    private const double LongitudeHours = 10.75 / 15;
    private const double Tilt = 1.25;
    private const double SystemEfficiency = 0.85;

    private readonly double _peakWatts;
    private readonly DailyPlan<double> _dayCloudiness;
    private readonly RandomWalk _cloud;

    public SolarPlant(SimRandom random, double peakKilowatts)
    {
        _peakWatts = peakKilowatts * 1000;
        _dayCloudiness = new DailyPlan<double>(_ => [random.Between(0.0, 1.0)], _ => DateTimeOffset.MinValue);
        _cloud = new RandomWalk(random.Fork(0), TimeSpan.FromMinutes(5), 1, step: 0.15, low: 0.1, high: 1, pull: 0.3);
    }

    public void AddTo(in LoadMoment now, BranchLoads loads)
    {
        // Clouds drift every five minutes toward the day's weather: clear 1, overcast about 0.15.
        var cloud = _cloud.At(now.Instant, 1 - (0.85 * _dayCloudiness.For(now)[0]));
        var watts = _peakWatts * SystemEfficiency * Math.Min(1, Tilt * SunElevationSine(now.Instant)) * cloud;
        if (watts > 0)
        {
            loads.AddBalanced(-watts, 0);
        }
    }

    /// <summary>The sine of the sun's elevation (negative below the horizon), from its declination and hour angle.</summary>
    public static double SunElevationSine(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        var declination = -23.44 * Math.PI / 180 * Trig.Cos(2 * Math.PI / 365 * (utc.DayOfYear + 10));
        var solarHour = utc.TimeOfDay.TotalHours + LongitudeHours;
        var hourAngle = (solarHour - 12) * 15 * Math.PI / 180;
        return (Trig.Sin(Latitude) * Trig.Sin(declination)) + (Trig.Cos(Latitude) * Trig.Cos(declination) * Trig.Cos(hourAngle));
    }
}
