using Han.Protocol.Framing;

namespace Han.Protocol.Hdlc;

/// <summary>
/// Joins the information fields of segmented HDLC frames (segmentation bit set on every frame but the
/// last; Green Book §8.4.1.3) into one APDU. Only the first segment carries the LLC header, so a frame
/// that starts with an LLC header while segments are pending begins a new APDU and the pending one is
/// reported as incomplete. Segments that follow a dropped or never-seen first segment are dropped up
/// to the last one (they cannot be decoded on their own). The buffer is reused: no allocation per
/// frame once it has grown.
/// </summary>
public sealed class HdlcSegmentAssembler
{
    /// <summary>A DLMS push larger than this is not a meter talking.</summary>
    public const int MaxApduLength = 64 * 1024;

    private readonly ReassemblyBuffer _buffer = new(4096, MaxApduLength);
    private HdlcAddress _source;
    private bool _dropping;

    /// <summary>True while segments of an APDU have arrived but its last segment has not.</summary>
    public bool IsPending { get; private set; }

    /// <summary>Stream offset of the first frame of the pending (or just completed) APDU.</summary>
    public long FirstFrameOffset { get; private set; }

    /// <summary>Frames that made up the pending (or just completed) APDU.</summary>
    public int SegmentCount { get; private set; }

    /// <summary>
    /// Adds a frame. Returns <see cref="SegmentResult.Complete"/> with the whole APDU (LLC removed) when
    /// this frame ends one; <paramref name="abandoned"/> is set when pending segments had to be dropped.
    /// The APDU span stays valid until the next call.
    /// </summary>
    public SegmentResult Add(in HdlcFrame frame, out ReadOnlySpan<byte> apdu, out bool abandoned)
    {
        apdu = default;
        abandoned = false;
        var information = frame.Information;
        var hasLlc = Llc.HasHeader(information);
        if (_dropping)
        {
            // The rest of an APDU whose start was missed or dropped: no part of it can be decoded.
            _dropping = !hasLlc && frame.IsSegmented;
            if (!hasLlc)
            {
                return SegmentResult.Dropped;
            }
        }

        var startsNewApdu = !IsPending || hasLlc || frame.Source != _source;
        if (startsNewApdu)
        {
            abandoned = IsPending;
            IsPending = false;
            if (!frame.IsSegmented)
            {
                // The common case: one frame, one APDU, no copy.
                FirstFrameOffset = frame.Offset;
                SegmentCount = 1;
                apdu = hasLlc ? information[Llc.HeaderLength..] : information;
                return SegmentResult.Complete;
            }

            if (!hasLlc)
            {
                // A middle segment with nothing before it: its first segment was never received.
                _dropping = true;
                return SegmentResult.Dropped;
            }

            IsPending = true;
            _buffer.Clear();
            _source = frame.Source;
            FirstFrameOffset = frame.Offset;
            SegmentCount = 0;
            information = information[Llc.HeaderLength..];
        }

        if (!_buffer.TryAppend(information))
        {
            IsPending = false;
            _dropping = frame.IsSegmented;
            return SegmentResult.TooLong;
        }

        SegmentCount++;
        if (frame.IsSegmented)
        {
            return SegmentResult.Pending;
        }

        IsPending = false;
        apdu = _buffer.Contents;
        return SegmentResult.Complete;
    }

    /// <summary>Drops pending segments (end of stream); true when there were any.</summary>
    public bool Reset()
    {
        var had = IsPending;
        IsPending = false;
        _dropping = false;
        _buffer.Clear();
        return had;
    }
}
