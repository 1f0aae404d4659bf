namespace Han.TestCorpus.Clocks;

/// <summary>
/// A clock that never makes a test wait: a timer set for a delay moves the clock on by that delay and
/// fires at once, so paced code runs at full speed while every time it reads is the time it would
/// have read on a real clock. For code that waits on one timer at a time.
/// </summary>
public sealed class JumpingClock(DateTimeOffset start) : TimeProvider
{
    private long _elapsedTicks;

    /// <summary>How far the clock has moved since it was made.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref _elapsedTicks));

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() => start + Elapsed;

    public override long GetTimestamp() => Interlocked.Read(ref _elapsedTicks);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new Jump(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class Jump(JumpingClock clock, TimerCallback callback, object? state) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return true;
            }

            Interlocked.Add(ref clock._elapsedTicks, Math.Max(0, dueTime.Ticks));
            // Fired from the pool, as a real timer is: the caller may not be ready for its callback yet.
            ThreadPool.QueueUserWorkItem(_ => callback(state));
            return true;
        }

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
