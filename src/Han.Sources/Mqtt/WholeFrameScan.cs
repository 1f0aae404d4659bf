using Han.Protocol.Checksums;
using Han.Protocol.Hdlc;

namespace Han.Sources.Mqtt;

/// <summary>
/// Finds the whole HDLC frames inside a payload that holds other bytes too (a Tibber Pulse batched
/// envelope: integrations.md §3.2): a flag, a format-type-3 length that ends on a flag, and a good FCS.
/// Only frames that pass their checksum count: without one, stray 0x7E bytes in the envelope would
/// pass for frames.
/// </summary>
public static class WholeFrameScan
{
    /// <summary>The frames found, each with both flags, one after another; empty when there is none.</summary>
    public static byte[] Frames(ReadOnlySpan<byte> payload)
    {
        using var found = new MemoryStream();
        var at = 0;
        while (at < payload.Length - 3)
        {
            var rest = payload[at..];
            if (rest[0] == HdlcFrame.Flag && (rest[1] & 0xF0) == 0xA0)
            {
                var length = ((rest[1] & 0x07) << 8) | rest[2];
                if (length >= HdlcFrame.MinLength && length + 1 < rest.Length && rest[length + 1] == HdlcFrame.Flag
                    && Crc16X25.HasGoodChecksum(rest[1..(length + 1)]))
                {
                    found.Write(rest[..(length + 2)]);
                    // The closing flag may open the next frame.
                    at += length + 1;
                    continue;
                }
            }

            at++;
        }

        return found.ToArray();
    }
}
