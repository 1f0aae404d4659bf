using System.IO.Compression;
using Han.Cli.Diagnosis;

namespace Han.Cli.Tests.Diagnosis;

public sealed class BundlePathTests : IDisposable
{
    private const string DefaultName = "han-diagnose-20261201-120000.zip";
    private readonly string _folder = Directory.CreateTempSubdirectory("han-test-").FullName;

    [Fact]
    public void TryResolve_ExistingFileThatIsNotABundle_IsRefusedAndSaysWhy()
    {
        var capture = Path.Combine(_folder, "capture.hex");
        File.WriteAllText(capture, "7E A0 ...");

        Assert.False(BundlePath.TryResolve(capture, DefaultName, out _, out var problem));

        Assert.Contains("exists and is not a bundle han wrote", problem, StringComparison.Ordinal);
        Assert.Contains("--no-bundle", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryResolve_AZipThatHanDidNotWrite_IsRefused()
    {
        var other = Path.Combine(_folder, "photos.zip");
        using (var zip = ZipFile.Open(other, ZipArchiveMode.Create))
        {
            zip.CreateEntry("holiday.jpg");
        }

        Assert.False(BundlePath.TryResolve(other, DefaultName, out _, out _));
    }

    [Fact]
    public void TryResolve_AnEarlierBundle_MayBeReplaced()
    {
        var earlier = Path.Combine(_folder, "report.zip");
        using (var zip = ZipFile.Open(earlier, ZipArchiveMode.Create))
        {
            using (var versions = new StreamWriter(zip.CreateEntry(BugReportBundle.VersionsEntry).Open()))
            {
                versions.Write("han 0.1.0\n");
            }

            zip.CreateEntry(BugReportBundle.DiagnosisEntry);
        }

        Assert.True(BundlePath.TryResolve(earlier, DefaultName, out var target, out _));
        Assert.Equal(new BundleTarget(earlier, NameIsOurs: false), target);
    }

    [Fact]
    public void TryResolve_MissingFolder_IsRefusedNamingTheFolder()
    {
        var missing = Path.Combine(_folder, "nope");

        Assert.False(BundlePath.TryResolve(Path.Combine(missing, "x.zip"), DefaultName, out _, out var problem));

        Assert.Contains($"the folder {missing} does not exist", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryResolve_AFolder_GivesTheDefaultNameInsideIt()
    {
        Assert.True(BundlePath.TryResolve(_folder, DefaultName, out var target, out _));

        Assert.Equal(new BundleTarget(Path.Combine(_folder, DefaultName), NameIsOurs: true), target);
    }

    [Fact]
    public void TryResolve_DefaultNameTaken_PicksTheNextFreeOneAndLeavesTheEarlierBundle()
    {
        File.WriteAllText(Path.Combine(_folder, DefaultName), "an earlier bundle");
        File.WriteAllText(Path.Combine(_folder, "han-diagnose-20261201-120000-2.zip"), "another");

        Assert.True(BundlePath.TryResolve(_folder, DefaultName, out var target, out _));

        Assert.Equal(Path.Combine(_folder, "han-diagnose-20261201-120000-3.zip"), target.Path);
    }

    [Theory]
    [InlineData("", "an empty path")]
    [InlineData("-", "a bundle is a zip file and is not written to standard output")]
    public void TryResolve_ValueThatCannotNameABundle_IsRefused(string requested, string expected)
    {
        Assert.False(BundlePath.TryResolve(requested, DefaultName, out _, out var problem));

        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryResolve_PathInsideAFile_SaysTheFileIsNotAFolder()
    {
        var capture = Path.Combine(_folder, "capture.hex");
        File.WriteAllText(capture, "7E");

        Assert.False(BundlePath.TryResolve(Path.Combine(capture, "report.zip"), DefaultName, out _, out var problem));

        Assert.Contains($"{capture} is a file, not a folder", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IsBundle_NamedPipe_IsNotABundleAndIsNotOpened()
    {
        // Opening a pipe with no writer would wait for ever; a bundle check must not.
        var pipe = Path.Combine(_folder, "pipe");
        var result = await Shell.Run($"mkfifo '{pipe}'", _folder);
        Assert.Equal(0, result.ExitCode);

        var isBundle = Task.Run(() => BundlePath.IsBundle(pipe));

        Assert.Same(isBundle, await Task.WhenAny(isBundle, Task.Delay(TimeSpan.FromSeconds(10))));
        Assert.False(await isBundle);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
