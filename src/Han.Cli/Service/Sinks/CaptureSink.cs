using Han.Live.Fanout;
using Han.Sources.Captures;
using Han.Sources.Live;

namespace Han.Cli.Service.Sinks;

/// <summary>
/// <c>outputs.capture</c>: every byte the meter's source delivered, with receive times, and what the
/// source reported as comments, in a han capture (docs/capture-format.md) that <c>han decode</c> and
/// <c>han replay</c> read. Opened at the first event and opened again after a failure, so a disk that
/// was full or a folder that was missing costs only the events in between (counted by the queue).
/// </summary>
internal sealed class CaptureSink(string path, string source, TimeProvider clock) : IMeterSink
{
    private CaptureWriter? _writer;

    public string Name => $"capture {path}";

    public bool Accepts(MeterEvent item) => item is BytesReceived or LineNote;

    public ValueTask WriteAsync(MeterEvent item, CancellationToken cancellationToken)
    {
        try
        {
            _writer ??= CaptureWriter.Open(path, source, clock.GetUtcNow());
            switch (item)
            {
                case BytesReceived bytes:
                    _writer.Write(new ReceivedChunk(bytes.Bytes, bytes.At));
                    break;
                case LineNote note:
                    _writer.Note(note.At, note.Text);
                    break;
            }
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            Close();
            throw new IOException($"cannot write: {problem.Message}", problem);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask; // every line is flushed as written

    public ValueTask DisposeAsync()
    {
        Close();
        return ValueTask.CompletedTask;
    }

    private void Close()
    {
        var writer = _writer;
        _writer = null;
        try
        {
            writer?.Dispose();
        }
        catch (IOException)
        {
            // Its last line could not be written either; the failure was reported already.
        }
    }
}
