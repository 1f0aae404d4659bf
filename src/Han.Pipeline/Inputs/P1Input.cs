using Han.Protocol;
using Han.Protocol.Framing;
using Han.Protocol.P1;

namespace Han.Pipeline.Inputs;

/// <summary>A stream of DSMR / IEC 62056-21 P1 text telegrams (NL, BE, LU, SE, FI, some DK/AT/NO meters).</summary>
internal sealed class P1Input : ReaderInput<P1Telegram>
{
    public P1Input(DecodeContext context)
        : base(context, new P1TelegramReader(), DecodeLayer.P1)
    {
    }

    protected override void OnFrame(in P1Telegram frame) => Context.Telegrams.Process(frame);

    protected override string Describe(in FrameDiscard discard) => DiscardText.DescribeTelegram(discard);

    public override void Complete()
    {
        // A telegram is whole or discarded by the reader; nothing is held between telegrams.
    }
}
