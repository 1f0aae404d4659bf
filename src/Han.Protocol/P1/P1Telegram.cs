using Han.Protocol.Checksums;
using Han.Protocol.Framing;

namespace Han.Protocol.P1;

/// <summary>
/// A DSMR / IEC 62056-21 mode D telegram (protocol.md §7.1), as a view over its bytes:
/// <c>/XXXZ ident CR LF CR LF data-lines ! CRC</c>. <see cref="Text"/> runs from <c>/</c> through the
/// checksum digits (the line break after them is not part of it). Telegrams of DSMR 3.0 and earlier
/// end at the bare <c>!</c>.
/// </summary>
public readonly ref struct P1Telegram : IStreamFrame
{
    public const byte StartCharacter = (byte)'/';
    public const byte EndCharacter = (byte)'!';

    /// <summary>
    /// Longest identification line accepted (IEC 62056-21 allows <c>XXXZ</c> + 16 characters; meters
    /// write more, e.g. <c>ESY5Q3DB1024 V3.04</c>; this is generous).
    /// </summary>
    public const int MaxIdentificationLength = 96;

    private readonly ReadOnlySpan<byte> _text;
    private readonly int _identificationLength;
    private readonly int _dataStart;
    private readonly int _endIndex;

    internal P1Telegram(ReadOnlySpan<byte> text, long offset, int identificationLength, int dataStart, int endIndex, bool hasCrc, ushort crc)
    {
        _text = text;
        Offset = offset;
        _identificationLength = identificationLength;
        _dataStart = dataStart;
        _endIndex = endIndex;
        HasCrc = hasCrc;
        Crc = crc;
    }

    /// <summary>What <see cref="ScanIdentification"/> found at the start of a candidate telegram.</summary>
    internal enum IdentificationScan
    {
        Valid,
        Invalid,
        Incomplete,
    }

    /// <summary>Stream offset of the <c>/</c>.</summary>
    public long Offset { get; }

    /// <summary>From <c>/</c> through the checksum digits.</summary>
    public ReadOnlySpan<byte> Text => _text;

    /// <summary>The header after <c>/</c> without its line break: <c>ISk5\2MT382-1000</c>, <c>KAM5</c>.</summary>
    public ReadOnlySpan<byte> Identification => _text.Slice(1, _identificationLength);

    /// <summary>The three-letter manufacturer FLAG id that opens the identification (<c>ISk</c>, <c>KFM</c>).</summary>
    public ReadOnlySpan<byte> FlagId => _text.Slice(1, 3);

    /// <summary>The data lines, between the identification line and <c>!</c>.</summary>
    public ReadOnlySpan<byte> Data => _text[_dataStart.._endIndex];

    /// <summary>Index of the end mark <c>!</c> within <see cref="Text"/>; the checksum digits follow it.</summary>
    public int EndMarkIndex => _endIndex;

    /// <summary>The data lines; malformed ones are skipped and counted (see <see cref="P1LineEnumerator"/>).</summary>
    public P1LineEnumerator Lines => new(Data, Offset + _dataStart);

    /// <summary>False for DSMR 3.0 and earlier, which end the telegram with a bare <c>!</c>.</summary>
    public bool HasCrc { get; }

    /// <summary>The checksum the telegram carries (checked when it was read); 0 without one.</summary>
    public ushort Crc { get; }

    /// <summary>
    /// Checks one complete telegram held on its own (a decrypted Luxembourg plaintext, a test input):
    /// <paramref name="text"/> starts with <c>/</c>; after <c>!</c> and the checksum only line breaks,
    /// blanks and NULs may follow. With <paramref name="verifyCrc"/> false a checksum is read but not
    /// compared (for plaintext that a GCM tag has already authenticated). The problem is
    /// <see cref="DecodeError.InvalidLine"/> for a bad identification line, <see cref="DecodeError.Truncated"/>
    /// without <c>!</c>, <see cref="DecodeError.BadCrc"/> for a wrong or unreadable checksum.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> text, long offset, bool verifyCrc, out P1Telegram telegram, out DecodeError problem)
    {
        telegram = default;
        if (ScanIdentification(text, out var identificationLength, out var dataStart) != IdentificationScan.Valid)
        {
            problem = DecodeError.InvalidLine;
            return false;
        }

        var end = text[dataStart..].IndexOf(EndCharacter);
        if (end < 0)
        {
            problem = DecodeError.Truncated;
            return false;
        }

        end += dataStart;
        var digits = P1Trailer.ReadDigits(text[(end + 1)..], out var crc);

        var trailer = text[(end + 1 + digits)..];
        if (trailer.IndexOfAnyExcept("\r\n \t\0"u8) >= 0 || (verifyCrc && digits > 0 && Crc16Arc.Compute(text[..(end + 1)]) != crc))
        {
            problem = DecodeError.BadCrc;
            return false;
        }

        problem = default;
        telegram = new P1Telegram(text[..(end + 1 + digits)], offset, identificationLength, dataStart, end, digits > 0, crc);
        return true;
    }

    /// <summary>
    /// Reads the identification line at the start of <paramref name="candidate"/> (which starts with
    /// <c>/</c>): at least three letters (the FLAG id), then printable ASCII other than <c>/</c> and
    /// <c>!</c>, ended by CR LF, LF or CR. <paramref name="dataStart"/> is just after the line break.
    /// </summary>
    internal static IdentificationScan ScanIdentification(ReadOnlySpan<byte> candidate, out int length, out int dataStart)
    {
        length = 0;
        dataStart = 0;
        var limit = Math.Min(candidate.Length, MaxIdentificationLength + 1);
        var i = 1;
        while (i < limit && candidate[i] is >= (byte)' ' and <= (byte)'~' and not (StartCharacter or EndCharacter))
        {
            if (i <= 3 && !char.IsAsciiLetter((char)candidate[i]))
            {
                return IdentificationScan.Invalid;
            }

            i++;
        }

        if (i == candidate.Length)
        {
            return IdentificationScan.Incomplete;
        }

        if (i < 4 || candidate[i] is not ((byte)'\r' or (byte)'\n'))
        {
            return IdentificationScan.Invalid;
        }

        length = i - 1;
        dataStart = i + 1;
        if (candidate[i] == '\r')
        {
            if (dataStart == candidate.Length)
            {
                return IdentificationScan.Incomplete;
            }

            dataStart += candidate[dataStart] == '\n' ? 1 : 0;
        }

        return IdentificationScan.Valid;
    }
}
