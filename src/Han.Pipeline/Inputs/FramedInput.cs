using System.Buffers;
using Han.Protocol.Framing;

namespace Han.Pipeline.Inputs;

/// <summary>One outer format of input (HDLC stream, M-Bus stream, P1 stream, a lone message): turns bytes into APDUs or telegrams for the shared context.</summary>
internal abstract class FramedInput
{
    protected FramedInput(DecodeContext context)
    {
        Context = context;
    }

    /// <summary>Where every byte of this input went.</summary>
    public abstract FramingStatistics Statistics { get; }

    protected DecodeContext Context { get; }

    /// <summary>Consumes what it can, advancing <paramref name="buffer"/>; with <paramref name="isFinalBlock"/> everything.</summary>
    public abstract void Feed(ref ReadOnlySequence<byte> buffer, bool isFinalBlock);

    /// <summary>The input ended: decode what was held back, report what never completed.</summary>
    public abstract void Complete();
}
