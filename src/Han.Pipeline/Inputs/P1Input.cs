using System.Buffers;
using Han.Protocol;
using Han.Protocol.Framing;
using Han.Protocol.P1;

namespace Han.Pipeline.Inputs;

/// <summary>A stream of DSMR / IEC 62056-21 P1 text telegrams (NL, BE, LU, SE, FI, some DK/AT/NO meters).</summary>
internal sealed class P1Input : FramedInput
{
    private readonly P1TelegramReader _telegrams = new();

    public P1Input(DecodeContext context)
        : base(context)
    {
    }

    public override FramingStatistics Statistics => _telegrams.Statistics;

    public override void Feed(ref ReadOnlySequence<byte> buffer, bool isFinalBlock)
    {
        while (true)
        {
            var status = _telegrams.TryRead(ref buffer, isFinalBlock, out var telegram, out var discard);
            if (status == FrameReadStatus.NeedMoreData)
            {
                return;
            }

            if (status == FrameReadStatus.Discarded)
            {
                if (discard.Reason == DecodeError.SkippedBytes)
                {
                    Context.SkipBytes(DecodeLayer.P1, discard.Offset, discard.ByteCount);
                }
                else
                {
                    Context.Report(discard.Reason, DecodeLayer.P1, discard.Offset, DiscardText.Describe(discard, "P1 telegram"));
                }

                continue;
            }

            Context.FlushSkippedBytes();
            Context.Telegrams.Process(telegram);
        }
    }

    public override void Complete()
    {
    }
}
