using System.Runtime.CompilerServices;

namespace Han.Sources.Replay;

/// <summary>
/// The pace of bytes recorded without times (a raw or hex capture): as fast as a Norwegian HAN port
/// delivers them, 2400 baud with 11 bits a byte (8E1: start, 8 data, parity, stop bits), about 218
/// bytes a second, in pieces of <see cref="PieceLength"/> bytes, each due when its last byte would
/// have arrived. The meter's pauses between lists are not in the bytes, so they are not played; the
/// pace is the fastest a real line could have given the bytes, never faster.
/// </summary>
public static class LineSpeedTimeline
{
    /// <summary>The bytes a USB serial adapter hands over at a time at most (an FTDI chip's 64-byte packet).</summary>
    public const int PieceLength = 64;

    public const int Baud = 2400;

    public const int BitsPerByte = 11;

    /// <summary>How long the line takes to carry <paramref name="bytes"/>.</summary>
    public static TimeSpan TimeFor(long bytes) => TimeSpan.FromTicks(bytes * BitsPerByte * TimeSpan.TicksPerSecond / Baud);

    /// <param name="bytes">The recording's bytes.</param>
    /// <param name="pieceLength">How much a piece holds: <see cref="PieceLength"/> to be paced as a line; more when nothing waits anyway.</param>
    /// <param name="cancellationToken">Ctrl-C.</param>
    public static async IAsyncEnumerable<TimedPiece> ReadAsync(Stream bytes, int pieceLength, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pieceLength);
        long played = 0;
        while (true)
        {
            // A local file's reads finish at once and may never look at the token: look here.
            cancellationToken.ThrowIfCancellationRequested();
            var piece = new byte[pieceLength];
            var read = await bytes.ReadAtLeastAsync(piece, pieceLength, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                yield break;
            }

            played += read;
            yield return new TimedPiece(piece.AsMemory(0, read), TimeFor(played));
        }
    }
}
