using System.Text;
using Han.Protocol.P1;

namespace Han.Protocol.Diagnostics;

/// <summary>Names the parts of a DSMR P1 telegram (protocol.md §7.1), line by line, for the hex and tree views.</summary>
public static class P1Annotator
{
    public static IReadOnlyList<Annotation> Annotate(ReadOnlySpan<byte> text, bool verifyCrc)
    {
        var output = new List<Annotation>();
        if (!P1Telegram.TryParse(text, 0, verifyCrc, out var telegram, out var problem))
        {
            output.Add(new Annotation(0, text.Length, 0, $"not a good P1 telegram ({problem.Name()})", "not a good P1 telegram"));
            return output;
        }

        var identification = Encoding.ASCII.GetString(telegram.Identification);
        output.Add(new Annotation(0, 1 + telegram.Identification.Length, 0, $"identification /{identification} (manufacturer flag {Encoding.ASCII.GetString(telegram.FlagId)})", $"P1 telegram /{identification}"));
        var covered = 1 + telegram.Identification.Length;
        foreach (var line in telegram.Lines)
        {
            var at = (int)line.Offset;
            if (at > covered)
            {
                output.Add(new Annotation(covered, at - covered, 1, "line break"));
            }

            var description = $"{line.Obis:S} = {Encoding.ASCII.GetString(line.RawGroups)}";
            output.Add(new Annotation(at, line.Text.Length, 1, description, description));
            covered = at + line.Text.Length;
        }

        var end = telegram.Text.Length;
        var crc = telegram.HasCrc ? $"end mark and CRC 0x{telegram.Crc:X4}{(verifyCrc ? " (ok)" : string.Empty)}" : "end mark (no CRC: DSMR 2.2 or 3.0)";
        if (end > covered)
        {
            output.Add(new Annotation(covered, end - covered, 1, crc, crc));
        }

        return output;
    }
}
