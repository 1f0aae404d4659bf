using Han.Protocol;
using Han.Protocol.Framing;

namespace Han.Pipeline;

/// <summary>
/// What every input of a <see cref="StreamDecoder"/> shares: the observer, the counters, problem
/// reporting (adjacent runs of skipped bytes joined into one problem, so the report does not depend
/// on how the input was split into reads) and the APDU processor.
/// </summary>
internal sealed class DecodeContext : IDisposable
{
    private long _skippedOffset;
    private long _skippedCount;
    private DecodeLayer _skippedLayer;

    public DecodeContext(DecodeObserver observer, DecoderOptions options)
    {
        Observer = observer;
        Counters = new DecodeCounters();
        Apdus = new ApduProcessor(this, options);
        Telegrams = new TelegramProcessor(this);
    }

    public DecodeObserver Observer { get; }

    public DecodeCounters Counters { get; }

    public ApduProcessor Apdus { get; }

    public TelegramProcessor Telegrams { get; }

    /// <summary>When the bytes being fed arrived (UTC), for the readings they complete; null for a file.</summary>
    public DateTimeOffset? ReceivedAt { get; set; }

    public void SkipBytes(DecodeLayer layer, long offset, long count)
    {
        if (_skippedCount > 0 && _skippedOffset + _skippedCount == offset && _skippedLayer == layer)
        {
            _skippedCount += count;
            return;
        }

        FlushSkippedBytes();
        _skippedLayer = layer;
        _skippedOffset = offset;
        _skippedCount = count;
    }

    public void FlushSkippedBytes()
    {
        if (_skippedCount == 0)
        {
            return;
        }

        var count = _skippedCount;
        _skippedCount = 0;
        Report(DecodeError.SkippedBytes, _skippedLayer, _skippedOffset, count == 1 ? "1 byte outside any frame" : $"{count} bytes outside any frame");
    }

    /// <summary>
    /// Reports what a segment assembler (HDLC segments, M-Bus segments, general-block-transfer blocks)
    /// did with a piece at <paramref name="offset"/>, in one wording for every layer: a piece that does
    /// not follow (one problem, whether or not it also ended a pending APDU), a pending APDU given up
    /// for a new one, or pieces that add up to too much. <paramref name="pieces"/> names them ("M-Bus segments").
    /// </summary>
    public void ReportAssembly(SegmentResult result, bool abandoned, DecodeLayer layer, long offset, long firstOffset, string pieces)
    {
        if (result == SegmentResult.Dropped)
        {
            var error = layer == DecodeLayer.Dlms ? DecodeError.BlockOutOfOrder : DecodeError.IncompleteSegments;
            Report(error, layer, offset, abandoned
                ? $"one of the {pieces} of an APDU is missing (this one does not follow the last); the incomplete APDU and this piece are dropped"
                : $"one of the {pieces} of an APDU whose first one was not received (or was dropped); dropped");
            return;
        }

        if (abandoned)
        {
            Report(DecodeError.IncompleteSegments, layer, offset, $"a new APDU began before the last of the {pieces} of the previous one arrived; the incomplete APDU is dropped");
        }

        if (result == SegmentResult.TooLong)
        {
            Report(DecodeError.SegmentedApduTooLong, layer, firstOffset, $"{pieces} add up to more than 64 KiB; dropped");
        }
    }

    /// <summary>Reports an APDU still waiting for pieces when the input ended or the line broke off.</summary>
    public void ReportUnfinished(DecodeLayer layer, long firstOffset, int count, string pieces) =>
        Report(DecodeError.IncompleteSegments, layer, firstOffset, $"the input ended, or a live line broke off, after {count} of the {pieces} of an APDU whose last one never came");

    public void Report(DecodeError error, DecodeLayer layer, long offset, string detail)
    {
        FlushSkippedBytes();
        Counters.AddProblem(layer);
        Observer.OnProblem(new DecodeProblem(error, layer, offset, detail));
    }

    public void Dispose() => Apdus.Dispose();
}
