using Han.Sources.Live;

namespace Han.Cli.Diagnosis;

/// <summary>
/// How long <c>han diagnose</c> listens to a live source: <c>--duration</c> from when the source is first
/// open. Finding the line setting (<c>--baud auto</c>) does not count: it ends by itself, each setting
/// heard for up to 12 s; and when it finds no setting, there is nothing to listen to and the watch ends at
/// once. A source that never opens (a bridge that refuses) is given the duration from the start.
/// </summary>
internal sealed class ListeningWindow : IDisposable
{
    private readonly TimeSpan _duration;
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _over;
    private bool _detecting;

    public ListeningWindow(TimeSpan duration, TimeProvider clock)
    {
        _duration = duration;
        _clock = clock;
        _over = new CancellationTokenSource(duration, clock);
        EndsAt = clock.GetUtcNow() + duration;
    }

    /// <summary>Cancelled when the watch is over.</summary>
    public CancellationToken Over => _over.Token;

    /// <summary>When the source was first open; null while it has not been.</summary>
    public DateTimeOffset? OpenedAt { get; private set; }

    /// <summary>When the watch will end; null while the line setting is being found.</summary>
    public DateTimeOffset? EndsAt { get; private set; }

    /// <summary>True when the watch ended because no line setting read the meter.</summary>
    public bool NoLineSetting { get; private set; }

    /// <summary>Follows the source: pauses while it searches for the line setting, starts over when it is first open.</summary>
    public void Follow(SourceEvent change)
    {
        switch (change.State)
        {
            case SourceState.Detecting:
                _detecting = true;
                EndsAt = null;
                _over.CancelAfter(Timeout.InfiniteTimeSpan);
                break;
            case SourceState.Disconnected when _detecting:
                // The search found no setting: the source would wait and search again, but what it
                // found is already the answer a diagnosis gives.
                NoLineSetting = true;
                _over.Cancel();
                break;
            case SourceState.Connected when OpenedAt is null:
                _detecting = false;
                OpenedAt = _clock.GetUtcNow();
                EndsAt = OpenedAt + _duration;
                _over.CancelAfter(_duration);
                break;
            case SourceState.Connected:
                _detecting = false;
                break;
        }
    }

    public void Dispose() => _over.Dispose();
}
