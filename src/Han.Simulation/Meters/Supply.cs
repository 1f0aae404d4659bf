using Han.Simulation.Load;

namespace Han.Simulation.Meters;

/// <summary>
/// The grid's voltage at the house: 230 V nominal (phase to neutral on TN, line to line on IT), each
/// phase drifting within about ±2.5 % minute by minute, as the captures show (216-242 V).
/// </summary>
public sealed class Supply
{
    public const double Nominal = 230;

    private readonly RandomWalk[] _deviation;
    private readonly double[] _factors = new double[3];

    public Supply(SimRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        _deviation = [.. Enumerable.Range(0, 3).Select(phase => new RandomWalk(random.Fork((ulong)phase), TimeSpan.FromMinutes(1), random.Between(-0.015, 0.025), step: 0.002, low: -0.025, high: 0.025))];
    }

    /// <summary>Each phase's factor on the nominal voltage at <paramref name="now"/> (1.0 = 230 V).</summary>
    public IReadOnlyList<double> At(DateTimeOffset now)
    {
        for (var phase = 0; phase < _factors.Length; phase++)
        {
            _factors[phase] = 1 + _deviation[phase].At(now);
        }

        return _factors;
    }
}
