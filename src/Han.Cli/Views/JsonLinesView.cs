using System.Text.Json;
using Han.Pipeline;
using Han.Protocol;
using Han.Readings;
using Han.Readings.Json;

namespace Han.Cli.Views;

/// <summary>
/// <c>--format json</c>: one JSON object per line, a reading (DESIGN.md §2.2) or a problem
/// <c>{"error", "layer", "offset", "detail"}</c>. Written through one reused writer and buffer.
/// </summary>
internal sealed class JsonLinesView : OutputView
{
    private static readonly JsonEncodedText ErrorKey = JsonEncodedText.Encode("error");
    private static readonly JsonEncodedText LayerKey = JsonEncodedText.Encode("layer");
    private static readonly JsonEncodedText OffsetKey = JsonEncodedText.Encode("offset");
    private static readonly JsonEncodedText DetailKey = JsonEncodedText.Encode("detail");

    private readonly BufferedStream _buffer;
    private readonly Utf8JsonWriter _writer;

    public JsonLinesView(Stream output)
        : base(output)
    {
        _buffer = new BufferedStream(output, 64 * 1024);
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
    }

    public override void OnReading(MeterReading reading, long offset)
    {
        ReadingJsonWriter.Write(_writer, reading);
        EndLine();
    }

    public override void OnProblem(in DecodeProblem problem)
    {
        _writer.WriteStartObject();
        _writer.WriteString(ErrorKey, problem.Error.Name());
        _writer.WriteString(LayerKey, problem.Layer.Name());
        _writer.WriteNumber(OffsetKey, problem.Offset);
        _writer.WriteString(DetailKey, problem.Detail);
        _writer.WriteEndObject();
        EndLine();
    }

    public override void Flush()
    {
        _writer.Flush();
        _buffer.Flush();
        base.Flush();
    }

    private void EndLine()
    {
        _writer.Flush();
        _writer.Reset();
        _buffer.WriteByte((byte)'\n');
    }
}
