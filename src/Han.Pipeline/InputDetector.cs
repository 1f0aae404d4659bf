using System.Buffers;
using Han.Protocol;
using Han.Protocol.Framing;
using Han.Protocol.Hdlc;
using Han.Protocol.MBus;
using Han.Protocol.P1;

namespace Han.Pipeline;

/// <summary>
/// Recognises the outer format of an input from the bytes themselves (protocol.md §0), so that users
/// never have to say which one they have. The format of the first good frame wins, wherever it starts:
/// noise before it costs only itself, as noise between frames does, even when its first byte is one a
/// lone message starts with (<c>0F</c>, <c>DB</c>, <c>E6 E7 00</c>...). An input is a lone LLC
/// information field or APDU only when it holds no frame at all and, once it has ended, is one whole
/// message (<see cref="LoneMessage"/>); MQTT bridges forward such messages one per payload, so they
/// always arrive complete.
/// </summary>
public static class InputDetector
{
    /// <summary>How far to look for a first good frame before settling for HDLC (the most common format).</summary>
    public const int MaxWindow = 64 * 1024;

    /// <summary>The kind of input <paramref name="start"/> begins; <see cref="InputKind.Unknown"/> when more bytes are needed to tell.</summary>
    public static InputKind Detect(ReadOnlySequence<byte> start, bool isFinalBlock)
    {
        var window = start.Length <= MaxWindow ? start.ToArray() : start.Slice(0, MaxWindow).ToArray();
        var complete = isFinalBlock || window.Length == MaxWindow;
        var hdlc = FirstFrame(new HdlcFrameReader(), window, complete) ?? long.MaxValue;
        var mbus = FirstFrame(new MBusFrameReader(), window, complete) ?? long.MaxValue;
        var p1Reader = new P1TelegramReader();
        var p1 = FirstFrame(p1Reader, window, complete) ?? long.MaxValue;
        var first = Math.Min(hdlc, Math.Min(mbus, p1));
        if (first != long.MaxValue)
        {
            return first == hdlc ? InputKind.HdlcStream : first == mbus ? InputKind.MBusStream : InputKind.P1Stream;
        }

        if (!complete)
        {
            // A frame may still come; so may the end of a lone message.
            return InputKind.Unknown;
        }

        // No good frame at all. Only now, with the whole input in the window, can it be one lone message.
        var lone = isFinalBlock && start.Length == window.Length ? LoneMessage.Recognise(window) : InputKind.Unknown;
        if (lone != InputKind.Unknown)
        {
            return lone;
        }

        // A whole telegram ("/" identification ... "!") that failed only its checksum is text no binary
        // line produces by chance: call it P1, so that the user hears "bad CRC" rather than "bytes outside
        // any frame". Anything else is noise, HDLC being the most common format; this includes an input
        // that starts like a lone message but is not one whole message (cut short, or followed by other
        // bytes): with no checksum to go by, han cannot tell it from noise, and says so as for any noise.
        return p1Reader.Statistics.Discards(DecodeError.BadCrc) > 0 ? InputKind.P1Stream : InputKind.HdlcStream;
    }

    /// <summary>The stream offset of the first good frame <paramref name="reader"/> finds in the window, if any.</summary>
    private static long? FirstFrame<TFrame>(StreamFrameReader<TFrame> reader, ReadOnlySpan<byte> window, bool complete)
        where TFrame : IStreamFrame, allows ref struct
    {
        var consumed = 0;
        while (true)
        {
            var status = reader.TryRead(window[consumed..], complete, out var used, out var frame, out _);
            consumed += used;
            switch (status)
            {
                case FrameReadStatus.Frame:
                    return frame.Offset;
                case FrameReadStatus.NeedMoreData:
                    return null;
            }
        }
    }
}
