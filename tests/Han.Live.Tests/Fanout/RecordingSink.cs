using Han.Live.Fanout;

namespace Han.Live.Tests.Fanout;

/// <summary>A sink that keeps what it was given, can be held up at a gate, and fails on the notes it is told to.</summary>
internal sealed class RecordingSink : IMeterSink
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RecordingSink(bool held = false)
    {
        if (!held)
        {
            _gate.SetResult();
        }
    }

    public string Name => "recording";

    public List<string> Written { get; } = [];

    public HashSet<string> FailOn { get; } = [];

    public int Flushes { get; private set; }

    public bool Disposed { get; private set; }

    /// <summary>Set when the first write waits at the gate.</summary>
    public TaskCompletionSource Waiting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _gate.TrySetResult();

    public bool Accepts(MeterEvent item) => item is LineNote;

    public async ValueTask WriteAsync(MeterEvent item, CancellationToken cancellationToken)
    {
        Waiting.TrySetResult();
        await _gate.Task.WaitAsync(cancellationToken);
        var text = ((LineNote)item).Text;
        if (FailOn.Contains(text))
        {
            throw new IOException($"no space left for {text}");
        }

        Written.Add(text);
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        Flushes++;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }

    public static LineNote Note(string text) => new("house", DateTimeOffset.UnixEpoch, text, NoteLevel.Information);
}
