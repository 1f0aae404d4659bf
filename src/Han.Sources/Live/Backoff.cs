namespace Han.Sources.Live;

/// <summary>
/// How long to wait before the next attempt to reach a source: doubling from <see cref="First"/> up to
/// <see cref="Longest"/>, each wait drawn between half and all of it ("equal jitter"), so that many
/// readers of one restarted bridge do not all knock at the same instant. Starts again from the first
/// wait once a connection has delivered bytes.
/// </summary>
public sealed class Backoff
{
    private readonly Random _random;
    private int _failures;

    public Backoff(TimeSpan first, TimeSpan longest, Random? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(first, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(longest, first);
        First = first;
        Longest = longest;
        _random = random ?? Random.Shared;
    }

    public TimeSpan First { get; }

    public TimeSpan Longest { get; }

    /// <summary>The wait after one more failure in a row.</summary>
    public TimeSpan Next()
    {
        var ceiling = First * Math.Pow(2, Math.Min(_failures, 30));
        _failures++;
        if (ceiling > Longest)
        {
            ceiling = Longest;
        }

        return ceiling * (0.5 + (_random.NextDouble() / 2));
    }

    /// <summary>A connection worked: the next failure waits <see cref="First"/> again.</summary>
    public void Reset() => _failures = 0;
}
