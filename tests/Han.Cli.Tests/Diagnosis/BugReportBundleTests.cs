using Han.Cli.Diagnosis;

namespace Han.Cli.Tests.Diagnosis;

public sealed class BugReportBundleTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("han-test-").FullName;

    [Fact]
    public void Dispose_BeforeComplete_LeavesNoFileBehind()
    {
        var path = Path.Combine(_folder, "report.zip");
        using (var bundle = BugReportBundle.Start(path))
        {
            bundle.Decoded.Write("{\"meter_id\":\"1\"}\n"u8);
            Assert.Single(Directory.GetFiles(_folder)); // the temporary file, not the bundle
            Assert.False(File.Exists(path));
        }

        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void Complete_PutsTheBundleInPlaceUnderItsName()
    {
        var path = Path.Combine(_folder, "report.zip");
        using (var bundle = BugReportBundle.Start(path))
        {
            bundle.Decoded.Write("{\"meter_id\":\"1\"}\n"u8);
            bundle.Complete([0x7E], 1, "report", ["country NO"]);
        }

        Assert.Equal([path], Directory.GetFiles(_folder));
        Assert.True(BundlePath.IsBundle(path));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
