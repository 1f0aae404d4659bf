using Han.Protocol.MBus;

namespace Han.Protocol.Diagnostics;

/// <summary>Names every byte of a wired M-Bus long frame (EN 13757-2; protocol.md §3.1) for the hex and tree views.</summary>
public static class MBusAnnotator
{
    public static IReadOnlyList<Annotation> Annotate(ReadOnlySpan<byte> wire)
    {
        var output = new List<Annotation>();
        if (!MBusFrame.TryParse(wire, 0, out var frame, out _))
        {
            output.Add(new Annotation(0, wire.Length, 0, "not a good M-Bus long frame", "not a good M-Bus long frame"));
            return output;
        }

        var segment = frame.IsLastSegment && frame.SegmentNumber == 0
            ? "single segment"
            : $"segment {frame.SegmentNumber}{(frame.IsLastSegment ? ", the last" : ", more follow")}";
        output.Add(new Annotation(0, 1, 0, "start 0x68", $"M-Bus long frame, {frame.Length} bytes from C to CS, {segment}"));
        output.Add(new Annotation(1, 2, 1, $"length L = {frame.Length} (sent twice{(wire[1] < 4 ? "; L < 4 read as L + 256, the Sagemcom quirk" : string.Empty)})"));
        output.Add(new Annotation(3, 1, 1, "start 0x68"));
        output.Add(new Annotation(4, 1, 1, $"C 0x{frame.Control:X2} ({(frame.Control & 0x4F) switch { 0x43 => "SND_UD", 0x08 => "RSP_UD", _ => "control" }}{((frame.Control & 0x20) != 0 ? ", FCB set" : string.Empty)})", $"C 0x{frame.Control:X2}, A 0x{frame.Address:X2}, CI 0x{frame.ControlInformation:X2}, TSAPs 0x{frame.SourceTsap:X2} / 0x{frame.DestinationTsap:X2}"));
        output.Add(new Annotation(5, 1, 1, $"A 0x{frame.Address:X2}{(frame.Address == 0xFF ? " (broadcast)" : string.Empty)}"));
        output.Add(new Annotation(6, 1, 1, $"CI 0x{frame.ControlInformation:X2}: {segment}"));
        output.Add(new Annotation(7, 1, 1, $"source TSAP 0x{frame.SourceTsap:X2}"));
        output.Add(new Annotation(8, 1, 1, $"destination TSAP 0x{frame.DestinationTsap:X2}"));
        var payload = frame.Payload;
        if (frame.IsLastSegment && frame.SegmentNumber == 0)
        {
            FrameAnnotator.AnnotateApdu(payload, MBusFrame.PayloadOffset, 1, output);
        }
        else
        {
            output.Add(new Annotation(MBusFrame.PayloadOffset, payload.Length, 1, $"segment data, {payload.Length} bytes (joined with the other segments)", "segment data"));
        }

        output.Add(new Annotation(wire.Length - 2, 1, 1, $"checksum 0x{wire[^2]:X2} (ok)"));
        output.Add(new Annotation(wire.Length - 1, 1, 0, "stop 0x16"));
        return output;
    }
}
