namespace Han.Sources.Captures;

/// <summary>
/// han's capture file (docs/capture-format.md): UTF-8 text, one line per piece of bytes as it arrived,
/// <c>2026-12-01T20:00:00.123Z 7EA0E22B...</c> (receive time in UTC, then the bytes in hex), and
/// comment lines starting with <c>#</c>; the first line is <see cref="Header"/>. Text, so that a user
/// can read, cut and paste it into a bug report; line-oriented, so that a crash loses at most the line
/// being written, and a capture can be appended to.
/// </summary>
public static class CaptureFormat
{
    /// <summary>The first line; its number is the format's version.</summary>
    public const string Header = "# han capture 1";

    /// <summary>True when <paramref name="start"/> (the first bytes of an input) begins a han capture.</summary>
    public static bool IsCapture(ReadOnlySpan<byte> start)
    {
        ReadOnlySpan<byte> header = "# han capture "u8;
        var bom = start.StartsWith("\uFEFF"u8) ? 3 : 0;
        return start[bom..].StartsWith(header);
    }
}
