namespace Han.Simulation.Load;

/// <summary>
/// Active and reactive power drawn on each branch of the installation at one instant: on a TN meter a
/// branch is a phase to neutral, on an IT meter a pair of lines (L1-L2, L2-L3, L3-L1); a single-phase
/// meter has one branch. Negative active power is production (solar).
/// </summary>
public sealed class BranchLoads
{
    private readonly double[] _active;
    private readonly double[] _reactive;

    public BranchLoads(int branches)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(branches, 1);
        _active = new double[branches];
        _reactive = new double[branches];
    }

    public int Count => _active.Length;

    public IReadOnlyList<double> Active => _active;

    public IReadOnlyList<double> Reactive => _reactive;

    public double TotalActive => _active.Sum();

    /// <summary>Adds a load on <paramref name="branch"/>; on fewer branches than the appliance was planned for, they fold onto the first ones.</summary>
    public void Add(int branch, double watts, double vars)
    {
        _active[branch % Count] += watts;
        _reactive[branch % Count] += vars;
    }

    /// <summary>Spreads a load evenly over every branch (a three-phase heater or inverter).</summary>
    public void AddBalanced(double watts, double vars)
    {
        for (var branch = 0; branch < Count; branch++)
        {
            Add(branch, watts / Count, vars / Count);
        }
    }

    public void Clear()
    {
        Array.Clear(_active);
        Array.Clear(_reactive);
    }
}
