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

    private readonly int _maxApduLength;
    private byte[] _buffer = new byte[1024];
    private int _length;
    private int _nextSegment;

    public MBusSegmentAssembler()
        : this(MaxApduLength)
    {
    }

    /// <summary>For tests: a lower cap, which 16 segments can exceed.</summary>
    internal MBusSegmentAssembler(int maxApduLength)
    {
        _maxApduLength = maxApduLength;
    }

    /// <summary>True while segments of an APDU have arrived but its last segment has not.</summary>
    public bool IsPending { get; private set; }

    /// <summary>Stream offset of the first frame of the pending (or just completed) APDU.</summary>
    public long FirstFrameOffset { get; private set; }

    /// <summary>Frames that made up the pending (or just completed) APDU.</summary>
    public int SegmentCount { get; private set; }

    /// <summary>
    /// Adds a frame. Returns <see cref="SegmentResult.Complete"/> with the whole APDU when this frame ends
    /// one; <paramref name="abandoned"/> is set when pending segments had to be given up (a restart at
    /// segment 0, or a segment that does not follow, which is then <see cref="SegmentResult.Dropped"/>).
    /// The APDU span stays valid until the next call: a single frame (CI 0x10) is returned without a copy,
    /// as a slice of the frame.
    /// </summary>
    public SegmentResult Add(in MBusFrame frame, out ReadOnlySpan<byte> apdu, out bool abandoned)
    {
        apdu = default;
        abandoned = false;
        var number = frame.SegmentNumber;
        var payload = frame.Payload;
        if (number == 0)
        {
            abandoned = IsPending;
            IsPending = false;
            FirstFrameOffset = frame.Offset;
            SegmentCount = 1;
            if (frame.IsLastSegment)
            {
                // The common case: one frame, one APDU, no copy.
                apdu = payload;
                return SegmentResult.Complete;
            }

            _length = 0;
            _nextSegment = 0;
            SegmentCount = 0;
            IsPending = true;
        }
        else if (!IsPending || number != _nextSegment)
        {
            // A segment without its predecessors cannot be decoded; the rest of its APDU follows it here.
            abandoned = IsPending;
            IsPending = false;
            return SegmentResult.Dropped;
        }

        if (_length + payload.Length > _maxApduLength)
        {
            IsPending = false;
            return SegmentResult.TooLong;
        }

        Append(payload);
        SegmentCount++;
        _nextSegment = number + 1;
        if (!frame.IsLastSegment)
        {
            return SegmentResult.Pending;
        }

        IsPending = false;
        apdu = _buffer.AsSpan(0, _length);
        return SegmentResult.Complete;
    }

    /// <summary>Drops pending segments (end of stream); true when there were any.</summary>
    public bool Reset()
    {
        var had = IsPending;
        IsPending = false;
        _length = 0;
        return had;
    }

    private void Append(ReadOnlySpan<byte> data)
    {
        if (_length + data.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + data.Length));
        }

        data.CopyTo(_buffer.AsSpan(_length));
        _length += data.Length;
    }
}
