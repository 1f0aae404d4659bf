namespace Han.Sources.Mqtt;

/// <summary>
/// What one MQTT payload holds, as other HAN readers publish it (integrations.md §3, table "First bytes
/// of payload"). The first group is decoded; the second is skipped, each with one line the first time.
/// </summary>
public enum PayloadForm
{
    /// <summary>Binary HDLC frames, their flags completed where the reader left them out (Tibber Pulse).</summary>
    HdlcFrames,

    /// <summary>Hex text of HDLC frames (amsreader "HEX dump", AmsToMqttBridge "Raw data (bytes)").</summary>
    HdlcHex,

    /// <summary>A DSMR / IEC 62056-21 telegram as text (Tibber Pulse P1, dsmr-reader <c>dsmr/raw</c>, ESP P1 gateways).</summary>
    P1Telegram,

    /// <summary>A bare DLMS APDU or LLC information field, binary or hex (handled by amshan).</summary>
    Apdu,

    /// <summary>A bare A-XDR data element: the notification body without the APDU's header (amsreader 2.1.14-2.4).</summary>
    DataElement,

    /// <summary>HDLC frames found inside a Tibber Pulse batched envelope, or other bytes around whole frames.</summary>
    FramesInEnvelope,

    /// <summary>A Tibber Pulse batched envelope without a whole frame in it (compressed; not decodable).</summary>
    BatchedEnvelope,

    /// <summary>JSON: a status or decoded values, not a frame.</summary>
    Json,

    /// <summary>A Tibber Pulse command echo (<c>Debug: ...</c>).</summary>
    DebugText,

    /// <summary>An empty payload (a retained message being cleared).</summary>
    Empty,

    /// <summary>Nothing han knows how to read.</summary>
    Unrecognised,
}
