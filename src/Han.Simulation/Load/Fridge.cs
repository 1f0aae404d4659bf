namespace Han.Simulation.Load;

/// <summary>
/// A fridge or freezer compressor: roughly a third of the time on at around 100 W with an inductive
/// power factor near 0.8, cycles of a few tens of minutes; a few watts of electronics when off.
/// </summary>
public sealed class Fridge : IAppliance
{
    private const double ReactivePerWatt = 0.75;
    private const double IdleWatts = 3;

    private readonly int _branch;
    private readonly double _rated;
    private readonly double _duty;
    private readonly Thermostat _compressor;

    public Fridge(SimRandom random, int branch)
    {
        _branch = branch;
        _rated = random.Between(80.0, 150.0);
        _duty = random.Between(0.25, 0.45);
        _compressor = new Thermostat(random, random.Minutes(35, 60));
    }

    public void AddTo(in LoadMoment now, BranchLoads loads)
    {
        var on = _compressor.At(now.Instant, _duty);
        var watts = on ? _rated : IdleWatts;
        loads.Add(_branch, watts, on ? watts * ReactivePerWatt : 0);
    }
}
