using System.Text;
using Han.Readings;
using Han.Sources.Live;

namespace Han.Sources.Captures;

/// <summary>
/// Writes what a source delivers to a han capture, a line per chunk, flushed as it goes. An existing
/// capture is added to (a new session starts with a comment), never replaced; any other existing file
/// is refused, so that a careless <c>--record capture.hex</c> cannot overwrite a capture of another kind.
/// </summary>
public sealed class CaptureWriter : IDisposable
{
    private readonly StreamWriter _writer;

    private CaptureWriter(StreamWriter writer)
    {
        _writer = writer;
    }

    /// <summary>Opens <paramref name="path"/> for a new session of <paramref name="source"/>; an <see cref="IOException"/> with the reason when it may not.</summary>
    public static CaptureWriter Open(string path, string source, DateTimeOffset now)
    {
        var existing = File.Exists(path) && new FileInfo(path).Length > 0;
        if (existing && !StartsAsCapture(path))
        {
            throw new IOException($"{path} exists and is not a han capture, so han will not write into it; give a new file name");
        }

        var cutShort = existing && !EndsWithLineEnd(path);
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n" };
        if (!existing)
        {
            writer.WriteLine(CaptureFormat.Header);
        }
        else if (cutShort)
        {
            // A recording that was killed mid-line: the new session starts on a line of its own, so that
            // only the cut line is damaged and not the comment that follows it.
            writer.WriteLine();
        }

        writer.WriteLine($"# {ReceiveTime.ToText(now)} recording {source}");
        writer.Flush();
        return new CaptureWriter(writer);
    }

    public void Write(ReceivedChunk chunk)
    {
        _writer.Write(ReceiveTime.ToText(chunk.ReceivedAt));
        _writer.Write(' ');
        _writer.WriteLine(Convert.ToHexString(chunk.Bytes.Span));
        _writer.Flush();
    }

    /// <summary>A comment line (a source event), so a capture tells what happened on the line.</summary>
    public void Note(DateTimeOffset at, string text)
    {
        _writer.WriteLine($"# {ReceiveTime.ToText(at)} {text.ReplaceLineEndings(" ")}");
        _writer.Flush();
    }

    public void Dispose() => _writer.Dispose();

    private static bool EndsWithLineEnd(string path)
    {
        using var file = File.OpenRead(path);
        file.Seek(-1, SeekOrigin.End);
        return file.ReadByte() == '\n';
    }

    private static bool StartsAsCapture(string path)
    {
        var start = new byte[32];
        using var file = File.OpenRead(path);
        return CaptureFormat.IsCapture(start.AsSpan(0, file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false)));
    }
}
