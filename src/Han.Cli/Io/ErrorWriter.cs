using System.Text;

namespace Han.Cli.Io;

/// <summary>
/// Standard error as every message reaches it: whole lines, with any argument that looks like key
/// material hidden (<see cref="SecretArguments"/>), whoever wrote the message (han, the command-line
/// parser, the runtime's exception text). A line that cannot be written is dropped: standard error is
/// the last place left to report anything, so a failure there has nowhere to go.
/// </summary>
internal sealed class ErrorWriter : TextWriter
{
    private readonly TextWriter _inner;
    private readonly SecretArguments _secrets;
    private readonly StringBuilder _line = new();

    public ErrorWriter(TextWriter inner, SecretArguments secrets)
    {
        _inner = inner;
        _secrets = secrets;
    }

    public override Encoding Encoding => _inner.Encoding;

    public override void Write(char value)
    {
        _line.Append(value);
        if (value == '\n')
        {
            Forward();
        }
    }

    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }

        _line.Append(value);
        if (value.Contains('\n', StringComparison.Ordinal))
        {
            Forward();
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value) => Write(value + "\n");

    public override void WriteLine() => Write('\n');

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync()
    {
        WriteLine();
        return Task.CompletedTask;
    }

    public override void Flush()
    {
        Forward();
        Attempt(_inner.Flush);
    }

    public override Task FlushAsync()
    {
        Flush();
        return Task.CompletedTask;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }

    /// <summary>Hands over everything collected (whole lines, or the rest on a flush), with secrets hidden.</summary>
    private void Forward()
    {
        if (_line.Length == 0)
        {
            return;
        }

        var text = _secrets.Redact(_line.ToString());
        _line.Clear();
        Attempt(() => _inner.Write(text));
    }

    private static void Attempt(Action write)
    {
        try
        {
            write();
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            // Standard error itself failed (closed, full): there is no channel left to tell the user.
        }
    }
}
