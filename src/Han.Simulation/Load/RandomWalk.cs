namespace Han.Simulation.Load;

/// <summary>
/// A value that drifts by a random step at a fixed period and stays within bounds, optionally pulled
/// toward a target (weather, clouds, the supply voltage). Asked at any instant, it takes the steps due
/// since it was last asked; after a long jump (the first call, a day without calls) it starts afresh
/// where it is rather than taking thousands of steps.
/// </summary>
public sealed class RandomWalk
{
    private readonly SimRandom _random;
    private readonly TimeSpan _period;
    private readonly double _step;
    private readonly double _low;
    private readonly double _high;
    private readonly double _pull;
    private DateTimeOffset _last = DateTimeOffset.MinValue;

    /// <param name="random">This walk's own source.</param>
    /// <param name="period">How often it steps.</param>
    /// <param name="start">Where it starts.</param>
    /// <param name="step">The largest step either way.</param>
    /// <param name="low">The lowest it goes.</param>
    /// <param name="high">The highest it goes.</param>
    /// <param name="pull">The share of the distance to the target closed at each step (0: none).</param>
    public RandomWalk(SimRandom random, TimeSpan period, double start, double step, double low, double high, double pull = 0)
    {
        _random = random;
        _period = period;
        Value = start;
        _step = step;
        _low = low;
        _high = high;
        _pull = pull;
    }

    public double Value { get; private set; }

    public double At(DateTimeOffset now, double target = 0)
    {
        if (_last == DateTimeOffset.MinValue || now - _last > 1000 * _period)
        {
            _last = now;
            return Value;
        }

        while (now - _last >= _period)
        {
            _last += _period;
            Value = Math.Clamp(Value + ((target - Value) * _pull) + _random.Between(-_step, _step), _low, _high);
        }

        return Value;
    }
}
