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
            Context.ReportUnfinished(DecodeLayer.MBus, _segments.FirstFrameOffset, _segments.SegmentCount, "M-Bus segments");
        }
    }

    private void AddToApdu(in MBusFrame frame)
    {
        var result = _segments.Add(frame, out var apdu, out var abandoned);
        Context.ReportAssembly(result, abandoned, DecodeLayer.MBus, frame.Offset, _segments.FirstFrameOffset, "M-Bus segments");
        if (result == SegmentResult.Complete)
        {
            // For one frame the APDU's stream offset is exact; for joined segments it points into the first frame.
            Context.Apdus.Process(apdu, _segments.FirstFrameOffset + MBusFrame.PayloadOffset, _segments.SegmentCount);
        }
    }
}
