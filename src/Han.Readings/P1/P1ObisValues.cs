using System.Text;
using Han.Protocol.Cosem;
using Han.Protocol.P1;

namespace Han.Readings.P1;

/// <summary>
/// What a P1 line with no schema key becomes in the reading's <c>obis</c> object:
/// <list type="bullet">
/// <item>identifiers and text messages (<c>96.1.x</c>, <c>96.13.x</c>, <c>42.0.0</c>) are hex: the text when
/// it decodes to printable ASCII, else the bytes; what is not hex stays text as written;</item>
/// <item>the tariff indicator <c>96.14.0</c> (DSMR: a 4-character string), device identifiers <c>0.0.x</c>
/// (EasyMeter's <c>1-0:0.0.0</c> serial number keeps its leading zero) and versions <c>0.2.x</c> are text
/// as written;</item>
/// <item>a timestamp with its <c>S</c>/<c>W</c> flag is a time;</item>
/// <item>a number is a number in its COSEM base unit (<c>02.589*kW</c> is 2589 W, exactly), or without a
/// unit when none is written; a number whose unit has no COSEM equivalent stays text as written;</item>
/// <item><c>(timestamp)(number)</c>, as M-Bus channel values and Belgian month peaks, is the number (the
/// capture time has no place in a single value);</item>
/// <item>anything else (event logs, DSMR 2.2 gas profiles) is the groups as written, line breaks removed.</item>
/// </list>
/// </summary>
internal static class P1ObisValues
{
    /// <summary>Longest hex group decoded on the stack (DSMR text messages are at most 1024 characters).</summary>
    private const int MaxHexLength = 2048;

    public static CosemValue Convert(in P1Line line)
    {
        if (line.GroupCount == 1 && line.TryGetGroup(0, out var group))
        {
            return Single(line.Obis, group);
        }

        if (line.GroupCount == 2 && line.TryGetTimestamp(0, out _) && line.TryGetNumber(1, out var number)
            && TryNumber(number) is { } value)
        {
            return value;
        }

        return new CosemValue.Text(AsWritten(line.RawGroups));
    }

    /// <summary>Hex that decodes to printable ASCII as text; other hex as bytes; anything else as written.</summary>
    public static CosemValue HexOrText(ReadOnlySpan<byte> group)
    {
        if (group.Length <= MaxHexLength)
        {
            Span<byte> bytes = stackalloc byte[group.Length / 2];
            if (P1Value.TryDecodeHex(group, bytes, out var written))
            {
                return ValueConverter.IsPrintable(bytes[..written])
                    ? new CosemValue.Text(Encoding.ASCII.GetString(bytes[..written]))
                    : new CosemValue.Bytes(bytes[..written].ToArray());
            }
        }

        return new CosemValue.Text(AsWritten(group));
    }

    /// <summary>
    /// An identifier written as hex ASCII (<c>4B384547…</c> is <c>K8EG…</c>): its text in
    /// <paramref name="buffer"/>; false when the group is not hex of printable ASCII that fits.
    /// </summary>
    public static bool TryHexAscii(ReadOnlySpan<byte> group, Span<byte> buffer, out ReadOnlySpan<byte> ascii)
    {
        ascii = default;
        if (group.Length > 2 * buffer.Length || !P1Value.TryDecodeHex(group, buffer, out var written)
            || !ValueConverter.IsPrintable(buffer[..written]))
        {
            return false;
        }

        ascii = buffer[..written];
        return true;
    }

    private static CosemValue Single(ObisCode code, ReadOnlySpan<byte> group)
    {
        if ((code.C == 96 && code.D is 1 or 13) || (code.C, code.D, code.E) == (42, 0, 0))
        {
            return HexOrText(group);
        }

        if ((code.C == 96 && code.D == 14) || (code.C == 0 && code.D is 0 or 2))
        {
            return new CosemValue.Text(AsWritten(group));
        }

        if (P1Value.TryParseTimestamp(group, out var timestamp) && timestamp.IsDaylightSaving is not null)
        {
            return new CosemValue.Time(timestamp.ToCosemDateTime());
        }

        if (P1Value.TryParseNumber(group, out var number) && TryNumber(number) is { } value)
        {
            return value;
        }

        return new CosemValue.Text(AsWritten(group));
    }

    private static CosemValue.Number? TryNumber(in P1Number number)
    {
        if (!number.HasUnit)
        {
            return new CosemValue.Number(new Measurement(number.Mantissa, number.Exponent), null);
        }

        return P1Units.TryGet(number.Unit, out var unit, out var shift)
            ? new CosemValue.Number(new Measurement(number.Mantissa, number.Exponent + shift), unit)
            : null;
    }

    private static string AsWritten(ReadOnlySpan<byte> text)
    {
        if (text.IndexOfAny((byte)'\r', (byte)'\n') < 0)
        {
            return Encoding.Latin1.GetString(text);
        }

        var builder = new StringBuilder(text.Length);
        foreach (var b in text)
        {
            if (b is not ((byte)'\r' or (byte)'\n'))
            {
                builder.Append((char)b);
            }
        }

        return builder.ToString();
    }
}
