using System.Text.Json;
using Han.Readings.Json;

namespace Han.Live;

/// <summary>
/// A live reading as one JSON object: <c>meter</c> (the configured name), the reading's keys of
/// DESIGN.md §2.2 with <c>received</c>, and the live energy estimates under their own keys,
/// <c>active_energy_import_estimate</c> and <c>active_energy_export_estimate</c> (kWh to the watt-hour),
/// never in the place of the exact registers.
/// </summary>
public sealed class LiveReadingJsonWriter
{
    private static readonly JsonEncodedText MeterKey = JsonEncodedText.Encode("meter");
    private static readonly JsonEncodedText ImportEstimateKey = JsonEncodedText.Encode("active_energy_import_estimate");
    private static readonly JsonEncodedText ExportEstimateKey = JsonEncodedText.Encode("active_energy_export_estimate");

    /// <summary>Decimals of a kWh estimate: to the watt-hour, more than a meter's register shows, and honest about an estimate.</summary>
    private const int EstimateDecimals = 3;

    private readonly ReadingJsonWriter _readings = new();

    public void Write(Utf8JsonWriter writer, string meter, LiveReading reading)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(reading);
        writer.WriteStartObject();
        WriteProperties(writer, meter, reading);
        writer.WriteEndObject();
    }

    /// <summary>The keys of <see cref="Write"/>, into an object the caller has opened (and adds keys of its own to, as the MQTT state does).</summary>
    public void WriteProperties(Utf8JsonWriter writer, string meter, LiveReading reading)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(reading);
        writer.WriteString(MeterKey, meter);
        _readings.WriteProperties(writer, reading.Reading);
        WriteEstimate(writer, ImportEstimateKey, reading.ImportEstimate);
        WriteEstimate(writer, ExportEstimateKey, reading.ExportEstimate);
    }

    private static void WriteEstimate(Utf8JsonWriter writer, JsonEncodedText key, decimal? kilowattHours)
    {
        if (kilowattHours is { } value)
        {
            writer.WriteNumber(key, Math.Round(value, EstimateDecimals, MidpointRounding.ToEven));
        }
    }
}
