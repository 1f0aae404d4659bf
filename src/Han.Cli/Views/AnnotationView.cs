using System.Globalization;
using System.Text;
using Han.Pipeline;
using Han.Protocol.Diagnostics;
using Han.Protocol.Hdlc;
using Han.Protocol.MBus;
using Han.Protocol.P1;

namespace Han.Cli.Views;

/// <summary>
/// Base of the hex and tree views: annotates every frame (or lone message) and every APDU joined from
/// segments, then lets the subclass print the annotations.
/// </summary>
internal abstract class AnnotationView : TextOutputView
{
    protected AnnotationView(Stream output)
        : base(output)
    {
    }

    public override void OnFrame(in HdlcFrame frame)
    {
        // The annotator wants the frame as on the wire, flags included.
        var wire = new byte[frame.Length + 2];
        wire[0] = HdlcFrame.Flag;
        frame.Body.CopyTo(wire.AsSpan(1));
        wire[^1] = HdlcFrame.Flag;
        WriteLine(string.Create(CultureInfo.InvariantCulture, $"frame at byte {frame.Offset}:"));
        Print(wire, frame.Offset, FrameAnnotator.AnnotateHdlc(wire));
        WriteLine();
    }

    public override void OnMBusFrame(in MBusFrame frame)
    {
        WriteLine(string.Create(CultureInfo.InvariantCulture, $"M-Bus frame at byte {frame.Offset}:"));
        Print(frame.Wire.ToArray(), frame.Offset, MBusAnnotator.Annotate(frame.Wire));
        WriteLine();
    }

    public override void OnTelegram(in P1Telegram telegram)
    {
        WriteLine(string.Create(CultureInfo.InvariantCulture, $"P1 telegram at byte {telegram.Offset}:"));
        Print(telegram.Text.ToArray(), telegram.Offset, P1Annotator.Annotate(telegram));
        WriteLine();
    }

    public override void OnMessage(ReadOnlySpan<byte> message, InputKind kind)
    {
        WriteLine(kind == InputKind.LlcMessage ? "information field (LLC + APDU, no HDLC frame):" : "APDU (no HDLC frame, no LLC):");
        var annotations = kind == InputKind.LlcMessage ? FrameAnnotator.AnnotateInformation(message) : FrameAnnotator.AnnotateApdu(message);
        Print(message.ToArray(), 0, annotations);
        WriteLine();
    }

    public override void OnApdu(ReadOnlySpan<byte> apdu, long offset, int frames)
    {
        if (frames == 1)
        {
            return;
        }

        // Joined from segments: the frames showed only pieces, so show the whole APDU once.
        WriteLine(string.Create(CultureInfo.InvariantCulture, $"APDU joined from {frames} segments:"));
        Print(apdu.ToArray(), 0, FrameAnnotator.AnnotateApdu(apdu));
        WriteLine();
    }

    public override void OnDecrypted(ReadOnlySpan<byte> plaintext, long offset)
    {
        WriteLine(string.Create(CultureInfo.InvariantCulture, $"decrypted APDU of the ciphered APDU at byte {offset} (offsets within the plaintext):"));
        Print(plaintext.ToArray(), 0, FrameAnnotator.AnnotateApdu(plaintext));
        WriteLine();
    }

    protected abstract void Print(byte[] bytes, long baseOffset, IReadOnlyList<Annotation> annotations);

    protected static string Indent(int depth) => new(' ', depth * 2);

    protected static string Hex(ReadOnlySpan<byte> bytes)
    {
        var builder = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
