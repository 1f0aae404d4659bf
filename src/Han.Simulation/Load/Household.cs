using Han.Simulation.Time;

namespace Han.Simulation.Load;

/// <summary>
/// A plausible Norwegian household, fixed by its seed: base load, a fridge and a freezer, a hot-water
/// tank, cooking, electric space heating, and solar when a peak power is given. Asked in time order for
/// the power on each branch of its meter.
/// </summary>
public sealed class Household
{
    private readonly IAppliance[] _appliances;
    private readonly BranchLoads _loads;

    public Household(SimRandom random, int branches, double solarPeakKilowatts)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(solarPeakKilowatts);
        _loads = new BranchLoads(branches);
        var branchRandom = random.Fork(0);
        List<IAppliance> appliances =
        [
            new BaseLoad(random.Fork(1)),
            new Fridge(random.Fork(2), branchRandom.Between(0, 3)),
            new Fridge(random.Fork(3), branchRandom.Between(0, 3)),
            new WaterHeater(random.Fork(4), branchRandom.Between(0, 3)),
            new Cooking(random.Fork(5)),
            new SpaceHeating(random.Fork(6)),
        ];
        if (solarPeakKilowatts > 0)
        {
            appliances.Add(new SolarPlant(random.Fork(7), solarPeakKilowatts));
        }

        _appliances = [.. appliances];
    }

    /// <summary>The power on each branch at <paramref name="instant"/>; valid until the next call.</summary>
    public BranchLoads Sample(DateTimeOffset instant)
    {
        var now = new LoadMoment(instant, NorwegianTime.ToLocal(instant).DateTime);
        _loads.Clear();
        foreach (var appliance in _appliances)
        {
            appliance.AddTo(now, _loads);
        }

        return _loads;
    }
}
