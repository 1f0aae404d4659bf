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
        var length = ReadPrefix(text, out code);
        if (length == text.Length)
        {
            return true;
        }

        code = default;
        return false;
    }

    /// <summary>
    /// Reads the reference that <paramref name="text"/> starts with, and returns its length, or -1 when
    /// the text does not start with one. The reference ends after group E unless <c>.</c> or <c>*</c> and
    /// group F follow, and after F in any case; whatever comes next is the caller's to judge. On one line
    /// read straight through, so a line needs no search for its <c>(</c> first.
    /// </summary>
    internal static int ReadPrefix(ReadOnlySpan<byte> text, out ObisCode code)
    {
        // One loop, no helper taking the position by reference: it stays in a register.
        code = default;
        var separators = "-:.."u8;
        var i = 0;
        var groups = 0;
        ulong packed = 0;
        while (true)
        {
            // A group: 1 to 3 digits, at most 255 (a fourth digit is no separator, so it is refused).
            var start = i;
            var limit = Math.Min(text.Length, i + 3);
            uint value = 0;
            for (; i < limit; i++)
            {
                var digit = (uint)(text[i] - '0');
                if (digit > 9)
                {
                    break;
                }

                value = (value * 10) + digit;
            }

            if (i == start || value > 255)
            {
                return -1;
            }

            packed = (packed << 8) | value;
            if (++groups == 6)
            {
                break;
            }

            var separator = i < text.Length ? text[i] : (byte)0;
            if (groups == 5)
            {
                // After E: F is optional, given as .F or *F.
                if (separator is not ((byte)'.' or (byte)'*'))
                {
                    packed = (packed << 8) | 255;
                    break;
                }
            }
            else if (separator != separators[groups - 1])
            {
                return -1;
            }

            i++;
        }

        code = ObisCode.FromPacked(packed);
        return i;
    }
}
