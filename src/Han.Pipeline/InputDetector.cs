using System.Buffers;
using Han.Protocol.Dlms;
using Han.Protocol.Framing;
using Han.Protocol.Hdlc;
using Han.Protocol.MBus;
using Han.Protocol.P1;

namespace Han.Pipeline;

/// <summary>
/// Recognises the outer format of an input from the bytes themselves (protocol.md §0), so that users
/// never have to say which one they have. A lone LLC information field or APDU is recognised by its
/// first bytes; otherwise the format of the first good frame wins (noise before it is normal).
/// </summary>
public static class InputDetector
{
    /// <summary>How far to look for a first good frame before settling for HDLC (the most common format).</summary>
    public const int MaxWindow = 64 * 1024;

    /// <summary>The kind of input <paramref name="start"/> begins; <see cref="InputKind.Unknown"/> when more bytes are needed to tell.</summary>
    public static InputKind Detect(ReadOnlySequence<byte> start, bool isFinalBlock)
    {
        if (start.Length < 3 && !isFinalBlock)
        {
            return InputKind.Unknown;
        }

        var window = start.Length <= MaxWindow ? start.ToArray() : start.Slice(0, MaxWindow).ToArray();
        var complete = isFinalBlock || window.Length == MaxWindow;
        if (Llc.HasHeader(window))
        {
            return InputKind.LlcMessage;
        }

        if (window.Length > 0 && window[0] is (byte)ApduTag.DataNotification or (byte)ApduTag.GeneralGloCiphering
            or (byte)ApduTag.GeneralDedCiphering or (byte)ApduTag.GeneralCiphering or (byte)ApduTag.GeneralBlockTransfer)
        {
            return InputKind.ApduMessage;
        }

        var hdlc = FirstHdlcFrame(window, complete) ?? long.MaxValue;
        var mbus = FirstMBusFrame(window, complete) ?? long.MaxValue;
        var p1 = FirstTelegram(window, complete) ?? long.MaxValue;
        var first = Math.Min(hdlc, Math.Min(mbus, p1));
        if (first == long.MaxValue)
        {
            return complete ? InputKind.HdlcStream : InputKind.Unknown;
        }

        return first == hdlc ? InputKind.HdlcStream : first == mbus ? InputKind.MBusStream : InputKind.P1Stream;
    }

    /// <summary>Reads one item with some frame reader: its status, bytes used, and the frame's offset when one was found.</summary>
    private delegate FrameReadStatus ReadOne(ReadOnlySpan<byte> rest, bool complete, out int used, out long frameOffset);

    private static long? FirstHdlcFrame(ReadOnlySpan<byte> window, bool complete)
    {
        var reader = new HdlcFrameReader();
        return FirstFrame(window, complete, (ReadOnlySpan<byte> rest, bool final, out int used, out long at) =>
        {
            var status = reader.TryRead(rest, final, out used, out var frame, out _);
            at = status == FrameReadStatus.Frame ? frame.Offset : 0;
            return status;
        });
    }

    private static long? FirstMBusFrame(ReadOnlySpan<byte> window, bool complete)
    {
        var reader = new MBusFrameReader();
        return FirstFrame(window, complete, (ReadOnlySpan<byte> rest, bool final, out int used, out long at) =>
        {
            var status = reader.TryRead(rest, final, out used, out var frame, out _);
            at = status == FrameReadStatus.Frame ? frame.Offset : 0;
            return status;
        });
    }

    private static long? FirstTelegram(ReadOnlySpan<byte> window, bool complete)
    {
        var reader = new P1TelegramReader();
        return FirstFrame(window, complete, (ReadOnlySpan<byte> rest, bool final, out int used, out long at) =>
        {
            var status = reader.TryRead(rest, final, out used, out var telegram, out _);
            at = status == FrameReadStatus.Frame ? telegram.Offset : 0;
            return status;
        });
    }

    private static long? FirstFrame(ReadOnlySpan<byte> window, bool complete, ReadOne read)
    {
        var consumed = 0;
        while (true)
        {
            var status = read(window[consumed..], complete, out var used, out var frameOffset);
            consumed += used;
            switch (status)
            {
                case FrameReadStatus.Frame:
                    return frameOffset;
                case FrameReadStatus.NeedMoreData:
                    return null;
            }
        }
    }
}
