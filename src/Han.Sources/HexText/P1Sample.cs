using Han.Protocol.P1;

namespace Han.Sources.HexText;

/// <summary>
/// DSMR P1 telegrams are text too, and go to the decoder as the bytes they are. A sample holds them when
/// a line starts with an OBIS reference and its value in parentheses (<c>1-0:1.8.1(001234.567*kWh)</c>),
/// as every telegram's data lines do, whether the capture starts at a telegram or in the middle of one.
/// </summary>
internal static class P1Sample
{
    public static bool HasDataLine(ReadOnlySpan<byte> sample)
    {
        foreach (var range in sample.Split((byte)'\n'))
        {
            var line = sample[range];
            var value = line.IndexOf((byte)'(');
            if (value > 0 && P1Reference.TryParse(line[..value], out _))
            {
                return true;
            }
        }

        return false;
    }
}
