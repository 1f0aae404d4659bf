namespace Han.Protocol.Framing;

/// <summary>
/// Where every input byte went: into a good frame or into a discard counter, per reason.
/// <c>FrameBytes + DiscardedBytes</c> equals the bytes consumed so far.
/// </summary>
public sealed class FramingStatistics
{
    private readonly long[] _discardsByReason = new long[Enum.GetValues<DecodeError>().Length];

    public long Frames { get; private set; }

    /// <summary>Bytes inside good frames, delimiters (flags, start and stop bytes) included.</summary>
    public long FrameBytes { get; private set; }

    public long DiscardedBytes { get; private set; }

    /// <summary>How many discard events of this reason occurred (a run of skipped bytes counts once).</summary>
    public long Discards(DecodeError reason) => _discardsByReason[(int)reason];

    /// <summary>Frames and telegrams dropped for a bad checksum (HDLC header or frame, M-Bus, P1 CRC): a noisy line.</summary>
    public long ChecksumErrors =>
        Discards(DecodeError.BadFcs) + Discards(DecodeError.BadHcs) + Discards(DecodeError.BadChecksum) + Discards(DecodeError.BadCrc);

    /// <summary>Frames that started but were cut short (the next frame began, or the line went quiet): a line that drops bytes.</summary>
    public long CutFrames =>
        Discards(DecodeError.MissingClosingFlag) + Discards(DecodeError.Truncated) + Discards(DecodeError.MissingStopByte);

    internal void AddFrame(int bytes)
    {
        Frames++;
        FrameBytes += bytes;
    }

    internal void AddClosingFlag() => FrameBytes++;

    internal void AddDiscard(DecodeError reason, int bytes)
    {
        _discardsByReason[(int)reason]++;
        DiscardedBytes += bytes;
    }
}
