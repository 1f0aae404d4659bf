namespace Han.Simulation.Meters;

/// <summary>
/// The four cumulative registers (A+, A-, R+, R-), kept exactly in watt-milliseconds: each reported power
/// holds from its report until the next, and what it contributes is power × milliseconds, an integer. A
/// register as sent is the whole number of its resolution (10 Wh for Aidon and Kamstrup, 1 Wh for Kaifa)
/// that the integral has reached; nothing is rounded up and nothing is lost between hours.
/// </summary>
public sealed class EnergyRegisters
{
    public const long WattMillisecondsPerWattHour = 3_600_000;

    private readonly long[] _wattMilliseconds;

    /// <param name="initialWattMilliseconds">A+, A-, R+, R- at the start, in W·ms (var·ms).</param>
    public EnergyRegisters(IReadOnlyList<long> initialWattMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(initialWattMilliseconds);
        if (initialWattMilliseconds.Count != 4)
        {
            throw new ArgumentException("four registers: A+, A-, R+, R-", nameof(initialWattMilliseconds));
        }

        _wattMilliseconds = [.. initialWattMilliseconds];
    }

    /// <summary>A+, A-, R+, R- so far, in W·ms.</summary>
    public IReadOnlyList<long> WattMilliseconds => _wattMilliseconds;

    public void Add(MeasuredPower power, long milliseconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(milliseconds);
        checked
        {
            _wattMilliseconds[0] += power.ActiveImport * milliseconds;
            _wattMilliseconds[1] += power.ActiveExport * milliseconds;
            _wattMilliseconds[2] += power.ReactiveImport * milliseconds;
            _wattMilliseconds[3] += power.ReactiveExport * milliseconds;
        }
    }

    public EnergyRegisters Snapshot() => new(_wattMilliseconds);

    /// <summary>Register <paramref name="index"/> (0 A+, 1 A-, 2 R+, 3 R-) in units of 10^<paramref name="scaler"/> Wh, rounded down.</summary>
    public long Register(int index, sbyte scaler)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(scaler);
        var unit = WattMillisecondsPerWattHour;
        for (var i = 0; i < scaler; i++)
        {
            unit *= 10;
        }

        return _wattMilliseconds[index] / unit;
    }
}
