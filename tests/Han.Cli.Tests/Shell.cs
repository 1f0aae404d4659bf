using System.Diagnostics;

namespace Han.Cli.Tests;

/// <summary>The outcome of a shell command line: what <c>bash -c</c> printed, and its exit code.</summary>
internal sealed record ShellResult(int ExitCode, string Stdout, string Stderr);

/// <summary>
/// Runs the real <c>han</c> executable from a bash command line, so that the process starts with the
/// descriptors, pipes and folders the line sets up (<c>&lt;&amp;-</c>, <c>&gt;/dev/full</c>, <c>| true</c>).
/// The executable is the one built next to the tests; <c>$HAN</c> names it in the command line.
/// </summary>
internal static class Shell
{
    private static readonly Lazy<string> Installed = new(Install);

    /// <summary>
    /// The han executable, copied with what it needs into a folder every user may read: tests run it as
    /// an unprivileged user too, and the build folder of a fresh clone in a private temporary folder is
    /// out of that user's reach.
    /// </summary>
    public static string Han => Installed.Value;

    public static bool IsRoot => Environment.UserName == "root";

    public static async Task<ShellResult> Run(string commandLine, string workingDirectory, int timeoutSeconds = 60)
    {
        var start = new ProcessStartInfo("/bin/bash")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(commandLine);
        start.Environment["HAN"] = Han;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{commandLine}' did not end within {timeoutSeconds} s (a hang)");
        }

        return new ShellResult(process.ExitCode, await stdout, await stderr);
    }

    private static string Install()
    {
        var folder = Path.Combine(Path.GetTempPath(), "han-test-bin-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var files = Directory.GetFiles(AppContext.BaseDirectory)
            .Where(file => Path.GetFileName(file) is var name
                && (name.StartsWith("han", StringComparison.Ordinal) || (name.StartsWith("Han.", StringComparison.Ordinal) && !name.Contains("Tests", StringComparison.Ordinal) && !name.Contains("TestCorpus", StringComparison.Ordinal)) || name == "System.CommandLine.dll"));
        foreach (var file in files)
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        const UnixFileMode readable = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        const UnixFileMode enterable = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(folder, readable | enterable | UnixFileMode.UserWrite);
        File.SetUnixFileMode(Path.Combine(folder, "han"), readable | enterable | UnixFileMode.UserWrite);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        return Path.Combine(folder, "han");
    }
}
