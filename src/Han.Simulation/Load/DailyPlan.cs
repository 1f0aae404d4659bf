namespace Han.Simulation.Load;

/// <summary>
/// Events an appliance plans for each local day (showers, dinner), drawn when the day begins, in time
/// order. On the first day of a run the events before its start are passed over, so starting at noon does
/// not pour the whole morning into the first instant.
/// </summary>
public sealed class DailyPlan<T>
{
    private readonly Func<LoadMoment, IEnumerable<T>> _plan;
    private readonly Func<T, DateTimeOffset> _timeOf;
    private DateOnly? _day;
    private int _taken;

    public DailyPlan(Func<LoadMoment, IEnumerable<T>> plan, Func<T, DateTimeOffset> timeOf)
    {
        _plan = plan;
        _timeOf = timeOf;
    }

    public IReadOnlyList<T> Today { get; private set; } = [];

    /// <summary>Today's events, planned afresh the first time a new local date is seen.</summary>
    public IReadOnlyList<T> For(in LoadMoment now)
    {
        if (now.Date != _day)
        {
            var first = _day is null;
            _day = now.Date;
            Today = [.. _plan(now).OrderBy(_timeOf)];
            var start = now.Instant;
            _taken = first ? Today.Count(item => _timeOf(item) < start) : 0;
        }

        return Today;
    }

    /// <summary>The events that have come due since the last call.</summary>
    public IEnumerable<T> TakeDue(LoadMoment now)
    {
        var today = For(now);
        while (_taken < today.Count && _timeOf(today[_taken]) <= now.Instant)
        {
            yield return today[_taken++];
        }
    }
}
