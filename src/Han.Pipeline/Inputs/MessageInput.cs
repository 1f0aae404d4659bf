using System.Buffers;
using Han.Protocol;
using Han.Protocol.Framing;
using Han.Protocol.Hdlc;

namespace Han.Pipeline.Inputs;

/// <summary>
/// An input that is one unframed message, as MQTT bridges forward it: an LLC information field or a
/// bare APDU. Collected whole, decoded at the end.
/// </summary>
internal sealed class MessageInput : FramedInput
{
    /// <summary>A lone APDU larger than this is not a meter push.</summary>
    private const int MaxMessageLength = HdlcSegmentAssembler.MaxApduLength;

    private readonly ArrayBufferWriter<byte> _message = new();
    private readonly InputKind _kind;
    private long _ignored;

    public MessageInput(DecodeContext context, InputKind kind)
        : base(context)
    {
        _kind = kind;
    }

    public override FramingStatistics Statistics { get; } = new();

    public override void Feed(ref ReadOnlySequence<byte> buffer, bool isFinalBlock)
    {
        foreach (var segment in buffer)
        {
            var take = Math.Min(MaxMessageLength - _message.WrittenCount, segment.Length);
            _message.Write(segment.Span[..take]);
            _ignored += segment.Length - take;
        }

        buffer = buffer.Slice(buffer.End);
    }

    public override void Complete()
    {
        if (_message.WrittenCount == 0)
        {
            return;
        }

        if (_ignored > 0)
        {
            Context.Report(DecodeError.SkippedBytes, DecodeLayer.Dlms, MaxMessageLength, $"{_ignored} bytes beyond the {MaxMessageLength}-byte limit of a single APDU were ignored");
        }

        var message = _message.WrittenSpan;
        Context.Observer.OnMessage(message, _kind);
        if (_kind == InputKind.LlcMessage)
        {
            Context.Apdus.Process(message[Llc.HeaderLength..], Llc.HeaderLength, frames: 1);
        }
        else
        {
            Context.Apdus.Process(message, 0, frames: 1);
        }

        _message.Clear();
    }
}
