using Han.Protocol.Framing;

namespace Han.Protocol.MBus;

/// <summary>
/// Joins the payloads of M-Bus segments (CI bits 0–3 = segment number, bit 4 = FIN; protocol.md §3.1)
/// into one APDU. Segments must come in order, numbered 0, 1, 2, … up to the one with FIN set. A
/// segment 0 while segments are pending, or a segment whose number does not follow, gives up the
/// pending APDU (reported through <c>abandoned</c>). A segment numbered above 0 with nothing pending
/// (its first segment was never received, was dropped or did not follow) is
/// <see cref="SegmentResult.Dropped"/>. The buffer is reused: no allocation per frame once it has grown.
/// </summary>
public sealed class MBusSegmentAssembler
{
    /// <summary>
    /// A DLMS push larger than this is not a meter talking. (With 4-bit segment numbers an APDU spans at
    /// most 16 frames, about 4 KiB, so only a smaller limit given to the internal constructor is reached.)
    /// </summary>
    public const int MaxApduLength = 64 * 1024;

    private readonly NumberedPieceJoiner _joiner;

    public MBusSegmentAssembler()
        : this(MaxApduLength)
    {
    }

    /// <summary>For tests: a lower cap, which 16 segments can exceed.</summary>
    internal MBusSegmentAssembler(int maxApduLength)
    {
        _joiner = new NumberedPieceJoiner(firstNumber: 0, maxApduLength);
    }

    /// <summary>True while segments of an APDU have arrived but its last segment has not.</summary>
    public bool IsPending => _joiner.IsPending;

    /// <summary>Stream offset of the first frame of the pending (or just completed) APDU.</summary>
    public long FirstFrameOffset { get; private set; }

    /// <summary>Frames that made up the pending (or just completed) APDU.</summary>
    public int SegmentCount => _joiner.Count;

    /// <summary>
    /// Adds a frame. Returns <see cref="SegmentResult.Complete"/> with the whole APDU when this frame ends
    /// one; <paramref name="abandoned"/> is set when pending segments had to be given up (a restart at
    /// segment 0, or a segment that does not follow, which is then <see cref="SegmentResult.Dropped"/>).
    /// The APDU span stays valid until the next call: a single frame (CI 0x10) is returned without a copy,
    /// as a slice of the frame.
    /// </summary>
    public SegmentResult Add(in MBusFrame frame, out ReadOnlySpan<byte> apdu, out bool abandoned)
    {
        if (frame.SegmentNumber == 0)
        {
            FirstFrameOffset = frame.Offset;
        }

        return _joiner.Add(frame.SegmentNumber, frame.IsLastSegment, frame.Payload, out apdu, out abandoned);
    }

    /// <summary>Drops pending segments (end of stream); true when there were any.</summary>
    public bool Reset() => _joiner.Reset();
}
