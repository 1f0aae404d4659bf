using System.Buffers;

namespace Han.Protocol.Framing;

/// <summary>
/// What every frame reader does the same way, whatever its framing: it keeps the stream position and
/// the statistics, and turns a <see cref="ReadOnlySequence{T}"/> (as a <c>PipeReader</c> hands out) into
/// calls on one contiguous span. A derived reader only says how to read a frame from the start of a
/// span. One instance per stream.
/// </summary>
/// <typeparam name="TFrame">The frame type, a ref struct that points into the bytes it was read from.</typeparam>
public abstract class StreamFrameReader<TFrame>
    where TFrame : allows ref struct
{
    private readonly byte[] _scratch;

    /// <param name="longestDecision">
    /// Most bytes <see cref="Read"/> ever needs to decide: with this many it never asks for more.
    /// </param>
    protected StreamFrameReader(int longestDecision)
    {
        _scratch = new byte[longestDecision];
    }

    public FramingStatistics Statistics { get; } = new();

    /// <summary>Stream offset of the next byte this reader will look at.</summary>
    public long Position { get; private set; }

    /// <summary>
    /// Reads from the start of <paramref name="buffer"/>. The caller must drop <paramref name="consumed"/>
    /// bytes from the front of its buffer after every call, whatever the status. With
    /// <paramref name="isFinalBlock"/> no more bytes will come, so an incomplete frame is given up.
    /// </summary>
    public FrameReadStatus TryRead(ReadOnlySpan<byte> buffer, bool isFinalBlock, out int consumed, out TFrame frame, out FrameDiscard discard)
    {
        var origin = Position;
        var status = Read(buffer, isFinalBlock, origin, out consumed, out frame, out discard);
        Position = origin + consumed;
        return status;
    }

    /// <summary>
    /// The same over a <see cref="ReadOnlySequence{T}"/>; advances <paramref name="buffer"/> past what was
    /// consumed. A frame that straddles segments is copied once into a buffer this reader owns, so
    /// <paramref name="frame"/> is valid until the next call.
    /// </summary>
    public FrameReadStatus TryRead(ref ReadOnlySequence<byte> buffer, bool isFinalBlock, out TFrame frame, out FrameDiscard discard)
    {
        FrameReadStatus status;
        int consumed;
        if (buffer.IsSingleSegment)
        {
            status = TryRead(buffer.FirstSpan, isFinalBlock, out consumed, out frame, out discard);
            buffer = buffer.Slice(consumed);
            return status;
        }

        status = TryRead(buffer.FirstSpan, isFinalBlock: false, out consumed, out frame, out discard);
        if (status != FrameReadStatus.NeedMoreData)
        {
            buffer = buffer.Slice(consumed);
            return status;
        }

        // The scratch buffer holds the longest decision, so one more read always decides.
        buffer = buffer.Slice(consumed);
        var window = (int)Math.Min(buffer.Length, _scratch.Length);
        buffer.Slice(0, window).CopyTo(_scratch);
        status = TryRead(_scratch.AsSpan(0, window), isFinalBlock && window == buffer.Length, out consumed, out frame, out discard);
        buffer = buffer.Slice(consumed);
        return status;
    }

    /// <summary>
    /// Reads one frame, or one run of discarded bytes, from the start of <paramref name="buffer"/>, whose
    /// first byte is at stream offset <paramref name="origin"/>; or consumes nothing and asks for more.
    /// </summary>
    protected abstract FrameReadStatus Read(ReadOnlySpan<byte> buffer, bool isFinalBlock, long origin, out int consumed, out TFrame frame, out FrameDiscard discard);

    /// <summary>Discards <paramref name="count"/> bytes after the <paramref name="consumed"/> ones, counting them.</summary>
    protected FrameDiscard Discard(DecodeError reason, long origin, ref int consumed, int count, int declaredLength)
    {
        var result = new FrameDiscard(reason, origin + consumed, count, declaredLength);
        Statistics.AddDiscard(reason, count);
        consumed += count;
        return result;
    }
}
