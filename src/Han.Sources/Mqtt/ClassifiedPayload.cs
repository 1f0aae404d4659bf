namespace Han.Sources.Mqtt;

/// <summary>
/// One MQTT payload recognised: its <see cref="Form"/> and, for the forms han decodes, the bytes to give
/// the decoder (HDLC frames with both flags, or a P1 telegram's text); empty for a payload to skip.
/// </summary>
public sealed record ClassifiedPayload(PayloadForm Form, ReadOnlyMemory<byte> Bytes)
{
    /// <summary>Whether the payload is decoded (the others are skipped).</summary>
    public bool IsDecoded => Form is PayloadForm.HdlcFrames or PayloadForm.HdlcHex or PayloadForm.P1Telegram
        or PayloadForm.Apdu or PayloadForm.DataElement or PayloadForm.FramesInEnvelope;

    public static ClassifiedPayload Skipped(PayloadForm form) => new(form, ReadOnlyMemory<byte>.Empty);
}
