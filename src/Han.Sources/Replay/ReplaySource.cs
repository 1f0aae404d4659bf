using System.Runtime.CompilerServices;
using Han.Sources.Captures;
using Han.Sources.Live;
using Han.Sources.Serving;

namespace Han.Sources.Replay;

/// <summary>
/// A recording played back as a live source (<c>han replay</c>, and a replay source for the service):
/// a han capture at its recorded pace (<see cref="CaptureTimeline"/>), bytes without times at line
/// speed (<see cref="LineSpeedTimeline"/>), each <see cref="Pace"/> times faster, or without waiting at
/// <see cref="Pace.Max"/>; with <c>loop</c>, again from the start whenever it ends. Each piece carries
/// the time it is played. Pacing is on the given clock, measured from the start, so waits never add up
/// to drift. A damaged capture line ends the replay with an <see cref="InvalidDataException"/> after
/// every piece before it.
/// </summary>
public sealed class ReplaySource : IByteSource
{
    /// <summary>How much a piece holds when nothing waits: a large read, as from a file.</summary>
    private const int FullSpeedPieceLength = 16 * 1024;

    private readonly Func<CancellationToken, Task<Stream>> _open;
    private readonly Pace _pace;
    private readonly bool _loop;
    private readonly TimeProvider _time;

    /// <param name="open">Opens the recording from its start (as <see cref="InputOpener"/> recognises it): once, and again for each loop.</param>
    /// <param name="description">What is replayed, for messages.</param>
    /// <param name="pace">How fast.</param>
    /// <param name="loop">Start again at the end, until cancelled.</param>
    /// <param name="time">The clock the pace is kept on.</param>
    public ReplaySource(Func<CancellationToken, Task<Stream>> open, string description, Pace pace, bool loop, TimeProvider time)
    {
        _open = open ?? throw new ArgumentNullException(nameof(open));
        Description = description;
        _pace = pace;
        _loop = loop;
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    public string Description { get; }

    /// <summary>How many times the recording has been started.</summary>
    public int Rounds { get; private set; }

    public async IAsyncEnumerable<ReceivedChunk> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var began = _time.GetTimestamp();
        var roundStart = TimeSpan.Zero; // where the current round begins on the recording's time line
        while (true)
        {
            Rounds++;
            var last = (TimeSpan?)null;
            var recording = await _open(cancellationToken).ConfigureAwait(false);
            await using (recording.ConfigureAwait(false))
            {
                await foreach (var piece in Timeline(recording, cancellationToken).ConfigureAwait(false))
                {
                    var wait = _pace.RealTimeFor(roundStart + piece.Due) - _time.GetElapsedTime(began);
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                    }

                    yield return new ReceivedChunk(piece.Bytes, _time.GetUtcNow());
                    last = piece.Due;
                }
            }

            if (!_loop)
            {
                yield break;
            }

            // An empty recording played again and again would spin without end.
            roundStart += last ?? throw new InvalidDataException($"{Description} holds no bytes, so there is nothing to play again and again");
        }
    }

    private IAsyncEnumerable<TimedPiece> Timeline(Stream recording, CancellationToken cancellationToken) => recording is CaptureStream capture
        ? CaptureTimeline.ReadAsync(capture.Pieces, cancellationToken)
        : LineSpeedTimeline.ReadAsync(recording, _pace.IsMax ? FullSpeedPieceLength : LineSpeedTimeline.PieceLength, cancellationToken);
}
