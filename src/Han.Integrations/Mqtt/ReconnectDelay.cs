namespace Han.Integrations.Mqtt;

/// <summary>
/// How long to wait before the next attempt to reach the broker: doubling from <see cref="First"/> up to
/// <see cref="Cap"/>, each wait drawn between half and all of that (jitter), so that many clients
/// whose broker restarts do not all knock at the same second.
/// </summary>
public sealed class ReconnectDelay
{
    public static readonly TimeSpan DefaultFirst = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan DefaultCap = TimeSpan.FromSeconds(60);

    private readonly Random _random;
    private int _failures;

    public ReconnectDelay(Random random)
        : this(random, DefaultFirst, DefaultCap)
    {
    }

    /// <summary>Other waits than han's (a test that must see several attempts at the cap in seconds, not minutes).</summary>
    public ReconnectDelay(Random random, TimeSpan first, TimeSpan cap)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(first, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(cap, first);
        _random = random;
        First = first;
        Cap = cap;
    }

    public TimeSpan First { get; }

    public TimeSpan Cap { get; }

    /// <summary>The wait after one more failed attempt.</summary>
    public TimeSpan Next()
    {
        var ceiling = Math.Min(Cap.TotalMilliseconds, First.TotalMilliseconds * Math.Pow(2, Math.Min(_failures, 30)));
        _failures++;
        return Jittered(ceiling);
    }

    /// <summary>
    /// A wait at the cap at once, and every <see cref="Next"/> after it too until <see cref="Reset"/>: for
    /// trouble that trying again soon cannot end (another client holding han's client id).
    /// </summary>
    public TimeSpan Longest()
    {
        _failures = 30;
        return Jittered(Cap.TotalMilliseconds);
    }

    /// <summary>A connection succeeded: the next failure starts again from <see cref="First"/>.</summary>
    public void Reset() => _failures = 0;

    private TimeSpan Jittered(double ceiling) => TimeSpan.FromMilliseconds(ceiling * (0.5 + (_random.NextDouble() / 2)));
}
