namespace Han.TestCorpus;

/// <summary>
/// Builds wired M-Bus long frames carrying DLMS as protocol.md §3.1 lays them out:
/// <c>68 | L | L | 68 | C | A | CI | STSAP | DTSAP | data | CS | 16</c>, where L counts C through the end
/// of the user data and CS is the sum of those bytes mod 256. The checksum is computed here, independent
/// of the production code, so tests can make checksum-valid frames with any content.
/// </summary>
public static class MBusFrameBuilder
{
    /// <summary>SND_UD, as the Austrian meters send it (FCB clear).</summary>
    public const byte SndUd = 0x53;

    public const byte Broadcast = 0xFF;

    /// <summary>Management logical device.</summary>
    public const byte SourceTsap = 0x01;

    /// <summary>Consumer-information push client (103).</summary>
    public const byte DestinationTsap = 0x67;

    /// <summary>DLMS data in a full frame of the Kaifa captures: L = 0xFA = 250 counts C, A, CI and the TSAPs too.</summary>
    public const int MaxPayload = 245;

    /// <summary>
    /// A frame with any C, A, CI and user data (everything after CI). The length byte is the counted
    /// length mod 256, so 256–259 counted bytes come out as the Sagemcom quirk <c>68 01 01 68</c> etc.
    /// </summary>
    public static byte[] Build(byte control, byte address, byte controlInformation, ReadOnlySpan<byte> userData)
    {
        var counted = 3 + userData.Length;
        if (counted > 259)
        {
            throw new ArgumentOutOfRangeException(nameof(userData), $"{counted} counted bytes do not fit a long frame");
        }

        var wire = new byte[counted + 6];
        wire[0] = 0x68;
        wire[1] = (byte)counted;
        wire[2] = (byte)counted;
        wire[3] = 0x68;
        wire[4] = control;
        wire[5] = address;
        wire[6] = controlInformation;
        userData.CopyTo(wire.AsSpan(7));
        wire[^2] = Checksum(wire.AsSpan(4, counted));
        wire[^1] = 0x16;
        return wire;
    }

    /// <summary>A DLMS segment as the Austrian meters push it: <c>53 FF CI 01 67 payload</c>.</summary>
    public static byte[] Segment(int number, bool last, ReadOnlySpan<byte> payload, byte control = SndUd)
    {
        if (number is < 0 or > 15)
        {
            throw new ArgumentOutOfRangeException(nameof(number), "segment numbers have 4 bits");
        }

        byte[] userData = [SourceTsap, DestinationTsap, .. payload];
        return Build(control, Broadcast, (byte)((last ? 0x10 : 0x00) | number), userData);
    }

    /// <summary>An APDU split into consecutive segments of at most <paramref name="maxPayload"/> bytes.</summary>
    public static byte[][] Split(ReadOnlySpan<byte> apdu, int maxPayload = MaxPayload)
    {
        var count = Math.Max(1, (apdu.Length + maxPayload - 1) / maxPayload);
        var frames = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            var start = i * maxPayload;
            var end = Math.Min(apdu.Length, start + maxPayload);
            frames[i] = Segment(i, i == count - 1, apdu[start..end]);
        }

        return frames;
    }

    /// <summary>
    /// The DLMS payloads of consecutive M-Bus long frames (as in the corpus), joined: 9 header bytes and
    /// a 2-byte trailer off each; a length field of 0-3 means 256-259 (Sagemcom). A frame cut short
    /// gives what it has.
    /// </summary>
    public static byte[] JoinPayloads(byte[] frames)
    {
        var payload = new List<byte>();
        var at = 0;
        while (at + 9 < frames.Length && frames[at] == 0x68)
        {
            var length = frames[at + 1] < 4 ? frames[at + 1] + 256 : frames[at + 1];
            var end = Math.Min(frames.Length, at + length + 6);
            payload.AddRange(frames[(at + 9)..Math.Max(at + 9, end - 2)]);
            at = end;
        }

        return [.. payload];
    }

    /// <summary>Sum of the bytes mod 256.</summary>
    public static byte Checksum(ReadOnlySpan<byte> counted)
    {
        var sum = 0;
        foreach (var b in counted)
        {
            sum = (sum + b) & 0xFF;
        }

        return (byte)sum;
    }
}
