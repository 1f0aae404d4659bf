using System.Buffers;
using Han.Protocol;
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

        var hdlc = FirstFrame(new HdlcFrameReader(), window, complete) ?? long.MaxValue;
        var mbus = FirstFrame(new MBusFrameReader(), window, complete) ?? long.MaxValue;
        var p1Reader = new P1TelegramReader();
        var p1 = FirstFrame(p1Reader, window, complete) ?? long.MaxValue;
        var first = Math.Min(hdlc, Math.Min(mbus, p1));
        if (first == long.MaxValue)
        {
            if (!complete)
            {
                return InputKind.Unknown;
            }

            // No good frame at all. A whole telegram ("/" identification ... "!") that failed only its
            // checksum is text no binary line produces by chance: call it P1, so that the user hears
            // "bad CRC" rather than "bytes outside any frame". Otherwise HDLC, the most common format.
            return p1Reader.Statistics.Discards(DecodeError.BadCrc) > 0 ? InputKind.P1Stream : InputKind.HdlcStream;
        }

        return first == hdlc ? InputKind.HdlcStream : first == mbus ? InputKind.MBusStream : InputKind.P1Stream;
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
