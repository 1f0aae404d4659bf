using Han.Cli.Arguments;
using Han.Cli.Io;

namespace Han.Cli.Tests.Io;

public sealed class ErrorWriterTests
{
    [Fact]
    public void Write_SecretSplitOverSeveralWrites_IsHiddenOnceTheLineIsWhole()
    {
        var inner = new StringWriter();
        using var writer = new ErrorWriter(inner, new SecretArguments(["--kye", "DEADBEEF"]));

        writer.Write("Unrecognized argument 'DEAD");
        writer.Write("BEEF'");
        writer.WriteLine();

        Assert.Equal($"Unrecognized argument '{SecretArguments.Placeholder}'\n", inner.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Write_SecretSplitAcrossALineBreak_IsJudgedWhole()
    {
        var inner = new StringWriter();
        using var writer = new ErrorWriter(inner, new SecretArguments(["--key", "DEADBEEF"]));

        writer.Write("first line\nUnrecognized argument 'DEAD");
        writer.Write("BEEF'\n");

        Assert.Equal($"first line\nUnrecognized argument '{SecretArguments.Placeholder}'\n", inner.ToString());
    }

    [Fact]
    public void WriteLine_ControlCharactersInAFileName_AreEscaped()
    {
        var inner = new StringWriter();
        using var writer = new ErrorWriter(inner, new SecretArguments([]));

        writer.WriteLine("han decode: \u001B[2Jcapture.hex: Could not find file");

        Assert.Equal("han decode: \\x1B[2Jcapture.hex: Could not find file\n", inner.ToString());
    }

    [Fact]
    public void Flush_PartialLine_IsHandedOverRedacted()
    {
        var inner = new StringWriter();
        using var writer = new ErrorWriter(inner, new SecretArguments(["--key", "DEADBEEF"]));

        writer.Write("no newline DEADBEEF");
        Assert.Equal(string.Empty, inner.ToString());
        writer.Flush();

        Assert.Equal($"no newline {SecretArguments.Placeholder}", inner.ToString());
    }

    [Fact]
    public void WriteLine_StandardErrorFails_IsDroppedWithoutThrowing()
    {
        using var writer = new ErrorWriter(new FailingWriter(), new SecretArguments([]));

        var thrown = Record.Exception(() =>
        {
            writer.WriteLine("a message nobody can read");
            writer.Flush();
        });

        Assert.Null(thrown);
    }

    private sealed class FailingWriter : StringWriter
    {
        public override void Write(string? value) => throw new IOException("No space left on device");

        public override void Flush() => throw new IOException("No space left on device");
    }
}
