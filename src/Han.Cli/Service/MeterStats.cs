using Han.Protocol.Framing;

namespace Han.Cli.Service;

/// <summary>
/// What one meter's pipeline has seen, readable from other threads (the watch that reports silence,
/// the systemd status line): written only by the pipeline, read as whole numbers.
/// </summary>
internal sealed class MeterStats
{
    private long _readings;
    private long _frames;
    private long _checksumErrors;
    private long _cutFrames;
    private long _skippedBytes;
    private long _problems;
    private long _lastReadingTicks;
    private bool _ended;

    public long Readings => Interlocked.Read(ref _readings);

    public long Frames => Interlocked.Read(ref _frames);

    public long ChecksumErrors => Interlocked.Read(ref _checksumErrors);

    public long CutFrames => Interlocked.Read(ref _cutFrames);

    public long SkippedBytes => Interlocked.Read(ref _skippedBytes);

    /// <summary>Frames that passed their checksum but did not decode (and other decoding problems).</summary>
    public long Problems => Interlocked.Read(ref _problems);

    /// <summary>The receive time of the last reading, or null before the first.</summary>
    public DateTimeOffset? LastReading => Interlocked.Read(ref _lastReadingTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>The line's state in words (connected, waiting for the device...).</summary>
    public string State { get; set; } = "starting";

    /// <summary>True once the source has ended for good (a file read to its end): silence is then expected.</summary>
    public bool Ended => Volatile.Read(ref _ended);

    public void MarkEnded()
    {
        State = "ended";
        Volatile.Write(ref _ended, true);
    }

    public void CountReading(DateTimeOffset received)
    {
        Interlocked.Increment(ref _readings);
        Interlocked.Exchange(ref _lastReadingTicks, received.UtcTicks);
    }

    public void CountProblem() => Interlocked.Increment(ref _problems);

    public void Framing(FramingStatistics framing)
    {
        Interlocked.Exchange(ref _frames, framing.Frames);
        Interlocked.Exchange(ref _checksumErrors, framing.ChecksumErrors);
        Interlocked.Exchange(ref _cutFrames, framing.CutFrames);
        Interlocked.Exchange(ref _skippedBytes, framing.DiscardedBytes);
    }

    /// <summary><c>1440 readings, 1442 frames, 2 checksum errors, 1 cut frames, 40 bytes skipped, 0 frames that did not decode</c>.</summary>
    public string Describe() =>
        $"{Readings} readings, {Frames} frames, {ChecksumErrors} checksum errors, {CutFrames} cut frames, {SkippedBytes} bytes skipped, {Problems} frames that did not decode";
}
