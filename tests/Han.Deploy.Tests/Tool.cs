using System.Diagnostics;

namespace Han.Deploy.Tests;

/// <summary>What a program printed and its exit code.</summary>
internal sealed record ToolResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}

/// <summary>
/// Runs the real tools the deploy files are made for (dpkg-deb, systemd-analyze, ser2net, sh). A tool
/// that is not installed fails the test with what to install (./test.sh installs them); never a skip.
/// </summary>
internal static class Tool
{
    /// <summary>
    /// Where the han these tests start keeps what it learns (STATE_DIRECTORY): this test run's own, never
    /// the user's ~/.local/state/han, which other runs, tests and worktrees share. A test may give its own.
    /// </summary>
    private static readonly Lazy<string> StateFolder = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("han-test-state-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        return folder;
    });

    public static ToolResult Run(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null, int timeoutSeconds = 60)
    {
        using var process = Start(file, arguments, environment, workingDirectory, redirect: true);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not end within {timeoutSeconds} s");
        }

        return new ToolResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts a program; with <paramref name="redirect"/> false its output goes nowhere the test waits on.</summary>
    public static Process Start(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null, bool redirect = true)
    {
        var start = new ProcessStartInfo(file)
        {
            UseShellExecute = false,
            RedirectStandardOutput = redirect,
            RedirectStandardError = redirect,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["STATE_DIRECTORY"] = StateFolder.Value;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        try
        {
            var process = Process.Start(start)!;
            process.StandardInput.Close();
            return process;
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            throw new InvalidOperationException($"{file} is not installed; ./test.sh installs what the tests need", missing);
        }
    }
}
