using System.Buffers;
using System.Text.Json;
using Han.Live;
using Han.Live.Fanout;
using Han.Readings.Json;

namespace Han.Cli.Service.Sinks;

/// <summary>
/// <c>outputs.json_lines</c>: every live reading as one JSON line (the reading schema with <c>meter</c>,
/// <c>received</c> and the energy estimates), appended. Lines go to the system when the queue runs
/// empty. A file whose last line was cut (a full disk, a crash) gets a line end before the next line,
/// so one damaged line never spoils the one after it.
/// </summary>
internal sealed class JsonLinesSink : IMeterSink
{
    private readonly string _path;
    private readonly string _meter;
    private readonly ArrayBufferWriter<byte> _line = new(1024);
    private readonly Utf8JsonWriter _writer;
    private readonly LiveReadingJsonWriter _json = new();
    private FileStream? _file;

    public JsonLinesSink(string path, string meter)
    {
        _path = path;
        _meter = meter;
        _writer = new Utf8JsonWriter(_line, ReadingJsonWriter.Options); // one for every line: reset, not remade
    }

    public string Name => $"json_lines {_path}";

    public bool Accepts(MeterEvent item) => item is ReadingMade;

    public async ValueTask WriteAsync(MeterEvent item, CancellationToken cancellationToken)
    {
        _line.ResetWrittenCount();
        _writer.Reset(_line);
        _json.Write(_writer, _meter, ((ReadingMade)item).Reading);
        _writer.Flush();

        _line.GetSpan(1)[0] = (byte)'\n';
        _line.Advance(1);
        try
        {
            _file ??= Open();
            await _file.WriteAsync(_line.WrittenMemory, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            await CloseAsync().ConfigureAwait(false);
            throw new IOException($"cannot write: {problem.Message}", problem);
        }
    }

    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_file is not null)
            {
                await _file.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            await CloseAsync().ConfigureAwait(false);
            throw new IOException($"cannot write: {problem.Message}", problem);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        await CloseAsync().ConfigureAwait(false);
    }

    private FileStream Open()
    {
        var file = new FileStream(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 16 * 1024);
        try
        {
            if (file.Length > 0)
            {
                file.Seek(-1, SeekOrigin.End);
                var cut = file.ReadByte() != '\n';
                file.Seek(0, SeekOrigin.End);
                if (cut)
                {
                    file.WriteByte((byte)'\n');
                }
            }

            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private async ValueTask CloseAsync()
    {
        var file = _file;
        _file = null;
        if (file is null)
        {
            return;
        }

        try
        {
            await file.DisposeAsync().ConfigureAwait(false);
        }
        catch (IOException)
        {
            // What it still held could not be written either; the failure was reported already.
        }
    }
}
