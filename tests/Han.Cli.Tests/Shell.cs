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

    public static Task<ShellResult> Run(string commandLine, string workingDirectory, int timeoutSeconds = 60) =>
        Start(commandLine, workingDirectory, timeoutSeconds).Completion;

    /// <summary>Starts the command line; the caller can wait for a line on its standard error before acting (a live source open).</summary>
    public static RunningShell Start(string commandLine, string workingDirectory, int timeoutSeconds = 60)
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
        var process = Process.Start(start)!;
        return new RunningShell(process, commandLine, timeoutSeconds);
    }

    private static string Install()
    {
        var folder = Path.Combine(Path.GetTempPath(), "han-test-bin-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        // Everything beside the tests: han's own assemblies, System.IO.Ports with its native part under
        // runtimes/, and the rest han.deps.json names. A few MiB, copied once per test run.
        foreach (var file in Directory.GetFiles(AppContext.BaseDirectory, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(AppContext.BaseDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        foreach (var directory in Directory.GetDirectories(folder, "*", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        const UnixFileMode readable = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        const UnixFileMode enterable = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(folder, readable | enterable | UnixFileMode.UserWrite);
        File.SetUnixFileMode(Path.Combine(folder, "han"), readable | enterable | UnixFileMode.UserWrite);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        return Path.Combine(folder, "han");
    }
}
