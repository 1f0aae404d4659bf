using System.Buffers;
using Han.Protocol.Framing;
using Han.Protocol.Hdlc;

namespace Han.Pipeline.Inputs;

/// <summary>
/// An input that is one unframed message, as MQTT bridges forward it: an LLC information field or a
/// bare APDU. The detector has already seen all of it and found it whole (<see cref="LoneMessage"/>);
/// it is collected and decoded at the end.
/// </summary>
internal sealed class MessageInput : FramedInput
{
    private readonly ArrayBufferWriter<byte> _message = new();
    private readonly InputKind _kind;

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
            _message.Write(segment.Span);
        }

        buffer = buffer.Slice(buffer.End);
    }

    public override void Complete()
    {
        if (_message.WrittenCount == 0)
        {
            return;
        }

        // A line end after the message (as mosquitto_sub writes payloads) is not part of it.
        var message = _message.WrittenSpan[..Math.Max(0, LoneMessage.LengthOf(_message.WrittenSpan))];
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
