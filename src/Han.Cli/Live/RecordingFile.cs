using Han.Sources.Captures;
using Han.Sources.Live;

namespace Han.Cli.Live;

/// <summary>Where <c>han record</c> writes: a han capture (with receive times), or plain bytes with <c>--raw</c>.</summary>
internal sealed class RecordingFile : IDisposable
{
    private readonly CaptureWriter? _capture;
    private readonly FileStream? _raw;

    private RecordingFile(CaptureWriter? capture, FileStream? raw)
    {
        _capture = capture;
        _raw = raw;
    }

    /// <summary>Opens the file; an <see cref="IOException"/> with the reason when it may not be written.</summary>
    public static RecordingFile Open(string path, bool raw, string source, DateTimeOffset now)
    {
        if (!raw)
        {
            return new RecordingFile(CaptureWriter.Open(path, source, now), null);
        }

        try
        {
            // A raw file has no header to recognise it by: never written over.
            return new RecordingFile(null, new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read));
        }
        catch (IOException) when (File.Exists(path))
        {
            throw new IOException($"{path} exists; han writes raw bytes only to a new file, so give another name");
        }
    }

    public void Write(ReceivedChunk chunk)
    {
        if (_capture is not null)
        {
            _capture.Write(chunk);
            return;
        }

        _raw!.Write(chunk.Bytes.Span);
        _raw.Flush();
    }

    /// <summary>What the source reported, as a comment in a capture (a raw file has no place for it).</summary>
    public void Note(DateTimeOffset at, string text) => _capture?.Note(at, text);

    public void Dispose()
    {
        _capture?.Dispose();
        _raw?.Dispose();
    }
}
