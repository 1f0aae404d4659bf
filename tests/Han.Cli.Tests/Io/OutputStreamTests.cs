using Han.Cli.Io;

namespace Han.Cli.Tests.Io;

public sealed class OutputStreamTests
{
    [Theory]
    [InlineData("No space left on device", "cannot write to standard output: no space left on the device; the rest was not written")]
    [InlineData("Broken pipe", "cannot write to standard output: the program reading it has stopped (broken pipe); the rest was not written")]
    [InlineData("Input/output error", "cannot write to standard output: Input/output error")]
    public void Write_InnerStreamFails_ThrowsOutputFailedWithTheReasonInWords(string systemMessage, string expected)
    {
        using var output = new OutputStream(new FailingStream(new IOException(systemMessage)), "standard output");

        var failure = Assert.Throws<OutputFailedException>(() => output.Write([1, 2, 3]));

        Assert.Equal(expected, failure.Message);
    }

    [Fact]
    public void Write_BadDescriptorReportedAsAccessDenied_GivesTheSystemsWords()
    {
        // What the console stream throws for a descriptor opened for reading only.
        var denied = new UnauthorizedAccessException("Access to the path is denied.", new IOException("Bad file descriptor"));
        using var output = new OutputStream(new FailingStream(denied), "standard output");

        var failure = Assert.Throws<OutputFailedException>(() => output.Flush());

        Assert.Equal("cannot write to standard output: Bad file descriptor", failure.Message);
        Assert.IsNotAssignableFrom<IOException>(failure);
    }

    [Fact]
    public void Write_AfterTheFirstFailure_DoesNothing()
    {
        var inner = new FailingStream(new IOException("No space left on device"));
        using var output = new OutputStream(inner, "standard output");
        Assert.Throws<OutputFailedException>(() => output.Write([1]));

        output.Write([2]);
        output.Flush();

        Assert.Equal(1, inner.Attempts);
    }

    [Fact]
    public async Task WriteAsync_InnerStreamFails_ThrowsOutputFailed()
    {
        await using var output = new OutputStream(new FailingStream(new IOException("No space left on device")), "the bug-report bundle x.zip");

        var failure = await Assert.ThrowsAsync<OutputFailedException>(async () => await output.WriteAsync(new byte[] { 1 }));

        Assert.StartsWith("cannot write to the bug-report bundle x.zip: ", failure.Message, StringComparison.Ordinal);
    }

    private sealed class FailingStream(Exception failure) : MemoryStream
    {
        public int Attempts { get; private set; }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Attempts++;
            throw failure;
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Attempts++;
            return ValueTask.FromException(failure);
        }

        public override void Flush()
        {
            Attempts++;
            throw failure;
        }
    }
}
