using System.Globalization;

namespace Han.Sources.Mqtt;

/// <summary>
/// What an MQTT source says about the payloads it gets: one line the first time each form appears
/// (what it decodes, or why it skips it), never one per message, since a reader publishes every few
/// seconds for years. Also decides about bare data elements: amsreader 2.3-2.4 publishes each list
/// twice, as the whole frame and as its data element (integrations.md §3.3); once a topic has carried
/// whole frames, its data elements are skipped, as they would repeat each reading without its clock.
/// </summary>
internal sealed class PayloadNotes
{
    private readonly HashSet<PayloadForm> _told = [];
    private readonly string _subscription;
    private bool _retainedTold;
    private bool _framesSeen;
    private bool _elementsSkippedTold;

    public PayloadNotes(string subscription)
    {
        _subscription = subscription;
    }

    /// <summary>Whether a payload of <paramref name="form"/> goes to the decoder.</summary>
    public bool Decodes(PayloadForm form) => form != PayloadForm.DataElement || !_framesSeen;

    /// <summary>The line to say about this delivery (null for nothing new); <paramref name="classified"/> is null for a retained message.</summary>
    public string? About(Delivery delivery, ClassifiedPayload? classified)
    {
        if (classified is null)
        {
            if (_retainedTold)
            {
                return null;
            }

            _retainedTold = true;
            return $"skipping the retained message on '{delivery.Topic}': the broker kept it from earlier, so it is no current reading";
        }

        var form = classified.Form;
        if (form == PayloadForm.DataElement && _framesSeen)
        {
            if (_elementsSkippedTold)
            {
                return null;
            }

            _elementsSkippedTold = true;
            return $"skipping the bare data elements on '{delivery.Topic}': it carries the whole frames too (as amsreader 2.3-2.4 publishes both), which hold the same list with the meter's clock";
        }

        _framesSeen |= form is PayloadForm.HdlcFrames or PayloadForm.HdlcHex or PayloadForm.Apdu or PayloadForm.FramesInEnvelope;
        return _told.Add(form) ? Sentence(form, delivery) : null;
    }

    private string Sentence(PayloadForm form, Delivery delivery)
    {
        var topic = delivery.Topic == _subscription ? $"'{delivery.Topic}'" : $"'{delivery.Topic}' (of '{_subscription}')";
        return form switch
        {
            PayloadForm.HdlcFrames => $"reading binary HDLC frames from {topic}",
            PayloadForm.HdlcHex => $"reading HDLC frames written as hex text from {topic}",
            PayloadForm.P1Telegram => $"reading P1 telegrams from {topic}",
            PayloadForm.Apdu => $"reading bare DLMS messages (without their HDLC frame) from {topic}",
            PayloadForm.DataElement => $"reading bare data elements (a list without its message header, as amsreader 2.1.14-2.2 publishes it) from {topic}; they carry no meter clock",
            PayloadForm.FramesInEnvelope => $"reading HDLC frames found inside other bytes (a Tibber Pulse batched message) from {topic}",
            PayloadForm.BatchedEnvelope => $"skipping the Tibber Pulse's batched messages on {topic}: they are compressed and cannot be decoded; publish 'batching_disable 86400' (seconds) to the Pulse's command topic (mqtt_topic_sub, e.g. tibber-pulse-<id>/receive) to get plain frames, or restart it",
            PayloadForm.Json => $"skipping JSON on {topic}: it is a status or decoded values, not a frame (said once; later ones are skipped silently)",
            PayloadForm.DebugText => $"skipping the Tibber Pulse's 'Debug: ...' messages on {topic} (an answer to a command; if they never stop, its command topic is its publish topic)",
            PayloadForm.Empty => $"skipping empty messages on {topic}",
            _ => $"skipping messages on {topic} that are no frame, telegram or DLMS message han knows (the first began {Start(delivery.Payload.Span)}; said once)",
        };
    }

    private static string Start(ReadOnlySpan<byte> payload) =>
        string.Join(' ', payload[..Math.Min(8, payload.Length)].ToArray().Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));
}
