using System.Buffers;
using System.Text.Json;
using Han.Live;
using Han.Live.Fanout;
using Han.Readings;
using Han.Readings.Json;

namespace Han.Integrations.Mqtt;

/// <summary>
/// The JSON state of one meter as <c>han/&lt;meter&gt;/state</c> carries it (the shared contract of
/// issue 9): the meter's merged reading (every schema key it has sent so far with its newest value, see
/// <see cref="ReadingMerge"/>), <c>meter</c>, <c>received</c>, the live energy estimates, and the line's
/// diagnostics from the newest <see cref="LineStatus"/>: <c>frames</c>, <c>checksum_errors</c>,
/// <c>cut_frames</c>, <c>skipped_bytes</c>, <c>undecoded</c>, <c>line_state</c>, <c>line_settings</c>,
/// <c>last_reading</c>. A key is absent when nothing has said it yet, never zero or null for "unknown".
/// </summary>
public sealed class MeterStateDocument(string meter)
{
    private static readonly JsonEncodedText FramesKey = JsonEncodedText.Encode("frames");
    private static readonly JsonEncodedText ChecksumErrorsKey = JsonEncodedText.Encode("checksum_errors");
    private static readonly JsonEncodedText CutFramesKey = JsonEncodedText.Encode("cut_frames");
    private static readonly JsonEncodedText SkippedBytesKey = JsonEncodedText.Encode("skipped_bytes");
    private static readonly JsonEncodedText UndecodedKey = JsonEncodedText.Encode("undecoded");
    private static readonly JsonEncodedText LineStateKey = JsonEncodedText.Encode("line_state");
    private static readonly JsonEncodedText LineSettingsKey = JsonEncodedText.Encode("line_settings");
    private static readonly JsonEncodedText LastReadingKey = JsonEncodedText.Encode("last_reading");

    private readonly LiveReadingJsonWriter _readings = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private LiveReading? _state;
    private LineStatus? _line;

    public string Meter { get; } = meter;

    /// <summary>The merged reading so far, null before the first.</summary>
    public LiveReading? State => _state;

    public void Add(LiveReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        _state = new LiveReading(
            ReadingMerge.Merge(_state?.Reading, reading.Reading, reading.Identity),
            reading.Identity,
            reading.ImportEstimate ?? _state?.ImportEstimate,
            reading.ExportEstimate ?? _state?.ExportEstimate);
    }

    public void Add(LineStatus line) => _line = line ?? throw new ArgumentNullException(nameof(line));

    /// <summary>The state as UTF-8 JSON, a new array each time (the message keeps it while it waits in a queue).</summary>
    public byte[] ToUtf8()
    {
        _buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_buffer, ReadingJsonWriter.Options))
        {
            Write(writer);
        }

        return _buffer.WrittenSpan.ToArray();
    }

    public void Write(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        if (_state is { } state)
        {
            _readings.WriteProperties(writer, Meter, state);
        }
        else
        {
            writer.WriteString("meter", Meter);
        }

        if (_line is { } line)
        {
            writer.WriteNumber(FramesKey, line.Frames);
            writer.WriteNumber(ChecksumErrorsKey, line.ChecksumErrors);
            writer.WriteNumber(CutFramesKey, line.CutFrames);
            writer.WriteNumber(SkippedBytesKey, line.SkippedBytes);
            writer.WriteNumber(UndecodedKey, line.Undecoded);
            writer.WriteString(LineStateKey, line.State);
            if (line.LineSettings is { } settings)
            {
                writer.WriteString(LineSettingsKey, settings);
            }

            if (line.LastReading is { } last)
            {
                writer.WriteString(LastReadingKey, ReceiveTime.ToText(last));
            }
        }

        writer.WriteEndObject();
    }
}
