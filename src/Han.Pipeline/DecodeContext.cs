using Han.Protocol;

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

    public void Report(DecodeError error, DecodeLayer layer, long offset, string detail)
    {
        FlushSkippedBytes();
        Counters.AddProblem(layer);
        Observer.OnProblem(new DecodeProblem(error, layer, offset, detail));
    }

    public void Dispose() => Apdus.Dispose();
}
