using System.Globalization;
using System.Text.Json;
using Han.Readings.Json;
using Han.Simulation.Faults;

namespace Han.Simulation;

/// <summary>
/// The "what I sent" log as JSON lines, one per list due: when (UTC and the meter's wall clock), which
/// list, where its bytes start in the output and how many, the fault if one struck, whether it went out
/// intact, and the reading its bytes carry in the reading schema (DESIGN.md §2.2), so a test or a user
/// can compare it with what <c>han decode --format json</c> reads.
/// </summary>
public sealed class TransmissionLog
{
    private readonly ReadingJsonWriter _readings = new();

    public void Write(Stream output, Transmission transmission)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(transmission);
        using (var json = new Utf8JsonWriter(output, ReadingJsonWriter.Options))
        {
            json.WriteStartObject();
            json.WriteNumber("seq", transmission.Sequence);
            json.WriteString("time", transmission.Time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.FFFZ", CultureInfo.InvariantCulture));
            json.WriteString("meter_clock", transmission.LocalTime.ToString("yyyy-MM-ddTHH:mm:ss.FFFzzz", CultureInfo.InvariantCulture));
            json.WriteString("list", transmission.Kind.ToString().ToLowerInvariant());
            json.WriteNumber("offset", transmission.Offset);
            json.WriteNumber("bytes", transmission.Wire.Length);
            if (transmission.Fault is { } fault)
            {
                json.WriteString("fault", FaultPlan.NameOf(fault));
            }

            json.WriteBoolean("intact", transmission.Intact);
            json.WritePropertyName("reading");
            _readings.Write(json, transmission.Expected ?? transmission.Content);
            json.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
    }
}
