using Han.Protocol.Cosem;

namespace Han.Protocol.P1;

/// <summary>
/// The OBIS reference that opens a P1 data line: <c>A-B:C.D.E</c> as DSMR writes it (group F left out,
/// read as 255), or with F given as <c>A-B:C.D.E.F</c> or <c>A-B:C.D.E*F</c> (EasyMeter writes <c>*255</c>).
/// Each group is 1 to 3 decimal digits, at most 255; nothing else is allowed, not even spaces.
/// </summary>
public static class P1Reference
{
    public static bool TryParse(ReadOnlySpan<byte> text, out ObisCode code)
    {
        code = default;
        Span<byte> groups = stackalloc byte[6];
        groups[5] = 255;
        var position = 0;
        for (var i = 0; i < 6; i++)
        {
            if (!TryReadGroup(text, ref position, out groups[i]))
            {
                return false;
            }

            if (position == text.Length)
            {
                if (i is not (4 or 5))
                {
                    return false;
                }

                code = new ObisCode(groups[0], groups[1], groups[2], groups[3], groups[4], groups[5]);
                return true;
            }

            var separator = text[position++];
            var expected = i switch
            {
                0 => separator == '-',
                1 => separator == ':',
                4 => separator is (byte)'.' or (byte)'*',
                _ => separator == '.',
            };
            if (!expected || i == 5)
            {
                return false;
            }
        }

        return false;
    }

    private static bool TryReadGroup(ReadOnlySpan<byte> text, ref int position, out byte value)
    {
        value = 0;
        var start = position;
        var number = 0;
        while (position < text.Length && position - start < 3 && text[position] is >= (byte)'0' and <= (byte)'9')
        {
            number = (number * 10) + (text[position] - '0');
            position++;
        }

        if (position == start || number > 255)
        {
            return false;
        }

        value = (byte)number;
        return true;
    }
}
