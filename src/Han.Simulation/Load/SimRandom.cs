namespace Han.Simulation.Load;

/// <summary>
/// A seeded random source that gives the same numbers on every platform and runtime (SplitMix64,
/// Steele, Lea and Flood 2014), so <c>--seed</c> reproduces a run byte for byte. Each part of the
/// model takes its own <see cref="Fork"/>, so adding solar or faults leaves the rest of the run as it was.
/// </summary>
public sealed class SimRandom
{
    private ulong _state;

    public SimRandom(ulong seed)
    {
        _state = seed;
    }

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15;
        var z = _state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1), from the top 53 bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public double Between(double low, double high) => low + ((high - low) * NextDouble());

    /// <summary>A whole number in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public int Between(int low, int high) => low + (int)(NextDouble() * (high - low));

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>A duration uniform between two lengths in minutes.</summary>
    public TimeSpan Minutes(double low, double high) => TimeSpan.FromSeconds(Math.Round(Between(low, high) * 60));

    /// <summary>An independent source for one part of the model, fixed by this source's seed and <paramref name="stream"/>.</summary>
    public SimRandom Fork(ulong stream) => new(Mix(_state ^ Mix(stream + 0x632BE59BD9B4E019)));

    private static ulong Mix(ulong value)
    {
        value = (value ^ (value >> 33)) * 0xFF51AFD7ED558CCD;
        value = (value ^ (value >> 33)) * 0xC4CEB9FE1A85EC53;
        return value ^ (value >> 33);
    }
}
