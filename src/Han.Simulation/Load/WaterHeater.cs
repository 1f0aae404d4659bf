namespace Han.Simulation.Load;

/// <summary>
/// A Norwegian hot-water tank (2-3 kW resistive element): showers in the morning and evening and small
/// draws during the day empty it, standing losses cool it, and its thermostat heats at full power until
/// the tank is hot again. What it draws is the energy drawn, later and in one block.
/// </summary>
public sealed class WaterHeater : IAppliance
{
    private const double StandingLossWatts = 60;
    private const double StartHeatingAtWh = 400;

    private readonly int _branch;
    private readonly double _rated;
    private readonly DailyPlan<(DateTimeOffset At, double Wh)> _draws;
    private DateTimeOffset _last = DateTimeOffset.MinValue;
    private double _deficitWh;
    private bool _heating;

    public WaterHeater(SimRandom random, int branch)
    {
        _branch = branch;
        _rated = random.Chance(0.5) ? 2000 : 3000;
        _deficitWh = random.Between(0.0, 1500.0);
        _draws = new DailyPlan<(DateTimeOffset At, double Wh)>(now => Plan(random, now), draw => draw.At);
    }

    public void AddTo(in LoadMoment now, BranchLoads loads)
    {
        var hours = _last == DateTimeOffset.MinValue ? 0 : (now.Instant - _last).TotalHours;
        _last = now.Instant;
        if (_heating)
        {
            _deficitWh -= _rated * hours;
        }

        _deficitWh += StandingLossWatts * hours;
        foreach (var draw in _draws.TakeDue(now))
        {
            _deficitWh += draw.Wh;
        }

        _heating = _heating ? _deficitWh > 0 : _deficitWh > StartHeatingAtWh;
        loads.Add(_branch, _heating ? _rated : 0, 0);
    }

    private static List<(DateTimeOffset At, double Wh)> Plan(SimRandom random, LoadMoment now)
    {
        var draws = new List<(DateTimeOffset At, double Wh)>();
        for (var shower = random.Between(1, 3); shower > 0; shower--)
        {
            draws.Add((now.AtLocalHour(random.Between(6.0, 8.5)), random.Between(1500.0, 3500.0)));
        }

        for (var shower = random.Between(0, 3); shower > 0; shower--)
        {
            draws.Add((now.AtLocalHour(random.Between(18.0, 22.5)), random.Between(1000.0, 3000.0)));
        }

        for (var small = random.Between(2, 5); small > 0; small--)
        {
            draws.Add((now.AtLocalHour(random.Between(8.0, 22.0)), random.Between(200.0, 600.0)));
        }

        return draws;
    }
}
