using Han.TestCorpus;

namespace Han.Deploy.Tests;

/// <summary>
/// deploy/debian/postinst and postrm, run by /bin/sh (dash on Debian, as dpkg runs them) with the
/// commands that change the system (adduser, deluser, delgroup, dpkg-statoverride, getent, systemctl)
/// replaced by stubs that write down how they were called. Files go under $DPKG_ROOT, a temporary
/// folder. This machine runs no systemd, so the scripts' systemctl calls are left out, as on a chroot.
/// </summary>
public sealed class MaintainerScriptTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("han-test-scripts-").FullName;
    private readonly string _root;
    private readonly string _calls;

    public MaintainerScriptTests()
    {
        _root = Path.Combine(_folder, "root");
        _calls = Path.Combine(_folder, "calls");
        Directory.CreateDirectory(_root);
        Directory.CreateDirectory(Path.Combine(_folder, "bin"));
        File.WriteAllText(_calls, "");
    }

    [Fact]
    public void Postinst_FirstInstall_MakesTheSystemUserInDialoutAndStartsNothing()
    {
        Stub("getent", "exit 2"); // no user han yet
        Stub("dpkg-statoverride", "[ \"$1\" = --list ] && exit 1; exit 0"); // no override yet

        var run = Script("postinst", "configure", "");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            [
                "getent passwd han",
                "adduser --system --group --home /var/lib/han --no-create-home --quiet han",
                "adduser --quiet han dialout",
                "dpkg-statoverride --list /var/lib/han",
                "dpkg-statoverride --update --add han han 0750 /var/lib/han",
                "dpkg-statoverride --list /etc/han",
                "dpkg-statoverride --update --add root han 0750 /etc/han",
                "dpkg-statoverride --list /etc/han/han.yaml",
                "dpkg-statoverride --update --add root han 0640 /etc/han/han.yaml",
            ],
            Calls());
        Assert.Contains("sudo systemctl enable --now han", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Postinst_Upgrade_KeepsTheUserAndTheOverridesAndSaysNothing()
    {
        Stub("getent", "exit 0");
        Stub("dpkg-statoverride", "exit 0");

        var run = Script("postinst", "configure", "0.0.9");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["getent passwd han", "adduser --quiet han dialout", "dpkg-statoverride --list /var/lib/han", "dpkg-statoverride --list /etc/han", "dpkg-statoverride --list /etc/han/han.yaml"], Calls());
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Postrm_Purge_RemovesStateConfigurationEnableLinkAndUser()
    {
        Stub("dpkg-statoverride", "exit 0");
        foreach (var file in new[] { "var/lib/han/house.han", "etc/han/house.key", "etc/systemd/system/multi-user.target.wants/han.service", "etc/systemd/system/han.service.d/override.conf" })
        {
            Put(file);
        }

        var run = Script("postrm", "purge");

        Assert.Equal(0, run.ExitCode);
        Assert.False(Directory.Exists(Path.Combine(_root, "var", "lib", "han")));
        Assert.False(Directory.Exists(Path.Combine(_root, "etc", "han")));
        Assert.False(Directory.Exists(Path.Combine(_root, "etc", "systemd", "system", "han.service.d")));
        Assert.False(File.Exists(Path.Combine(_root, "etc", "systemd", "system", "multi-user.target.wants", "han.service")));
        Assert.Equal(
            [
                "dpkg-statoverride --list /etc/han/han.yaml",
                "dpkg-statoverride --remove /etc/han/han.yaml",
                "dpkg-statoverride --list /etc/han",
                "dpkg-statoverride --remove /etc/han",
                "dpkg-statoverride --list /var/lib/han",
                "dpkg-statoverride --remove /var/lib/han",
                "deluser --quiet --system han",
                "delgroup --quiet --system han",
            ],
            Calls());
    }

    [Fact]
    public void Postrm_Remove_KeepsStateConfigurationAndUser()
    {
        Put("var/lib/han/house.han");
        Put("etc/han/house.key");

        var run = Script("postrm", "remove");

        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(_root, "var", "lib", "han", "house.han")));
        Assert.True(File.Exists(Path.Combine(_root, "etc", "han", "house.key")));
        Assert.Empty(Calls());
    }

    [Fact]
    public void Prerm_Upgrade_LeavesHanRunning()
    {
        var run = Script("prerm", "upgrade", "0.2.0");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(Calls());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Runs deploy/debian/SCRIPT under /bin/sh with the stubs first on PATH.</summary>
    private ToolResult Script(string script, params string[] arguments)
    {
        foreach (var command in new[] { "adduser", "deluser", "delgroup", "systemctl", "getent", "dpkg-statoverride" })
        {
            if (!File.Exists(Path.Combine(_folder, "bin", command)))
            {
                Stub(command, "exit 0");
            }
        }

        var path = Path.Combine(Vectors.RepositoryRoot(), "deploy", "debian", script);
        return Tool.Run("/bin/sh", [path, .. arguments], new Dictionary<string, string>
        {
            ["PATH"] = Path.Combine(_folder, "bin") + ":/usr/bin:/bin",
            ["DPKG_ROOT"] = _root,
            ["HAN_TEST_CALLS"] = _calls,
        });
    }

    /// <summary>A command that writes "name arguments" to the calls file, then runs <paramref name="then"/> (its exit).</summary>
    private void Stub(string command, string then)
    {
        var path = Path.Combine(_folder, "bin", command);
        File.WriteAllText(path, $"#!/bin/sh\necho \"{command} $*\" >> \"$HAN_TEST_CALLS\"\n{then}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private string[] Calls() => File.ReadAllLines(_calls);

    private void Put(string relative)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "x");
    }
}
