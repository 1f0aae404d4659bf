using System.Globalization;
using Han.Protocol.Diagnostics;

namespace Han.Cli.Views;

/// <summary>
/// <c>--format hex</c>: every byte of every frame with what it is, like a protocol analyser. Offsets are
/// byte offsets in the input (for a lone message, in the message); long values wrap at 16 bytes.
/// </summary>
internal sealed class HexView : AnnotationView
{
    private const int BytesPerLine = 16;

    public HexView(Stream output)
        : base(output)
    {
    }

    protected override void Print(byte[] bytes, long baseOffset, IReadOnlyList<Annotation> annotations)
    {
        foreach (var annotation in annotations)
        {
            var span = bytes.AsSpan(annotation.Offset, annotation.Length);
            var first = true;
            for (var start = 0; start < Math.Max(span.Length, 1); start += BytesPerLine)
            {
                var chunk = span.IsEmpty ? span : span.Slice(start, Math.Min(BytesPerLine, span.Length - start));
                var label = first ? Indent(annotation.Depth) + annotation.Label : string.Empty;
                WriteLine(string.Create(CultureInfo.InvariantCulture, $"{baseOffset + annotation.Offset + start:X6}  {Hex(chunk),-47}  {label}"));
                first = false;
            }
        }
    }
}
