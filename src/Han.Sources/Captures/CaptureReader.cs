using System.Globalization;
using System.Runtime.CompilerServices;
using Han.Sources.Live;

namespace Han.Sources.Captures;

/// <summary>
/// Reads a han capture back as the chunks that arrived, each with its recorded receive time. A line
/// that is not a comment, a time and hex is an <see cref="InvalidDataException"/> naming the line,
/// after every chunk before it was delivered.
/// </summary>
public static class CaptureReader
{
    public static async IAsyncEnumerable<ReceivedChunk> ReadAsync(Stream capture, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(capture);
        using var reader = new StreamReader(capture, leaveOpen: true);
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            number++;
            if (line.Length == 0 || line[0] == '#' || (number == 1 && line.StartsWith("\uFEFF#", StringComparison.Ordinal)))
            {
                continue;
            }

            yield return Parse(line, number);
        }
    }

    private static ReceivedChunk Parse(string line, int number)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0 || !DateTimeOffset.TryParseExact(line[..space], "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var received))
        {
            throw new InvalidDataException($"capture, line {number}: expected a receive time such as 2026-12-01T20:00:00.123Z, a space and hex bytes");
        }

        try
        {
            return new ReceivedChunk(Convert.FromHexString(line.AsSpan(space + 1).Trim()), received);
        }
        catch (FormatException)
        {
            throw new InvalidDataException($"capture, line {number}: the bytes after the receive time are not an even number of hex digits");
        }
    }
}
