namespace Han.Simulation.Load;

/// <summary>
/// Electric space heating, which dominates Norwegian winter consumption: panel heaters on each branch,
/// cycling under their thermostats to cover a demand proportional to how far the outdoor temperature
/// is below 15 °C. The outdoor temperature follows Oslo's season (about -4 °C in late January, 17 °C in
/// late July), a day-night swing and a weather drift of a few degrees. Nothing is drawn in summer.
/// </summary>
public sealed class SpaceHeating : IAppliance
{
    private const double BalanceTemperature = 15;

    private readonly double _wattsPerKelvin;
    private readonly double _heaterWatts;
    private readonly Thermostat[] _heaters;
    private readonly RandomWalk _weather;

    public SpaceHeating(SimRandom random)
    {
        _wattsPerKelvin = random.Between(60.0, 120.0);
        _heaterWatts = Math.Round(_wattsPerKelvin * 25 / 3 * 1.3 / 100) * 100;
        _weather = new RandomWalk(random.Fork(9), TimeSpan.FromHours(1), random.Between(-3.0, 3.0), step: 1, low: -6, high: 6);
        _heaters = [.. Enumerable.Range(0, 3).Select(i => new Thermostat(random.Fork((ulong)i), random.Minutes(8, 15)))];
    }

    public void AddTo(in LoadMoment now, BranchLoads loads)
    {
        var day = now.Local.DayOfYear;
        var outdoor = 6.5 - (10.5 * Trig.Cos(2 * Math.PI * (day - 20) / 365.0))
            + (3 * Trig.Cos(2 * Math.PI * (now.HourOfDay - 15) / 24)) + _weather.At(now.Instant);
        var setback = now.HourOfDay is >= 23 or < 5 ? 0.85 : 1;
        var demand = _wattsPerKelvin * Math.Max(0, BalanceTemperature - outdoor) * setback;
        for (var branch = 0; branch < _heaters.Length; branch++)
        {
            if (_heaters[branch].At(now.Instant, demand / _heaters.Length / _heaterWatts))
            {
                loads.Add(branch, _heaterWatts, 0);
            }
        }
    }
}
