namespace Han.Simulation.Load;

/// <summary>
/// What is always on (router, standby, ventilation) and what follows the household's day (lights, TV,
/// computers): a seeded level shaped by the hour, with a slow random drift. Electronics draw a little
/// capacitive reactive power, which is why real Norwegian lists show reactive export with no solar.
/// </summary>
public sealed class BaseLoad : IAppliance
{
    /// <summary>Share of the base level per local hour: low at night, up at breakfast, highest in the evening.</summary>
    private static readonly double[] DailyShape =
        [0.8, 0.75, 0.7, 0.7, 0.7, 0.8, 1.2, 1.7, 1.5, 1.1, 1.0, 1.0, 1.1, 1.0, 1.0, 1.1, 1.4, 1.9, 2.2, 2.3, 2.2, 1.9, 1.5, 1.1];

    private const double CapacitiveShare = -0.25;

    private readonly double _level;
    private readonly double[] _split;
    private readonly RandomWalk _drift;
    private readonly SimRandom _flicker;

    public BaseLoad(SimRandom random)
    {
        _level = random.Between(120.0, 300.0);
        var weights = new[] { random.Between(1.0, 2.0), random.Between(1.0, 2.0), random.Between(1.0, 2.0) };
        _split = [.. weights.Select(weight => weight / weights.Sum())];
        _drift = new RandomWalk(random.Fork(0), TimeSpan.FromMinutes(1), 0, step: 0.03, low: -0.2, high: 0.2);
        _flicker = random.Fork(1);
    }

    public void AddTo(in LoadMoment now, BranchLoads loads)
    {
        var drift = _drift.At(now.Instant);
        var hour = now.HourOfDay;
        var from = (int)hour;
        var shape = DailyShape[from] + ((DailyShape[(from + 1) % 24] - DailyShape[from]) * (hour - from));
        // Electronics never draw exactly the same from one reading to the next: a percent of flicker.
        var watts = _level * shape * (1 + drift) * (1 + _flicker.Between(-0.01, 0.01));
        for (var branch = 0; branch < _split.Length; branch++)
        {
            loads.Add(branch, watts * _split[branch], watts * _split[branch] * CapacitiveShare);
        }
    }
}
