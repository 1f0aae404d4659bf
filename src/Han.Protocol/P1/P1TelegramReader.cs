using System.Buffers;
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
public sealed class P1TelegramReader
{
    /// <summary>
    /// Most bytes from <c>/</c> through <c>!</c>. DSMR limits each object to 1024 characters and real
    /// telegrams stay near 1 KiB; 16 KiB leaves room for long text messages and M-Bus channels.
    /// </summary>
    public const int MaxTelegramLength = 16 * 1024;

    /// <summary>What may follow the <c>!</c>: four digits, a NUL, CR LF, and one byte to look past them.</summary>
    private const int MaxTrailerLength = 8;

    private readonly byte[] _scratch = new byte[MaxTelegramLength + MaxTrailerLength];

    /// <param name="requireCrc">True to refuse telegrams without a checksum from the start (DSMR 4 and later).</param>
    public P1TelegramReader(bool requireCrc = false)
    {
        RequiresCrc = requireCrc;
    }

    public FramingStatistics Statistics { get; } = new();

    /// <summary>
    /// Whether a telegram without a checksum is refused (as <see cref="DecodeError.BadCrc"/>). Set from the
    /// constructor, or from the first telegram that carries a good checksum: one meter does not go back
    /// to DSMR 3.0 in the middle of a stream.
    /// </summary>
    public bool RequiresCrc { get; private set; }

    /// <summary>Stream offset of the next byte this reader will look at.</summary>
    public long Position { get; private set; }

    /// <summary>
    /// Reads from the start of <paramref name="buffer"/>. The caller must drop <paramref name="consumed"/>
    /// bytes from the front of its buffer after every call, whatever the status. With
    /// <paramref name="isFinalBlock"/> no more bytes will come, so an incomplete telegram is given up.
    /// </summary>
    public FrameReadStatus TryRead(ReadOnlySpan<byte> buffer, bool isFinalBlock, out int consumed, out P1Telegram telegram, out FrameDiscard discard)
    {
        var origin = Position;
        var status = Read(buffer, isFinalBlock, origin, out consumed, out telegram, out discard);
        Position = origin + consumed;
        return status;
    }

    /// <summary>
    /// The same over a <see cref="ReadOnlySequence{T}"/> (as a <c>PipeReader</c> hands out); advances
    /// <paramref name="buffer"/> past what was consumed. A telegram that straddles segments is copied once
    /// into a buffer this reader owns, so <paramref name="telegram"/> is valid until the next call.
    /// </summary>
    public FrameReadStatus TryRead(ref ReadOnlySequence<byte> buffer, bool isFinalBlock, out P1Telegram telegram, out FrameDiscard discard)
    {
        FrameReadStatus status;
        int consumed;
        if (buffer.IsSingleSegment)
        {
            status = TryRead(buffer.FirstSpan, isFinalBlock, out consumed, out telegram, out discard);
            buffer = buffer.Slice(consumed);
            return status;
        }

        status = TryRead(buffer.FirstSpan, isFinalBlock: false, out consumed, out telegram, out discard);
        if (status != FrameReadStatus.NeedMoreData)
        {
            buffer = buffer.Slice(consumed);
            return status;
        }

        // Every decision needs at most MaxTelegramLength + MaxTrailerLength bytes.
        buffer = buffer.Slice(consumed);
        var window = (int)Math.Min(buffer.Length, _scratch.Length);
        buffer.Slice(0, window).CopyTo(_scratch);
        status = TryRead(_scratch.AsSpan(0, window), isFinalBlock && window == buffer.Length, out consumed, out telegram, out discard);
        buffer = buffer.Slice(consumed);
        return status;
    }

    private FrameReadStatus Read(ReadOnlySpan<byte> buffer, bool isFinalBlock, long origin, out int consumed, out P1Telegram telegram, out FrameDiscard discard)
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
            return Discard(DecodeError.SkippedBytes, origin, start < 0 ? buffer.Length : start, out consumed, out discard);
        }

        switch (P1Telegram.ScanIdentification(buffer, out var identificationLength, out var dataStart))
        {
            case P1Telegram.IdentificationScan.Incomplete:
                return isFinalBlock
                    ? Discard(DecodeError.Truncated, origin, buffer.Length, out consumed, out discard)
                    : FrameReadStatus.NeedMoreData;
            case P1Telegram.IdentificationScan.Invalid:
                // Not a telegram start: a stray '/' in noise.
                var next = buffer[1..].IndexOf(P1Telegram.StartCharacter);
                return Discard(DecodeError.SkippedBytes, origin, next < 0 ? buffer.Length : next + 1, out consumed, out discard);
        }

        var searched = buffer[..Math.Min(buffer.Length, MaxTelegramLength)];
        var hit = searched[dataStart..].IndexOfAny(P1Telegram.StartCharacter, P1Telegram.EndCharacter);
        if (hit < 0)
        {
            if (searched.Length == MaxTelegramLength)
            {
                // No '/' in these bytes either, so none of them can start a telegram.
                return Discard(DecodeError.TelegramTooLong, origin, MaxTelegramLength, out consumed, out discard);
            }

            return isFinalBlock
                ? Discard(DecodeError.Truncated, origin, buffer.Length, out consumed, out discard)
                : FrameReadStatus.NeedMoreData;
        }

        var end = dataStart + hit;
        if (buffer[end] == P1Telegram.StartCharacter)
        {
            return Discard(DecodeError.Truncated, origin, end, out consumed, out discard);
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
            return Discard(DecodeError.BadCrc, origin, textLength + trailer.BreakLength, out consumed, out discard);
        }

        consumed = textLength + trailer.BreakLength;
        Statistics.AddFrame(consumed);
        RequiresCrc |= trailer.DigitCount > 0;
        telegram = new P1Telegram(buffer[..textLength], origin, identificationLength, dataStart, end, trailer.DigitCount > 0, trailer.Crc);
        return FrameReadStatus.Frame;
    }

    private FrameReadStatus Discard(DecodeError reason, long origin, int count, out int consumed, out FrameDiscard discard)
    {
        discard = new FrameDiscard(reason, origin, count, 0);
        Statistics.AddDiscard(reason, count);
        consumed = count;
        return FrameReadStatus.Discarded;
    }
}
