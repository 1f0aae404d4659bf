namespace Han.Integrations.Mqtt;

/// <summary>
/// How long to wait before the next attempt to reach the broker: doubling from <see cref="First"/> up to
/// <see cref="Cap"/>, each wait drawn between half and all of that (jitter), so that many clients
/// whose broker restarts do not all knock at the same second.
/// </summary>
public sealed class ReconnectDelay(Random random)
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan Cap = TimeSpan.FromSeconds(60);

    private int _failures;

    /// <summary>The wait after one more failed attempt.</summary>
    public TimeSpan Next()
    {
        var ceiling = Math.Min(Cap.TotalMilliseconds, First.TotalMilliseconds * Math.Pow(2, Math.Min(_failures, 30)));
        _failures++;
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (random.NextDouble() / 2)));
    }

    /// <summary>A connection succeeded: the next failure starts again from <see cref="First"/>.</summary>
    public void Reset() => _failures = 0;
}
