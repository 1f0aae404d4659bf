using System.Text.RegularExpressions;
using Han.TestCorpus;

namespace Han.Cli.Tests;

/// <summary>
/// Every command that writes output, run as a real process where the system is against it (issue 7
/// acceptance): standard input or output closed, output to /dev/full, a reader that goes away
/// (SIGPIPE), a working folder it may not write to. Each ends with one line on standard error, no
/// stack trace, and a non-zero exit code exactly when something was not done.
/// </summary>
public sealed partial class HostileEnvironmentTests : IDisposable
{
    /// <summary>Command lines that decode or diagnose the capture in <c>$CAPTURE</c> and print.</summary>
    public static TheoryData<string> Commands() =>
    [
        "decode \"$CAPTURE\"",
        "decode --format json \"$CAPTURE\"",
        "decode --format hex \"$CAPTURE\"",
        "decode --format tree \"$CAPTURE\"",
        "decode --format fields \"$CAPTURE\"",
        "diagnose --no-bundle \"$CAPTURE\"",
        "diagnose --bundle \"$FOLDER/report.zip\" \"$CAPTURE\"",
    ];

    private readonly string _folder = Directory.CreateTempSubdirectory("han-test-").FullName;
    private readonly string _capture;

    public HostileEnvironmentTests()
    {
        // Enough lists that every view writes far more than a pipe holds (64 KiB).
        _capture = Path.Combine(_folder, "capture.bin");
        File.WriteAllBytes(_capture, [.. Enumerable.Repeat(RealFrames.KamstrupList2, 2000).SelectMany(frame => frame)]);
        // Readable (and the folder writable) for the unprivileged user of the read-only-folder test.
        File.SetUnixFileMode(_folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Command_StandardInputClosedButAFileNamed_DoesItsWork(string command)
    {
        var result = await Run($"\"$HAN\" {command} <&- > \"$FOLDER/out\"");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Stderr);
        Assert.True(new FileInfo(Path.Combine(_folder, "out")).Length > 0);
    }

    [Theory]
    [InlineData("decode")]
    [InlineData("decode -")]
    [InlineData("decode --format json -")]
    [InlineData("diagnose --no-bundle")]
    [InlineData("diagnose --bundle \"$FOLDER/report.zip\" -")]
    public async Task Command_ReadingStandardInputThatIsClosed_SaysSoInsteadOfWaiting(string command)
    {
        var result = await Run($"\"$HAN\" {command} <&-");

        AssertOneLine(result, "standard input is closed");
        Assert.Empty(result.Stdout);
        Assert.False(File.Exists(Path.Combine(_folder, "report.zip")));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Command_StandardOutputClosed_SaysSo(string command)
    {
        var result = await Run($"\"$HAN\" {command} >&-");

        AssertOneLine(result, "standard output is closed");
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Command_StandardOutputFull_SaysSo(string command)
    {
        var result = await Run($"\"$HAN\" {command} > /dev/full");

        AssertOneLine(result, "cannot write to standard output: no space left on the device");
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Command_ReaderOfStandardOutputGoesAway_SaysSoAndStops(string command)
    {
        // `true` ends without reading: han's first write meets a pipe with no reader (SIGPIPE / EPIPE).
        var result = await Run($"\"$HAN\" {command} | true; exit ${{PIPESTATUS[0]}}");

        AssertOneLine(result, "cannot write to standard output: the program reading it has stopped (broken pipe)");
    }

    [Theory]
    [InlineData("decode \"$CAPTURE\"")]
    [InlineData("decode --format json \"$CAPTURE\"")]
    [InlineData("diagnose --no-bundle \"$CAPTURE\"")]
    public async Task Command_WritingNothingButStandardOutputInAReadOnlyFolder_DoesItsWork(string command)
    {
        var result = await RunInReadOnlyFolder($"{Unprivileged()}\"$HAN\" {command} > /dev/null");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public async Task Diagnose_DefaultBundleInAReadOnlyFolder_SaysSoBeforeReadingAndWritesNothing()
    {
        var result = await RunInReadOnlyFolder($"{Unprivileged()}\"$HAN\" diagnose \"$CAPTURE\"");

        AssertOneLine(result, "cannot write to the bug-report bundle in ");
        Assert.Contains("give --bundle PATH in a folder you can write to, or --no-bundle", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(_folder, "read-only")));
    }

    [Theory]
    [InlineData("INT", 130, "stopped by Ctrl-C (SIGINT)")]
    [InlineData("TERM", 143, "stopped by SIGTERM")]
    public async Task Diagnose_StoppedBySignalWhileWaitingForInput_StopsAndLeavesNoHalfBundle(string signal, int exitCode, string expected)
    {
        // Standard input is a pipe that stays open and silent (a live line); han is stopped once its
        // bundle's temporary file exists. A shell's background job ignores SIGINT: perl restores it.
        var result = await Run(
            "exec 3< <(exec sleep 60 2>/dev/null); feeder=$!; "
            + "perl -e '$SIG{INT}=\"DEFAULT\"; exec @ARGV' \"$HAN\" diagnose --bundle \"$FOLDER/report.zip\" - <&3 & han=$!; exec 3<&-; "
            + "for i in $(seq 200); do compgen -G \"$FOLDER/.report.zip.*.tmp\" > /dev/null && break; sleep 0.05; done; "
            + $"kill -{signal} $han; wait $han; code=$?; kill $feeder; exit $code");

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal($"han diagnose: {expected}; what was not finished was not written", result.Stderr.Trim());
        Assert.Equal(["capture.bin"], Directory.GetFileSystemEntries(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Decode_StoppedByCtrlCWhileDecodingAFile_ExitsAtOnceWithOneLine()
    {
        var big = Path.Combine(_folder, "big.bin");
        File.WriteAllBytes(big, [.. Enumerable.Repeat(File.ReadAllBytes(_capture), 100).SelectMany(bytes => bytes)]);

        var result = await Run(
            $"perl -e '$SIG{{INT}}=\"DEFAULT\"; exec @ARGV' \"$HAN\" decode --format json '{big}' > /dev/null & han=$!; "
            + "sleep 0.5; kill -INT $han; wait $han");

        Assert.Equal(130, result.ExitCode);
        Assert.Equal("han decode: stopped by Ctrl-C (SIGINT); what was not finished was not written", result.Stderr.Trim());
    }

    [Fact]
    public async Task Decode_NamedPipeThatStaysSilent_StopsAtOnceOnCtrlC()
    {
        // A named pipe (or /dev/ttyUSB0) waits for bytes as standard input does; one Ctrl-C must do.
        var result = await Run(
            "mkfifo \"$FOLDER/line\"; exec 3<> \"$FOLDER/line\"; "
            + "perl -e '$SIG{INT}=\"DEFAULT\"; exec @ARGV' \"$HAN\" decode \"$FOLDER/line\" & han=$!; "
            + "sleep 1; kill -INT $han; wait $han");

        Assert.Equal(130, result.ExitCode);
        Assert.Equal("han decode: stopped by Ctrl-C (SIGINT); what was not finished was not written", result.Stderr.Trim());
    }

    [Fact]
    public async Task Diagnose_StandardOutputFull_StillWritesTheBundleAndSaysWhere()
    {
        var result = await Run("\"$HAN\" diagnose --bundle \"$FOLDER/report.zip\" \"$CAPTURE\" > /dev/full");

        AssertOneLine(result, "cannot write to standard output: no space left on the device");
        Assert.Contains($"the report is in the bug-report bundle {Path.Combine(_folder, "report.zip")}", result.Stderr, StringComparison.Ordinal);
        Assert.True(Han.Cli.Diagnosis.BundlePath.IsBundle(Path.Combine(_folder, "report.zip")));
    }

    [Theory]
    [InlineData("decode \"\"", "han decode: : an empty file name was given")]
    [InlineData("diagnose --no-bundle \"\"", "han diagnose: an empty source; use a serial device")]
    [InlineData("diagnose --bundle \"\" \"$CAPTURE\"", "han diagnose: --bundle : an empty path")]
    [InlineData("decode \"$FOLDER\"", "this is a folder, not a capture file")]
    [InlineData("diagnose --bundle \"$CAPTURE/report.zip\" \"$CAPTURE\"", "is a file, not a folder")]
    public async Task Command_NameThatCannotBeUsed_SaysWhyInOneLine(string command, string expected)
    {
        var result = await Run($"\"$HAN\" {command}");

        AssertOneLine(result, expected);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Exactly one line on standard error holding <paramref name="expected"/>, no stack trace, exit code 1.</summary>
    private static void AssertOneLine(ShellResult result, string expected)
    {
        Assert.Equal(1, result.ExitCode);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"expected one line on standard error, got:\n{result.Stderr}");
        Assert.Contains(expected, lines[0], StringComparison.Ordinal);
        Assert.DoesNotMatch(StackFrame(), result.Stderr);
        Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>As root, the command runs as nobody, since root may write anywhere.</summary>
    private static string Unprivileged() => Shell.IsRoot ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : string.Empty;

    [GeneratedRegex(@"^\s+at \S+", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    private Task<ShellResult> Run(string commandLine) =>
        Shell.Run($"export CAPTURE='{_capture}' FOLDER='{_folder}'; {commandLine}", _folder);

    private Task<ShellResult> RunInReadOnlyFolder(string commandLine)
    {
        var readOnly = Directory.CreateDirectory(Path.Combine(_folder, "read-only")).FullName;
        var mode = UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(readOnly, Shell.IsRoot ? mode | UnixFileMode.UserWrite : mode);
        return Shell.Run($"export CAPTURE='{_capture}' FOLDER='{_folder}'; {commandLine}", readOnly);
    }
}
