using System.Text.Json;
using Han.TestCorpus;
using Han.TestCorpus.Servers;

namespace Han.Deploy.Tests;

/// <summary>The .deb that deploy/release.sh makes: its control fields, its files, and the han in it.</summary>
[Collection("release")]
public sealed class PackageTests(ReleaseBuild release)
{
    [Fact]
    public void Deb_ControlFields_NameTheReleaseVersionArchitectureAndCommit()
    {
        var fields = Fields(Tool.Run("dpkg-deb", ["-f", release.Deb]).Stdout);

        Assert.Equal("han", fields["Package"]);
        Assert.Equal(release.Version, fields["Version"]);
        Assert.Equal("amd64", fields["Architecture"]);
        Assert.Contains("adduser", fields["Depends"], StringComparison.Ordinal);
        Assert.Contains($"Built from commit {release.Commit}.", fields["Description"], StringComparison.Ordinal);
        // KiB: the trimmed runtime and han are about 18 MB; han without its runtime would be under 2 MB.
        Assert.InRange(int.Parse(fields["Installed-Size"], System.Globalization.CultureInfo.InvariantCulture), 10_000, 400_000);
    }

    [Fact]
    public void Deb_Contents_HoldTheProgramTheServiceTheConfigurationAndTheExamples()
    {
        var entries = Tool.Run("dpkg-deb", ["-c", release.Deb]).Stdout
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(columns => columns[5].Split(" -> ")[0], columns => (Mode: columns[0], Owner: columns[1], Name: columns[5]));

        Assert.All(entries.Values, entry => Assert.Equal("root/root", entry.Owner));
        Assert.Equal("-rwxr-xr-x", entries["./usr/lib/han/han"].Mode);
        Assert.Equal("-rw-r--r--", entries["./usr/lib/han/libSystem.IO.Ports.Native.so"].Mode);
        Assert.Equal("-rw-r--r--", entries["./usr/lib/han/libe_sqlite3.so"].Mode);
        Assert.Equal("./usr/bin/han -> ../lib/han/han", entries["./usr/bin/han"].Name);
        Assert.Equal("-rw-r--r--", entries["./lib/systemd/system/han.service"].Mode);
        Assert.Equal("-rw-r-----", entries["./etc/han/han.yaml"].Mode);
        Assert.Equal("drwxr-x---", entries["./var/lib/han/"].Mode);
        foreach (var file in new[] { "README.md", "copyright", "examples/99-han-serial.rules", "examples/ser2net.yaml", "examples/ser2net.conf" })
        {
            Assert.Contains("./usr/share/doc/han/" + file, entries.Keys);
        }

        // An example, not an active rule: it would also name other adapters with the same chip.
        Assert.DoesNotContain(entries.Keys, name => name.Contains("rules.d", StringComparison.Ordinal));
    }

    [Fact]
    public void Deb_ConfigurationAndUnit_AreTheRepositorysFilesAndTheConfigurationIsAConffile()
    {
        var conffiles = Tool.Run("dpkg-deb", ["--info", release.Deb, "conffiles"]);

        Assert.Equal("/etc/han/han.yaml\n", conffiles.Stdout);
        Assert.Equal(File.ReadAllBytes(Path.Combine(release.Repository, "deploy", "han.yaml")), File.ReadAllBytes(Path.Combine(release.Root, "etc", "han", "han.yaml")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(release.Repository, "deploy", "han.service")), File.ReadAllBytes(Path.Combine(release.Root, "lib", "systemd", "system", "han.service")));
    }

    [Fact]
    public void PackagedHan_Version_IsTheReleaseVersionAndCommit()
    {
        var version = Tool.Run(Path.Combine(release.Root, "usr", "bin", "han"), ["--version"]);

        Assert.Equal(0, version.ExitCode);
        Assert.Equal($"{release.Version}+{release.Commit}", version.Stdout.Trim());
    }

    [Fact]
    public void PackagedHan_CheckOfThePackagedConfiguration_UnderstandsIt()
    {
        // What the README tells a user to run after editing /etc/han/han.yaml; the outputs moved to a
        // folder that exists here (the package's /var/lib/han is not installed on this machine).
        var outputs = Directory.CreateTempSubdirectory("han-test-outputs-").FullName;
        try
        {
            var check = Tool.Run(
                Path.Combine(release.Root, "usr", "bin", "han"),
                ["run", "--check", "--config", Path.Combine(release.Root, "etc", "han", "han.yaml")],
                new Dictionary<string, string> { ["HAN_OUTPUTS__CAPTURE"] = outputs + "/{meter}.han", ["HAN_OUTPUTS__JSON_LINES"] = outputs + "/{meter}.jsonl" });

            Assert.True(check.ExitCode == 0, check.ToString());
            Assert.Contains("han.yaml: valid; 1 meter", check.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(outputs, recursive: true);
        }
    }

    [Fact]
    public async Task PackagedHan_SerialDevice_ReadsTheMeter()
    {
        // Through /usr/bin/han, the link: System.IO.Ports' native part is found beside the real file.
        using var pair = new PseudoTerminalPair();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var meter = Task.Run(
            async () =>
            {
                // Ends only by the cancellation's exception, whether it comes during the wait or before the next frame.
                while (true)
                {
                    stop.Token.ThrowIfCancellationRequested();
                    pair.Send(RealFrames.KamstrupList2);
                    await Task.Delay(300, stop.Token);
                }
            },
            stop.Token);

        var listen = Tool.Run("timeout", ["-s", "INT", "5", Path.Combine(release.Root, "usr", "bin", "han"), "listen", "--format", "json", "--baud", "2400", "--parity", "none", pair.ReaderEnd]);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => meter);

        var readings = listen.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.NotEmpty(readings);
        Assert.All(readings, reading => Assert.Equal("5706567277656672", reading.GetProperty("meter_id").GetString()));
        Assert.DoesNotContain("internal error", listen.Stderr, StringComparison.Ordinal);
    }

    /// <summary>dpkg-deb -f output: "Name: value" lines, continuation lines starting with a space.</summary>
    private static Dictionary<string, string> Fields(string control)
    {
        var fields = new Dictionary<string, string>();
        string? last = null;
        foreach (var line in control.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith(' ') && last is not null)
            {
                fields[last] += "\n" + line.Trim();
            }
            else
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                last = line[..colon];
                fields[last] = line[(colon + 1)..].Trim();
            }
        }

        return fields;
    }
}
