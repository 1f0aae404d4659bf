using Han.Protocol;
using Han.Protocol.Framing;
using Han.Protocol.MBus;

namespace Han.Pipeline.Inputs;

/// <summary>A stream of wired M-Bus long frames carrying DLMS (Austria, Poland): frames, then CI segments, then APDUs.</summary>
internal sealed class MBusInput : ReaderInput<MBusFrame>
{
    private readonly MBusSegmentAssembler _segments = new();

    public MBusInput(DecodeContext context)
        : base(context, new MBusFrameReader(), DecodeLayer.MBus)
    {
    }

    protected override void OnFrame(in MBusFrame frame)
    {
        Context.Observer.OnMBusFrame(frame);
        AddToApdu(frame);
    }

    protected override string Describe(in FrameDiscard discard) => DiscardText.Describe(discard, "M-Bus frame");

    public override void Complete()
    {
        if (_segments.Reset())
        {
            Context.Report(DecodeError.IncompleteSegments, DecodeLayer.MBus, _segments.FirstFrameOffset, $"the input ended after {_segments.SegmentCount} M-Bus segment(s) of an APDU whose last segment never came");
        }
    }

    private void AddToApdu(in MBusFrame frame)
    {
        var result = _segments.Add(frame, out var apdu, out var abandoned);
        if (abandoned)
        {
            Context.Report(DecodeError.IncompleteSegments, DecodeLayer.MBus, frame.Offset, "M-Bus segments arrived out of order or a new APDU began before the last segment of the previous one; the incomplete APDU is dropped");
        }

        switch (result)
        {
            case SegmentResult.Dropped:
                Context.Report(DecodeError.IncompleteSegments, DecodeLayer.MBus, frame.Offset, $"M-Bus segment {frame.SegmentNumber} of an APDU whose first segment was not received; dropped");
                break;
            case SegmentResult.TooLong:
                Context.Report(DecodeError.SegmentedApduTooLong, DecodeLayer.MBus, _segments.FirstFrameOffset, "M-Bus segments add up to more than an APDU can hold; dropped");
                break;
            case SegmentResult.Complete:
                // For one frame the APDU's stream offset is exact; for joined segments it points into the first frame.
                Context.Apdus.Process(apdu, _segments.FirstFrameOffset + MBusFrame.PayloadOffset);
                break;
        }
    }
}
