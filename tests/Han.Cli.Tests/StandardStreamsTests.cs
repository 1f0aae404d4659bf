using System.Text;
using Han.Cli.Io;
using Han.TestCorpus;

namespace Han.Cli.Tests;

/// <summary>What the commands do when standard input or output is missing, a terminal, or fails (issue 7, points 4 and 5); the real process is checked in <see cref="HostileEnvironmentTests"/>.</summary>
public sealed class StandardStreamsTests
{
    [Theory]
    [InlineData("decode")]
    [InlineData("diagnose", "--no-bundle")]
    public async Task Command_StandardInputClosed_SaysSoInsteadOfWaiting(params string[] args)
    {
        var (exitCode, stdout, stderr) = await Run(new byte[] { 0x7E }, InputState.Closed, args);

        Assert.Equal(1, exitCode);
        Assert.Empty(stdout);
        Assert.Equal($"han {args[0]}: -: standard input is closed (han was started without one); name a capture file, or pipe one in\n", stderr);
    }

    [Fact]
    public async Task Decode_StandardInputClosedButAFileNamed_DecodesTheFile()
    {
        var path = HanRunner.TempFile(RealFrames.KamstrupList2);

        var (exitCode, stdout, _) = await Run([], InputState.Closed, "decode", "--format", "json", path);

        Assert.Equal(0, exitCode);
        Assert.Contains("\"meter_id\":\"5706567277656672\"", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("decode")]
    [InlineData("diagnose")]
    public async Task Command_NothingNamedAndStandardInputATerminal_SaysHowToGiveInput(string command)
    {
        var (exitCode, _, stderr) = await Run([], InputState.Terminal, command);

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"han {command}: no input: name a capture file, or pipe one in", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decode_DashWithStandardInputATerminal_ReadsIt()
    {
        var typed = Encoding.ASCII.GetBytes(Convert.ToHexString(RealFrames.KamstrupList2));

        var (exitCode, stdout, _) = await Run(typed, InputState.Terminal, "decode", "--format", "json", "-");

        Assert.Equal(0, exitCode);
        Assert.Contains("\"meter_id\":\"5706567277656672\"", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_StandardOutputClosed_RefusesWithOneLineAndWritesNothing()
    {
        var stdout = new MemoryStream();
        var stderr = new StringWriter();
        var streams = new StandardStreams(() => new MemoryStream(RealFrames.KamstrupList2), stdout, stderr, InputState.Redirected, outputClosed: true);

        var exitCode = await Program.Run(["decode", "-"], streams, TimeProvider.System);

        Assert.Equal(1, exitCode);
        Assert.Equal(0, stdout.Length);
        Assert.Equal("han: standard output is closed (han was started without one), so nothing could be shown; redirect it to a file or to /dev/null instead\n", stderr.ToString());
    }

    [Theory]
    [InlineData("decode", "--format", "json", "-")]
    [InlineData("decode", "--format", "hex", "-")]
    [InlineData("diagnose", "--no-bundle", "-")]
    [InlineData("decode", "--help")]
    public async Task Command_StandardOutputFull_EndsWithOneLineThatBlamesTheOutput(params string[] args)
    {
        var stderr = new StringWriter();
        var streams = new StandardStreams(() => new MemoryStream(RealFrames.KamstrupList2), new FullDevice(), stderr);

        var exitCode = await Program.Run(args, streams, TimeProvider.System);

        Assert.Equal(1, exitCode);
        Assert.Equal($"han {args[0]}: cannot write to standard output: no space left on the device; the rest was not written\n", stderr.ToString());
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> Run(byte[] stdin, InputState input, params string[] args)
    {
        var stdout = new MemoryStream();
        var stderr = new StringWriter();
        var exitCode = await Program.Run(args, new StandardStreams(() => new MemoryStream(stdin), stdout, stderr, input), TimeProvider.System);
        return (exitCode, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString().ReplaceLineEndings("\n"));
    }

    /// <summary>Like /dev/full: every write fails for lack of space.</summary>
    private sealed class FullDevice : MemoryStream
    {
        public override void Write(ReadOnlySpan<byte> buffer) => throw new IOException("No space left on device");

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromException(new IOException("No space left on device"));

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromException(new IOException("No space left on device"));
    }
}
