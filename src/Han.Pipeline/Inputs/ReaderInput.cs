using System.Buffers;
using Han.Protocol;
using Han.Protocol.Framing;

namespace Han.Pipeline.Inputs;

/// <summary>
/// An input whose frames or telegrams a <see cref="StreamFrameReader{TFrame}"/> finds. Bytes outside any
/// frame and rejected frames are reported the same way for every format; what a good frame means is
/// the derived input's business.
/// </summary>
internal abstract class ReaderInput<TFrame> : FramedInput
    where TFrame : allows ref struct
{
    private readonly StreamFrameReader<TFrame> _reader;
    private readonly DecodeLayer _layer;

    protected ReaderInput(DecodeContext context, StreamFrameReader<TFrame> reader, DecodeLayer layer)
        : base(context)
    {
        _reader = reader;
        _layer = layer;
    }

    public override FramingStatistics Statistics => _reader.Statistics;

    public override void Feed(ref ReadOnlySequence<byte> buffer, bool isFinalBlock)
    {
        while (true)
        {
            var status = _reader.TryRead(ref buffer, isFinalBlock, out var frame, out var discard);
            if (status == FrameReadStatus.NeedMoreData)
            {
                return;
            }

            if (status == FrameReadStatus.Discarded)
            {
                if (discard.Reason == DecodeError.SkippedBytes)
                {
                    Context.SkipBytes(_layer, discard.Offset, discard.ByteCount);
                }
                else
                {
                    Context.Report(discard.Reason, _layer, discard.Offset, Describe(discard));
                }

                continue;
            }

            Context.FlushSkippedBytes();
            OnFrame(frame);
        }
    }

    /// <summary>A good frame or telegram; valid only during the call.</summary>
    protected abstract void OnFrame(in TFrame frame);

    /// <summary>The sentence for a rejected frame or telegram.</summary>
    protected abstract string Describe(in FrameDiscard discard);
}
