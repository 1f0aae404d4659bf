using Han.Protocol;
using Han.Protocol.Framing;
using Han.Protocol.Hdlc;

namespace Han.Pipeline.Inputs;

/// <summary>A stream of HDLC frames (Norway, Sweden, Denmark, Switzerland): frames, then segments, then APDUs.</summary>
internal sealed class HdlcInput : ReaderInput<HdlcFrame>
{
    private readonly HdlcSegmentAssembler _segments = new();

    public HdlcInput(DecodeContext context)
        : base(context, new HdlcFrameReader(), DecodeLayer.Hdlc)
    {
    }

    protected override void OnFrame(in HdlcFrame frame)
    {
        Context.Observer.OnFrame(frame);
        if (frame.HasInformation)
        {
            AddToApdu(frame);
        }
    }

    protected override string Describe(in FrameDiscard discard) => DiscardText.Describe(discard, "frame");

    public override void Complete()
    {
        if (_segments.Reset())
        {
            Context.Report(DecodeError.IncompleteSegments, DecodeLayer.Hdlc, _segments.FirstFrameOffset, $"the input ended after {_segments.SegmentCount} segment(s) of an APDU whose last segment never came");
        }
    }

    private void AddToApdu(in HdlcFrame frame)
    {
        var result = _segments.Add(frame, out var apdu, out var abandoned);
        if (abandoned)
        {
            Context.Report(DecodeError.IncompleteSegments, DecodeLayer.Hdlc, frame.Offset, "a new APDU began before the last segment of the previous one arrived; the incomplete APDU is dropped");
        }

        switch (result)
        {
            case SegmentResult.Dropped:
                Context.Report(DecodeError.IncompleteSegments, DecodeLayer.Hdlc, frame.Offset, "a segment of an APDU whose first segment was not received; dropped");
                break;
            case SegmentResult.TooLong:
                Context.Report(DecodeError.SegmentedApduTooLong, DecodeLayer.Hdlc, _segments.FirstFrameOffset, $"segments add up to more than {HdlcSegmentAssembler.MaxApduLength} bytes; dropped");
                break;
            case SegmentResult.Complete:
                // For a single frame the APDU's stream offset is exact; for joined segments it points into the first frame.
                var informationStart = _segments.FirstFrameOffset + 1 + frame.InformationOffset;
                var llcLength = _segments.SegmentCount == 1 && Llc.HasHeader(frame.Information) ? Llc.HeaderLength : 0;
                Context.Apdus.Process(apdu, informationStart + llcLength);
                break;
        }
    }
}
