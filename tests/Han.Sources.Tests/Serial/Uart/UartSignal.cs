namespace Han.Sources.Tests.Serial.Uart;

/// <summary>
/// The level of a serial line over time, in seconds: idle high (mark, logic 1) until the first change,
/// then alternating at each recorded time. Held as the times of the changes only, so that hours of
/// meter traffic at 115200 baud cost no more than the bits that change.
/// </summary>
internal sealed class UartSignal
{
    private readonly List<double> _changes = [];

    /// <summary>Where the last lookup ended: a receiver samples forward in time, so the next one is a step or two away.</summary>
    private int _hint;

    /// <summary>The time after which the line stays idle.</summary>
    public double End { get; private set; }

    /// <summary>Sets the line to <paramref name="high"/> from <paramref name="time"/> on (times must not go back).</summary>
    public void Set(double time, bool high)
    {
        if (_changes.Count > 0 && time < _changes[^1])
        {
            throw new ArgumentOutOfRangeException(nameof(time), "a line's level is set in time order");
        }

        if (high != IsHigh(_changes.Count))
        {
            _changes.Add(time);
        }

        End = Math.Max(End, time);
    }

    public bool IsHighAt(double time) => IsHigh(ChangesUpTo(time));

    /// <summary>The first change from high to low strictly after <paramref name="time"/>, or null.</summary>
    public double? NextFallingEdgeAfter(double time)
    {
        var next = ChangesUpTo(time);

        // Changes alternate from idle high: those at even positions go low.
        var falling = next % 2 == 0 ? next : next + 1;
        return falling < _changes.Count ? _changes[falling] : null;
    }

    /// <summary>How many changes happened up to <paramref name="time"/> (a change belongs to its own time).</summary>
    private int ChangesUpTo(double time)
    {
        var count = Math.Min(_hint, _changes.Count);
        for (var step = 0; step < 32; step++)
        {
            if (count > 0 && _changes[count - 1] > time)
            {
                count--;
            }
            else if (count < _changes.Count && _changes[count] <= time)
            {
                count++;
            }
            else
            {
                return _hint = count;
            }
        }

        var index = _changes.BinarySearch(time);
        return _hint = index < 0 ? ~index : index + 1;
    }

    private static bool IsHigh(int changes) => changes % 2 == 0;
}
