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
            Context.ReportUnfinished(DecodeLayer.Hdlc, _segments.FirstFrameOffset, _segments.SegmentCount, "segments");
        }
    }

    private void AddToApdu(in HdlcFrame frame)
    {
        var result = _segments.Add(frame, out var apdu, out var abandoned);
        Context.ReportAssembly(result, abandoned, DecodeLayer.Hdlc, frame.Offset, _segments.FirstFrameOffset, "segments");
        if (result == SegmentResult.Complete)
        {
            // For a single frame the APDU's stream offset is exact; for joined segments it points into the first frame.
            var informationStart = _segments.FirstFrameOffset + 1 + frame.InformationOffset;
            var llcLength = _segments.SegmentCount == 1 && Llc.HasHeader(frame.Information) ? Llc.HeaderLength : 0;
            Context.Apdus.Process(apdu, informationStart + llcLength, _segments.SegmentCount);
        }
    }
}
