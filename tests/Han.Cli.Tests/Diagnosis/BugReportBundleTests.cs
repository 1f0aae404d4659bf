using Han.Cli.Diagnosis;
using Han.Cli.Io;

namespace Han.Cli.Tests.Diagnosis;

public sealed class BugReportBundleTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("han-test-").FullName;

    [Fact]
    public void Dispose_BeforeComplete_LeavesNoFileBehind()
    {
        var path = Path.Combine(_folder, "report.zip");
        using (var bundle = BugReportBundle.Start(new BundleTarget(path, NameIsOurs: false)))
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
        using (var bundle = BugReportBundle.Start(new BundleTarget(path, NameIsOurs: false)))
        {
            bundle.Decoded.Write("{\"meter_id\":\"1\"}\n"u8);
            bundle.Complete([0x7E], 1, "report", ["country NO"]);
        }

        Assert.Equal([path], Directory.GetFiles(_folder));
        Assert.True(BundlePath.IsBundle(path));
    }

    [Fact]
    public void Complete_DiskFullsUpPartWay_FailsNamingTheBundleAndLeavesNothingBehind()
    {
        var path = Path.Combine(_folder, "report.zip");
        var bundle = BugReportBundle.Start(new BundleTarget(path, NameIsOurs: false), temporary => new FillsUpAfter(new FileStream(temporary, FileMode.CreateNew), 300));
        bundle.Decoded.Write(System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 2000).Select(i => $"{{\"n\":{i}}}\n"))));

        var failure = Assert.Throws<OutputFailedException>(() => bundle.Complete(new byte[5000], 5000, "report", []));
        var disposing = Record.Exception(bundle.Dispose);

        Assert.Equal($"cannot write to the bug-report bundle {path}: no space left on the device; the rest was not written", failure.Message);
        Assert.Null(disposing);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void Complete_DefaultNameTakenWhileReading_TakesTheNextNameAndLeavesTheOtherFile()
    {
        var path = Path.Combine(_folder, "han-diagnose-20261201-120000.zip");
        using var bundle = BugReportBundle.Start(new BundleTarget(path, NameIsOurs: true));
        File.WriteAllText(path, "another run's bundle");

        bundle.Complete([0x7E], 1, "report", []);

        Assert.Equal(Path.Combine(_folder, "han-diagnose-20261201-120000-2.zip"), bundle.Path);
        Assert.Equal("another run's bundle", File.ReadAllText(path));
        Assert.True(BundlePath.IsBundle(bundle.Path));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A file on a disk that fills up: writes past a size fail as the system says it.</summary>
    private sealed class FillsUpAfter(Stream inner, long capacity) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => inner.CanSeek;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position
        {
            get => inner.Position;
            set => inner.Position = value;
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (inner.Length + count > capacity)
            {
                throw new IOException("No space left on device : '" + ((FileStream)inner).Name + "'");
            }

            inner.Write(buffer, offset, count);
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void SetLength(long value) => inner.SetLength(value);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
