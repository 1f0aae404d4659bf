using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Han.Cli.Diagnosis;
using Han.TestCorpus;

namespace Han.Cli.Tests;

/// <summary>The bug-report bundle never costs the user a file, and stays small and constant in memory for a large capture (issue 7, points 2 and 3).</summary>
public sealed class DiagnoseBundleTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("han-test-").FullName;

    [Fact]
    public async Task Diagnose_BundleValueForgotten_RefusesAndLeavesTheCaptureAsItWas()
    {
        // "han diagnose --bundle capture.hex < capture.hex": the capture became the bundle path.
        var capture = File.ReadAllBytes(Path.Combine(Vectors.RepositoryRoot(), "samples", "kamstrup-no-list2.hex"));
        var path = Path.Combine(_folder, "capture.hex");
        File.WriteAllBytes(path, capture);

        var result = await HanRunner.Run(capture, "diagnose", "--bundle", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(capture, File.ReadAllBytes(path));
        Assert.Empty(result.Stdout);
        Assert.Equal($"han diagnose: --bundle {path}: that file exists and is not a bundle han wrote, so han will not overwrite it.", result.Stderr.Split(" Give ")[0]);
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task Diagnose_BundleInAMissingFolder_IsRefusedBeforeAnythingIsRead()
    {
        var bundle = Path.Combine(_folder, "missing", "report.zip");

        var result = await HanRunner.Run(RealFrames.KamstrupList2, "diagnose", "--bundle", bundle, "-");

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains("does not exist; create it, or give another path, or --no-bundle", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_BundlePathIsAFolder_WritesTheBundleInsideItUnderTheDefaultName()
    {
        var result = await HanRunner.Run(RealFrames.KamstrupList2, "diagnose", "--bundle", _folder, "-");

        Assert.Equal(0, result.ExitCode);
        var bundle = Assert.Single(Directory.GetFiles(_folder));
        Assert.Matches(@"^han-diagnose-\d{8}-\d{6}\.zip$", Path.GetFileName(bundle));
        Assert.Contains($"Bug-report bundle: {bundle} ", result.Stdout, StringComparison.Ordinal);
        Assert.True(BundlePath.IsBundle(bundle));
    }

    [Fact]
    public async Task Diagnose_BundleOverAnEarlierBundle_ReplacesIt()
    {
        var bundle = Path.Combine(_folder, "report.zip");
        await HanRunner.Run(RealFrames.KamstrupList2, "diagnose", "--bundle", bundle, "-");

        var result = await HanRunner.Run(RealFrames.AidonList3, "diagnose", "--bundle", bundle, "-");

        Assert.Equal(0, result.ExitCode);
        using var zip = ZipFile.OpenRead(bundle);
        Assert.Equal(RealFrames.AidonList3, Read(zip, BugReportBundle.CaptureEntry));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task Diagnose_InputThatCannotBeOpened_LeavesNoBundleAndNoTemporaryFile()
    {
        var bundle = Path.Combine(_folder, "report.zip");

        var result = await HanRunner.Run("diagnose", "--bundle", bundle, Path.Combine(_folder, "no-such-capture.bin"));

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public async Task Diagnose_CaptureWhoseOutputExceedsTheCap_KeepsWholeLinesAndSaysWhatWasLeftOut()
    {
        // 60,000 Kamstrup lists: 14 MB of capture, more than 16 MiB of JSON lines (about 370 bytes each).
        var frame = RealFrames.KamstrupList2;
        var frames = 60_000;
        var capture = new byte[frame.Length * frames];
        for (var i = 0; i < frames; i++)
        {
            frame.CopyTo(capture, i * frame.Length);
        }

        var bundle = Path.Combine(_folder, "report.zip");

        var result = await HanRunner.Run(capture, "diagnose", "--bundle", bundle, "-");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("the decoded output (its first 16 MiB)", result.Stdout, StringComparison.Ordinal);
        using var zip = ZipFile.OpenRead(bundle);
        var decoded = Read(zip, BugReportBundle.DecodedEntry);
        Assert.InRange(decoded.Length, BugReportBundle.MaxDecodedBytes - 2048, BugReportBundle.MaxDecodedBytes);
        Assert.Equal((byte)'\n', decoded[^1]);
        var lines = Encoding.UTF8.GetString(decoded).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.Equal("5706567277656672", JsonDocument.Parse(line).RootElement.GetProperty("meter_id").GetString()));
        var versions = Encoding.UTF8.GetString(Read(zip, BugReportBundle.VersionsEntry));
        Assert.Contains($"{BugReportBundle.DecodedEntry}: the first {decoded.Length} bytes of the decoded output; {frames - lines.Length} more lines were left out", versions, StringComparison.Ordinal);
        Assert.Contains($"{BugReportBundle.CaptureEntry}: the first 4194304 of {capture.Length} bytes of the input", versions, StringComparison.Ordinal);
        Assert.Equal(capture.AsSpan(0, 4 * 1024 * 1024).ToArray(), Read(zip, BugReportBundle.CaptureEntry));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static byte[] Read(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
