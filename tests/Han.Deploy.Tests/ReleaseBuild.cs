using System.Xml.Linq;
using Han.TestCorpus;

namespace Han.Deploy.Tests;

/// <summary>
/// deploy/release.sh run once for linux-x64 (the machine's own architecture, so its han can be run),
/// shared by every test of the "release" collection, and its .deb unpacked into a folder. The publish
/// is the slow part (a minute or two); dpkg-deb compresses with gzip here (DPKG_DEB_COMPRESSOR_TYPE,
/// dpkg-deb(1)) instead of xz, which costs another minute and changes nothing that is checked.
/// </summary>
public sealed class ReleaseBuild : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("han-test-release-").FullName;

    public ReleaseBuild()
    {
        Repository = Vectors.RepositoryRoot();
        Version = XDocument.Load(Path.Combine(Repository, "Directory.Build.props")).Descendants("Version").Single().Value;
        Commit = Tool.Run("git", ["-C", Repository, "rev-parse", "HEAD"]).Stdout.Trim();

        var output = Path.Combine(_folder, "release");
        var log = Path.Combine(_folder, "release.log");
        // Output to a file, not a pipe: build servers that dotnet leaves running keep a pipe open.
        var run = Tool.Run(
            "bash",
            ["-c", "\"$0\" --output \"$1\" linux-x64 >\"$2\" 2>&1", Path.Combine(Repository, "deploy", "release.sh"), output, log],
            new Dictionary<string, string> { ["DPKG_DEB_COMPRESSOR_TYPE"] = "gzip" },
            timeoutSeconds: 900);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"deploy/release.sh failed ({run.ExitCode}):\n{File.ReadAllText(log)}");
        }

        Deb = Path.Combine(output, $"han_{Version}_amd64.deb");
        Root = Path.Combine(_folder, "root");
        var extract = Tool.Run("dpkg-deb", ["-x", Deb, Root]);
        if (extract.ExitCode != 0)
        {
            throw new InvalidOperationException($"dpkg-deb -x: {extract}");
        }
    }

    public string Repository { get; }

    /// <summary>&lt;Version&gt; of Directory.Build.props.</summary>
    public string Version { get; }

    /// <summary>The commit the package was built from (git rev-parse HEAD).</summary>
    public string Commit { get; }

    public string Deb { get; }

    /// <summary>The package's files, unpacked (dpkg-deb -x): what an install puts under /.</summary>
    public string Root { get; }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

[CollectionDefinition("release")]
public sealed class ReleaseGroup : ICollectionFixture<ReleaseBuild>;
