using System.Buffers;
using System.Text;
using System.Text.Json;
using Han.Readings.Json;

namespace Han.Cli.Export;

/// <summary>One JSON object per line, as <c>--format json</c> prints everywhere in han; one buffer for every line.</summary>
internal sealed class JsonLine(TextWriter output)
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);

    public void Write(Action<Utf8JsonWriter> write)
    {
        _buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_buffer, ReadingJsonWriter.Options))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        output.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
        output.Write('\n');
    }
}
