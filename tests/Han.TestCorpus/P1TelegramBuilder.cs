using System.Globalization;
using System.Text;

namespace Han.TestCorpus;

/// <summary>
/// Builds DSMR / P1 telegrams as protocol.md §7.1 lays them out: <c>/ident CR LF CR LF lines ! CRC CR LF</c>.
/// The CRC-16/ARC comes from a bitwise implementation written here, independent of the production code,
/// so tests can make CRC-valid telegrams with any content.
/// </summary>
public static class P1TelegramBuilder
{
    /// <summary>A telegram with the given identification (after <c>/</c>) and data lines.</summary>
    /// <param name="crc">True: 4 hex digits; false: a bare <c>!</c> as DSMR 2.2 / 3.0.</param>
    public static byte[] Build(string identification, IEnumerable<string> lines, string newline = "\r\n", bool crc = true)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var text = "/" + identification + newline + newline + string.Concat(lines.Select(line => line + newline)) + "!";
        return Finish(Encoding.ASCII.GetBytes(text), newline, crc);
    }

    /// <summary>
    /// The same telegram with every line break replaced by <paramref name="newline"/> and a CRC computed
    /// afresh (or none); what follows the checksum line is dropped.
    /// </summary>
    public static byte[] Rewrite(byte[] telegram, string newline = "\r\n", bool crc = true)
    {
        ArgumentNullException.ThrowIfNull(telegram);
        var text = Encoding.ASCII.GetString(telegram, 0, Array.IndexOf(telegram, (byte)'!') + 1);
        var start = text.IndexOf('/', StringComparison.Ordinal);
        var lines = text[start..].Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", newline, StringComparison.Ordinal);
        return Finish(Encoding.ASCII.GetBytes(lines), newline, crc);
    }

    /// <summary>
    /// A telegram from its bytes up to and including the <c>!</c>, taken as they are (any byte, line
    /// breaks untouched), with its CRC and a line break after it.
    /// </summary>
    public static byte[] Seal(byte[] throughBang, string newline = "\r\n") => Finish(throughBang, newline, crc: true);

    /// <summary>CRC-16/ARC, bit by bit: reflected polynomial 0xA001, init 0, no final XOR.</summary>
    public static ushort Crc16Arc(ReadOnlySpan<byte> data)
    {
        var crc = 0;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xA001 : crc >> 1;
            }
        }

        return (ushort)crc;
    }

    private static byte[] Finish(byte[] throughBang, string newline, bool crc)
    {
        var checksum = crc ? Crc16Arc(throughBang).ToString("X4", CultureInfo.InvariantCulture) : string.Empty;
        return [.. throughBang, .. Encoding.ASCII.GetBytes(checksum + newline)];
    }
}
