using Han.Protocol;
using Han.Protocol.Framing;

namespace Han.Pipeline.Inputs;

/// <summary>Readable sentences for rejected frames and telegrams.</summary>
internal static class DiscardText
{
    public static string Describe(in FrameDiscard discard, string unit = "frame") => discard.Reason switch
    {
        DecodeError.BadLength => $"a {unit} header declares length {discard.DeclaredLength}, which no {unit} can have",
        DecodeError.BadAddress => $"{unit} of {discard.DeclaredLength} bytes has a malformed address field",
        DecodeError.BadHcs => $"{unit} of {discard.DeclaredLength} bytes failed its header check sequence (HCS)",
        DecodeError.BadFcs => $"{unit} of {discard.DeclaredLength} bytes failed its frame check sequence (FCS)",
        DecodeError.BadChecksum => $"{unit} of {discard.DeclaredLength} bytes failed its checksum",
        DecodeError.BadCrc => $"{unit} of {discard.DeclaredLength} bytes failed its CRC",
        DecodeError.MissingClosingFlag => $"{unit} of declared length {discard.DeclaredLength} does not end on a flag (cut short or damaged)",
        DecodeError.MissingStopByte => $"{unit} of declared length {discard.DeclaredLength} does not end with its stop byte 0x16 (cut short or damaged)",
        DecodeError.Truncated => $"the input ends inside a {unit} of declared length {discard.DeclaredLength}",
        DecodeError.TelegramTooLong => $"no end mark within {discard.DeclaredLength} bytes of a {unit} start",
        _ => $"{unit} rejected: {discard.Reason.Name()}",
    };
}
