namespace Han.Protocol.Hdlc;

/// <summary>
/// An HDLC address field (Green Book §8.4.2): 1, 2 or 4 octets, each carrying 7 bits, the low bit of
/// the last octet set. <see cref="Upper"/> and <see cref="Lower"/> are the HDLC upper/lower addresses
/// of a two- or four-octet server address; a one-octet address has only <see cref="Upper"/>.
/// </summary>
public readonly record struct HdlcAddress(int Length, uint Upper, uint Lower)
{
    /// <summary>Reads an address at the start of <paramref name="bytes"/>; false when it does not end within 4 octets or the data.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out HdlcAddress address)
    {
        address = default;
        var length = 0;
        while (true)
        {
            if (length == bytes.Length || length == 4)
            {
                return false;
            }

            var isLastOctet = (bytes[length++] & 1) != 0;
            if (isLastOctet)
            {
                break;
            }
        }

        if (length == 3)
        {
            return false;
        }

        static uint Join(ReadOnlySpan<byte> octets)
        {
            uint value = 0;
            foreach (var octet in octets)
            {
                value = (value << 7) | (uint)(octet >> 1);
            }

            return value;
        }

        address = length switch
        {
            1 => new HdlcAddress(1, Join(bytes[..1]), 0),
            2 => new HdlcAddress(2, Join(bytes[..1]), Join(bytes.Slice(1, 1))),
            _ => new HdlcAddress(4, Join(bytes[..2]), Join(bytes.Slice(2, 2))),
        };
        return true;
    }

    public override string ToString() =>
        Length == 1 ? $"0x{Upper:X2}" : $"0x{Upper:X} / 0x{Lower:X}";
}
