using System.Text.Encodings.Web;
using System.Text.Json;
using Han.Protocol;
using Han.Protocol.Cosem;

namespace Han.Readings.Json;

/// <summary>
/// Writes a <see cref="MeterReading"/> as the flat JSON object of DESIGN.md §2.2. Numbers are written
/// exactly as decimals (never through floating point); absent fields are absent. One instance per
/// output: it keeps the encoded form of the identity strings a meter repeats in every reading.
/// </summary>
public sealed class ReadingJsonWriter
{
    private const int CachedStrings = 8;
    private const int MaxObisCodeLength = 23; // 255.255.255.255.255.255
    private static readonly JsonEncodedText ManufacturerKey = JsonEncodedText.Encode("meter_manufacturer");
    private static readonly JsonEncodedText MeterIdKey = JsonEncodedText.Encode("meter_id");
    private static readonly JsonEncodedText MeterTypeKey = JsonEncodedText.Encode("meter_type");
    private static readonly JsonEncodedText ListVersionKey = JsonEncodedText.Encode("list_version");
    private static readonly JsonEncodedText MeterTimeKey = JsonEncodedText.Encode("meter_time");
    private static readonly JsonEncodedText ReceivedKey = JsonEncodedText.Encode("received");
    private static readonly JsonEncodedText ObisKey = JsonEncodedText.Encode("obis");
    private static readonly JsonEncodedText[] FieldKeys =
        [.. ReadingFieldInfo.Fields.Select(info => JsonEncodedText.Encode(info.Key))];

    private readonly string?[] _cachedStrings = new string?[CachedStrings];
    private readonly JsonEncodedText[] _cachedEncodings = new JsonEncodedText[CachedStrings];
    private int _nextCacheSlot;

    public void Write(Utf8JsonWriter writer, MeterReading reading)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        WriteProperties(writer, reading);
        writer.WriteEndObject();
    }

    /// <summary>The reading's keys, into an object the caller has opened (and may add keys of its own to, such as the file it came from).</summary>
    public void WriteProperties(Utf8JsonWriter writer, MeterReading reading)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(reading);
        WriteString(writer, ManufacturerKey, reading.MeterManufacturer);
        WriteString(writer, MeterIdKey, reading.MeterId);
        WriteString(writer, MeterTypeKey, reading.MeterType);
        WriteString(writer, ListVersionKey, reading.ListVersion);
        if (reading.MeterTime is { } time)
        {
            writer.WritePropertyName(MeterTimeKey);
            WriteClock(writer, time);
        }

        if (reading.Received is { } received)
        {
            writer.WritePropertyName(ReceivedKey);
            WriteReceived(writer, received);
        }

        Span<byte> number = stackalloc byte[Measurement.MaxFormattedLength];
        for (var i = 0; i < FieldKeys.Length; i++)
        {
            if (reading.TryGet((ReadingField)i, out var value))
            {
                writer.WritePropertyName(FieldKeys[i]);
                WriteNumber(writer, value, number);
            }
        }

        if (reading.Other.Count > 0)
        {
            writer.WriteStartObject(ObisKey);
            Span<char> code = stackalloc char[MaxObisCodeLength];
            foreach (var other in reading.Other)
            {
                other.Code.TryFormat(code, out var length, default, null);
                writer.WritePropertyName(code[..length]);
                WriteValue(writer, other.Value, number);
            }

            writer.WriteEndObject();
        }
    }

    private void WriteString(Utf8JsonWriter writer, JsonEncodedText key, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (PrintableText.HasUnsafe(value))
        {
            JsonText.Write(writer, key, value);
        }
        else
        {
            writer.WriteString(key, Encoded(value));
        }
    }

    /// <summary>
    /// The options a writer for readings should have: characters escaped only where JSON requires it, so
    /// that <c>+02:00</c> and <c>Ø</c> stay as they are (these lines are data, never embedded in HTML).
    /// </summary>
    public static JsonWriterOptions Options { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static void WriteClock(Utf8JsonWriter writer, MeterClock clock)
    {
        Span<byte> text = stackalloc byte[MeterClock.MaxFormattedLength];
        clock.TryFormat(text, out var length);
        writer.WriteStringValue(text[..length]);
    }

    private static void WriteReceived(Utf8JsonWriter writer, DateTimeOffset received)
    {
        Span<byte> text = stackalloc byte[ReceiveTime.MaxLength];
        ReceiveTime.TryFormat(received, text, out var length);
        writer.WriteStringValue(text[..length]);
    }

    /// <summary>The JSON encoding of a string, reused while the decoder hands out the same instance.</summary>
    private JsonEncodedText Encoded(string value)
    {
        for (var i = 0; i < CachedStrings; i++)
        {
            if (ReferenceEquals(_cachedStrings[i], value))
            {
                return _cachedEncodings[i];
            }
        }

        var encoded = JsonEncodedText.Encode(value, Options.Encoder);
        _cachedStrings[_nextCacheSlot] = value;
        _cachedEncodings[_nextCacheSlot] = encoded;
        _nextCacheSlot = (_nextCacheSlot + 1) % CachedStrings;
        return encoded;
    }

    private static void WriteNumber(Utf8JsonWriter writer, Measurement value, Span<byte> scratch)
    {
        value.TryFormat(scratch, out var written);
        writer.WriteRawValue(scratch[..written], skipInputValidation: true);
    }

    private static void WriteValue(Utf8JsonWriter writer, CosemValue value, Span<byte> scratch)
    {
        switch (value)
        {
            case CosemValue.Number number:
                WriteNumber(writer, number.Value, scratch);
                break;
            case CosemValue.Text text:
                JsonText.WriteValue(writer, text.Value);
                break;
            case CosemValue.Time time when MeterClock.TryFrom(time.Value, out var clock):
                WriteClock(writer, clock);
                break;
            case CosemValue.Time time:
                writer.WriteStringValue(time.Value.Describe());
                break;
            case CosemValue.Bytes bytes:
                writer.WriteStringValue(Convert.ToHexString(bytes.Value.Span));
                break;
            case CosemValue.Boolean boolean:
                writer.WriteBooleanValue(boolean.Value);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
