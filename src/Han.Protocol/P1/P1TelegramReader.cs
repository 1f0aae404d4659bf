using Han.Protocol.Checksums;
using Han.Protocol.Framing;

namespace Han.Protocol.P1;

/// <summary>
/// Finds DSMR / IEC 62056-21 mode D telegrams in a byte stream (protocol.md §7.1): <c>/</c> and an
/// identification line, data lines, <c>!</c>, an optional CRC-16/ARC of 1 to 4 hex digits (DSMR 3.0 and
/// earlier send none; some meters drop leading zeros), then CR LF, LF, or nothing. One instance per stream.
/// <para>
/// Every byte ends in a telegram (its line break included) or a discard counter. Bytes before a
/// <c>/</c> are <see cref="DecodeError.SkippedBytes"/>, as is a <c>/</c> not followed by a plausible
/// identification line. A telegram is never allowed to contain a second <c>/</c> (as dsmr_parser's
/// buffer): one that meets a <c>/</c> before its <c>!</c> was cut short (<see cref="DecodeError.Truncated"/>)
/// and the search resumes at that <c>/</c>, so a damaged telegram never swallows the next good one.
/// A wrong or unreadable checksum is <see cref="DecodeError.BadCrc"/>; no <c>!</c> within
/// <see cref="MaxTelegramLength"/> bytes is <see cref="DecodeError.TelegramTooLong"/>; the end of the
/// input inside a telegram is <see cref="DecodeError.Truncated"/>.
/// </para>
/// <para>
/// A bare <c>!</c> is accepted only until the stream has carried a checksum (see <see cref="RequiresCrc"/>):
/// one flipped bit turns a line's closing <c>)</c> (0x29) into <c>!</c> (0x21), which would otherwise pass
/// a damaged DSMR 4/5 telegram, cut short and unchecked, as a DSMR 3.0 one.
/// </para>
/// </summary>
public sealed class P1TelegramReader : StreamFrameReader<P1Telegram>
{
    /// <summary>
    /// Most bytes from <c>/</c> through <c>!</c>. DSMR limits each object to 1024 characters and real
    /// telegrams stay near 1 KiB; 16 KiB leaves room for long text messages and M-Bus channels.
    /// </summary>
    public const int MaxTelegramLength = 16 * 1024;

    /// <summary>What may follow the <c>!</c>: four digits, a NUL, CR LF, and one byte to look past them.</summary>
    private const int MaxTrailerLength = 8;

    /// <param name="requireCrc">True to refuse telegrams without a checksum from the start (DSMR 4 and later).</param>
    public P1TelegramReader(bool requireCrc = false)
        : base(MaxTelegramLength + MaxTrailerLength)
    {
        RequiresCrc = requireCrc;
    }

    /// <summary>
    /// Whether a telegram without a checksum is refused (as <see cref="DecodeError.BadCrc"/>). Set from the
    /// constructor, or from the first telegram that carries a good checksum: one meter does not go back
    /// to DSMR 3.0 in the middle of a stream.
    /// </summary>
    public bool RequiresCrc { get; private set; }

    protected override FrameReadStatus Read(ReadOnlySpan<byte> buffer, bool isFinalBlock, long origin, out int consumed, out P1Telegram telegram, out FrameDiscard discard)
    {
        telegram = default;
        discard = default;
        consumed = 0;
        if (buffer.IsEmpty)
        {
            return FrameReadStatus.NeedMoreData;
        }

        if (buffer[0] != P1Telegram.StartCharacter)
        {
            var start = buffer.IndexOf(P1Telegram.StartCharacter);
            return Discarded(DecodeError.SkippedBytes, origin, start < 0 ? buffer.Length : start, out consumed, out discard);
        }

        switch (P1Telegram.ScanIdentification(buffer, out var identificationLength, out var dataStart))
        {
            case P1Telegram.IdentificationScan.Incomplete:
                return isFinalBlock
                    ? Discarded(DecodeError.Truncated, origin, buffer.Length, out consumed, out discard)
                    : FrameReadStatus.NeedMoreData;
            case P1Telegram.IdentificationScan.Invalid:
                // Not a telegram start: a stray '/' in noise.
                var next = buffer[1..].IndexOf(P1Telegram.StartCharacter);
                return Discarded(DecodeError.SkippedBytes, origin, next < 0 ? buffer.Length : next + 1, out consumed, out discard);
        }

        var searched = buffer[..Math.Min(buffer.Length, MaxTelegramLength)];
        var hit = searched[dataStart..].IndexOfAny(P1Telegram.StartCharacter, P1Telegram.EndCharacter);
        if (hit < 0)
        {
            if (searched.Length == MaxTelegramLength)
            {
                // No '/' in these bytes either, so none of them can start a telegram.
                return Discarded(DecodeError.TelegramTooLong, origin, MaxTelegramLength, out consumed, out discard);
            }

            return isFinalBlock
                ? Discarded(DecodeError.Truncated, origin, buffer.Length, out consumed, out discard)
                : FrameReadStatus.NeedMoreData;
        }

        var end = dataStart + hit;
        if (buffer[end] == P1Telegram.StartCharacter)
        {
            return Discarded(DecodeError.Truncated, origin, end, out consumed, out discard);
        }

        var trailer = P1Trailer.Read(buffer[(end + 1)..], isFinalBlock);
        if (trailer.NeedsMoreData)
        {
            return FrameReadStatus.NeedMoreData;
        }

        var textLength = end + 1 + trailer.DigitCount;
        var crcIsGood = trailer.DigitCount > 0
            ? Crc16Arc.Compute(buffer[..(end + 1)]) == trailer.Crc
            : !RequiresCrc;
        if (!trailer.IsWellFormed || !crcIsGood)
        {
            return Discarded(DecodeError.BadCrc, origin, textLength + trailer.BreakLength, out consumed, out discard);
        }

        consumed = textLength + trailer.BreakLength;
        Statistics.AddFrame(consumed);
        RequiresCrc |= trailer.DigitCount > 0;
        telegram = new P1Telegram(buffer[..textLength], origin, identificationLength, dataStart, end, trailer.DigitCount > 0, trailer.Crc);
        return FrameReadStatus.Frame;
    }

    private FrameReadStatus Discarded(DecodeError reason, long origin, int count, out int consumed, out FrameDiscard discard)
    {
        consumed = 0;
        discard = Discard(reason, origin, ref consumed, count, 0);
        return FrameReadStatus.Discarded;
    }
}
