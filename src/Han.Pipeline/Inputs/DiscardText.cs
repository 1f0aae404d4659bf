using Han.Protocol;
using Han.Protocol.Framing;

namespace Han.Pipeline.Inputs;

/// <summary>Readable sentences for rejected frames and telegrams.</summary>
internal static class DiscardText
{
    /// <summary>A rejected binary frame, found by its length field (<paramref name="unit"/>: "frame", "M-Bus frame").</summary>
    public static string Describe(in FrameDiscard discard, string unit) => discard.Reason switch
    {
        DecodeError.BadLength => $"a {unit} header declares length {discard.DeclaredLength}, which no {unit} can have",
        DecodeError.BadAddress => $"{unit} of {discard.DeclaredLength} bytes has a malformed address field",
        DecodeError.BadHcs => $"{unit} of {discard.DeclaredLength} bytes failed its header check sequence (HCS)",
        DecodeError.BadFcs => $"{unit} of {discard.DeclaredLength} bytes failed its frame check sequence (FCS)",
        DecodeError.BadChecksum => $"{unit} of {discard.DeclaredLength} bytes failed its checksum",
        DecodeError.MissingClosingFlag => $"{unit} of declared length {discard.DeclaredLength} does not end on a flag (cut short or damaged)",
        DecodeError.MissingStopByte => $"{unit} of declared length {discard.DeclaredLength} does not end with its stop byte 0x16 (cut short or damaged)",
        DecodeError.Truncated => $"the input ends, or a live line broke off, inside a {unit} of declared length {discard.DeclaredLength}",
        _ => $"{unit} rejected: {discard.Reason.Name()}",
    };

    /// <summary>A rejected P1 telegram: text with no length field, so its size is the bytes it took.</summary>
    public static string DescribeTelegram(in FrameDiscard discard) => discard.Reason switch
    {
        DecodeError.BadCrc => $"a P1 telegram of {discard.ByteCount} bytes failed its CRC check (its checksum is wrong, unreadable, or missing where earlier telegrams had one)",
        DecodeError.Truncated => $"a P1 telegram was cut short after {discard.ByteCount} bytes: the next telegram or the end of the input came before its end mark '!'",
        DecodeError.TelegramTooLong => $"no end mark '!' within {discard.ByteCount} bytes of a P1 telegram start",
        _ => $"P1 telegram rejected: {discard.Reason.Name()}",
    };
}
