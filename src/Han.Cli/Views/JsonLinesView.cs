using System.Buffers;
using System.Text.Json;
using Han.Pipeline;
using Han.Protocol;
using Han.Readings;
using Han.Readings.Json;

namespace Han.Cli.Views;

/// <summary>
/// <c>--format json</c>: one JSON object per line, a reading (DESIGN.md §2.2) or a problem
/// <c>{"error", "layer", "offset", "detail"}</c>. When several inputs are decoded in one run, every line
/// starts with <c>"file"</c>, the input's name as given, since offsets count from each input's start.
/// Lines collect in memory and go out in 64 KiB writes: a JSON writer over a stream would flush the
/// stream, one system call per line.
/// </summary>
internal sealed class JsonLinesView : OutputView
{
    private static readonly JsonEncodedText ErrorKey = JsonEncodedText.Encode("error");
    private static readonly JsonEncodedText LayerKey = JsonEncodedText.Encode("layer");
    private static readonly JsonEncodedText OffsetKey = JsonEncodedText.Encode("offset");
    private static readonly JsonEncodedText DetailKey = JsonEncodedText.Encode("detail");
    private static readonly JsonEncodedText FileKey = JsonEncodedText.Encode("file");

    private const int WriteSize = 64 * 1024;

    private readonly ArrayBufferWriter<byte> _pending = new(WriteSize + 4096);
    private readonly Utf8JsonWriter _writer;
    private readonly ReadingJsonWriter _readingWriter = new();
    private string? _file;

    public JsonLinesView(Stream output)
        : base(output)
    {
        _writer = new Utf8JsonWriter(_pending, ReadingJsonWriter.Options with { SkipValidation = true });
    }

    public override void BeginInput(string name, bool several) =>
        _file = several ? name : null;

    public override void OnReading(MeterReading reading, long offset)
    {
        StartLine();
        _readingWriter.WriteProperties(_writer, reading);
        _writer.WriteEndObject();
        EndLine();
    }

    public override void OnProblem(in DecodeProblem problem)
    {
        StartLine();
        _writer.WriteString(ErrorKey, problem.Error.Name());
        _writer.WriteString(LayerKey, problem.Layer.Name());
        _writer.WriteNumber(OffsetKey, problem.Offset);
        JsonText.Write(_writer, DetailKey, problem.Detail);
        _writer.WriteEndObject();
        EndLine();
    }

    public override void Flush()
    {
        WritePending();
        base.Flush();
    }

    private void StartLine()
    {
        _writer.WriteStartObject();
        if (_file is { } file)
        {
            JsonText.Write(_writer, FileKey, file);
        }
    }

    private void EndLine()
    {
        _writer.Flush();
        _writer.Reset();
        _pending.GetSpan(1)[0] = (byte)'\n';
        _pending.Advance(1);
        if (_pending.WrittenCount >= WriteSize)
        {
            WritePending();
        }
    }

    private void WritePending()
    {
        Output.Write(_pending.WrittenSpan);
        _pending.ResetWrittenCount();
    }
}
