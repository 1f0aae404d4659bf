using System.Runtime.CompilerServices;
using Han.Sources.Captures;

namespace Han.Sources.Replay;

/// <summary>
/// The recorded pace of a han capture: each piece is due as long after the one before it as it was
/// received after it. The first piece of a later recording session follows the last of the one before
/// at once, since nobody watched the line in between (a capture recorded evening after evening must
/// not replay the nights); a receive time earlier than the one before (the clock was set back) is no wait.
/// </summary>
public static class CaptureTimeline
{
    public static async IAsyncEnumerable<TimedPiece> ReadAsync(CaptureReader capture, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(capture);
        var due = TimeSpan.Zero;
        DateTimeOffset? previous = null;
        await foreach (var piece in capture.ReadPiecesAsync(cancellationToken).ConfigureAwait(false))
        {
            if (previous is { } before && !piece.StartsSession && piece.Chunk.ReceivedAt > before)
            {
                due += piece.Chunk.ReceivedAt - before;
            }

            previous = piece.Chunk.ReceivedAt;
            yield return new TimedPiece(piece.Chunk.Bytes, due);
        }
    }
}
