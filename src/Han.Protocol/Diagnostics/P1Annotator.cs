using System.Text;
using Han.Protocol.P1;

namespace Han.Protocol.Diagnostics;

/// <summary>
/// Names the parts of a DSMR P1 telegram (protocol.md §7.1), line by line, for the hex and tree views.
/// Offsets are within the telegram's text.
/// </summary>
public static class P1Annotator
{
    public static IReadOnlyList<Annotation> Annotate(in P1Telegram telegram)
    {
        var output = new List<Annotation>();
        var text = telegram.Text;
        var identification = Encoding.ASCII.GetString(telegram.Identification);
        output.Add(new Annotation(0, 1 + telegram.Identification.Length, 0, $"identification /{identification} (manufacturer flag {Encoding.ASCII.GetString(telegram.FlagId)})", $"P1 telegram /{identification}"));
        var covered = 1 + telegram.Identification.Length;
        foreach (var line in telegram.Lines)
        {
            var at = (int)(line.Offset - telegram.Offset);
            AddGap(text, covered, at, output);

            // A DSMR 2.2 object may continue on the next line: show it on one. Other control characters
            // in a group are the meter's text and are shown escaped.
            var groups = PrintableText.Escape(Encoding.ASCII.GetString(line.RawGroups).ReplaceLineEndings(" "));
            var description = $"{line.Obis:S} = {groups}";
            output.Add(new Annotation(at, line.Text.Length, 1, description, description));
            covered = at + line.Text.Length;
        }

        var end = telegram.EndMarkIndex;
        AddGap(text, covered, end, output);
        var crc = telegram.HasCrc ? $"end mark and CRC 0x{telegram.Crc:X4}" : "end mark (no CRC: DSMR 2.2 or 3.0)";
        output.Add(new Annotation(end, text.Length - end, 1, crc, crc));
        return output;
    }

    /// <summary>Bytes between lines: line breaks, or a line the reader skipped as malformed.</summary>
    private static void AddGap(ReadOnlySpan<byte> text, int from, int to, List<Annotation> output)
    {
        if (to <= from)
        {
            return;
        }

        var label = text[from..to].IndexOfAnyExcept("\r\n"u8) >= 0 ? "skipped malformed line" : "line break";
        output.Add(new Annotation(from, to - from, 1, label));
    }
}
