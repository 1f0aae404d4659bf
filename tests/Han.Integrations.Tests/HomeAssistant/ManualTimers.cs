namespace Han.Integrations.Tests.HomeAssistant;

/// <summary>Timers that fire when the test says so (<see cref="FireAll"/>), not when a delay has passed: for what han does "later".</summary>
internal sealed class ManualTimers : TimeProvider
{
    private readonly List<Manual> _timers = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new Manual(callback, state);
        timer.Change(dueTime, period);
        lock (_timers)
        {
            _timers.Add(timer);
        }

        return timer;
    }

    /// <summary>How many timers are set and waiting.</summary>
    public int Armed
    {
        get
        {
            lock (_timers)
            {
                return _timers.Count(t => t.Armed);
            }
        }
    }

    /// <summary>Fires every timer that is set (as if its time had come); returns how many fired.</summary>
    public int FireAll()
    {
        List<Manual> due;
        lock (_timers)
        {
            due = [.. _timers.Where(t => t.Armed)];
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }

        return due.Count;
    }

    private sealed class Manual(TimerCallback callback, object? state) : ITimer
    {
        public bool Armed { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Armed = dueTime != Timeout.InfiniteTimeSpan;
            return true;
        }

        public void Fire()
        {
            Armed = false;
            callback(state);
        }

        public void Dispose() => Armed = false;

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
