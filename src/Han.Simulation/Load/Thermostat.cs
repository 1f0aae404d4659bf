namespace Han.Simulation.Load;

/// <summary>
/// A switch that cycles on and off around a duty cycle, as a thermostat or a compressor does: each on
/// and off time is the period share times a random jitter, so cycles do not line up. The duty may change
/// between calls; it takes effect at the next switch.
/// </summary>
public sealed class Thermostat
{
    private readonly SimRandom _random;
    private readonly TimeSpan _period;
    private DateTimeOffset _nextSwitch = DateTimeOffset.MinValue;

    public Thermostat(SimRandom random, TimeSpan period)
    {
        _random = random;
        _period = period;
    }

    public bool IsOn { get; private set; }

    /// <summary>The state at <paramref name="now"/>, switching as often as the time since the last call needs.</summary>
    public bool At(DateTimeOffset now, double duty)
    {
        duty = Math.Clamp(duty, 0, 1);
        if (duty is 0 or 1)
        {
            // Nothing to cycle: a heater with no demand stays off, one that cannot keep up stays on.
            IsOn = duty == 1;
            _nextSwitch = now;
            return IsOn;
        }

        if (_nextSwitch == DateTimeOffset.MinValue)
        {
            // Start somewhere inside a cycle, not at its beginning.
            IsOn = _random.Chance(duty);
            _nextSwitch = now + (Length(IsOn, duty) * _random.NextDouble());
        }

        while (now >= _nextSwitch)
        {
            IsOn = !IsOn;
            _nextSwitch += Length(IsOn, duty);
        }

        return IsOn;
    }

    private TimeSpan Length(bool on, double duty)
    {
        var share = on ? duty : 1 - duty;
        var seconds = _period.TotalSeconds * share * _random.Between(0.7, 1.3);
        return TimeSpan.FromSeconds(Math.Max(10, Math.Round(seconds)));
    }
}
