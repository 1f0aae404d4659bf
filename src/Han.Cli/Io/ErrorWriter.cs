using System.Text;
using Han.Cli.Arguments;
using Han.Protocol;

namespace Han.Cli.Io;

/// <summary>
/// Standard error as every message reaches it: whole lines, with any argument that looks like key
/// material hidden (<see cref="SecretArguments"/>) and control characters escaped (a file name can hold
/// any), whoever wrote the message (han or the command-line parser; <c>Program</c> catches every
/// exception, so the runtime never prints one past this writer). A line that cannot be written is
/// dropped: standard error is the last place left to report anything, so a failure there has nowhere
/// to go.
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
            ForwardLines();
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
            ForwardLines();
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

    /// <summary>Hands over the whole lines collected; an unfinished line waits, so that no secret is judged in halves.</summary>
    private void ForwardLines()
    {
        var collected = _line.ToString();
        var end = collected.LastIndexOf('\n') + 1;
        _line.Remove(0, end);
        foreach (var line in collected[..end].Split('\n')[..^1])
        {
            Pass(line + "\n");
        }
    }

    /// <summary>Hands over everything collected, the unfinished line too (on a flush).</summary>
    private void Forward()
    {
        ForwardLines();
        if (_line.Length > 0)
        {
            var rest = _line.ToString();
            _line.Clear();
            Pass(rest);
        }
    }

    private void Pass(string text)
    {
        var newline = text.EndsWith('\n');
        var shown = PrintableText.Escape(_secrets.Redact(newline ? text[..^1] : text)) + (newline ? "\n" : string.Empty);
        Attempt(() => _inner.Write(shown));
    }

    private static void Attempt(Action write)
    {
        try
        {
            write();
        }
        catch (Exception failure) when (IoFailure.Is(failure))
        {
            // Standard error itself failed (closed, full): there is no channel left to tell the user.
        }
    }
}
