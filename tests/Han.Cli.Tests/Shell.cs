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

    /// <param name="stateDirectory">han's state folder (<c>STATE_DIRECTORY</c>); by default a fresh empty one for this command alone.</param>
    public static Task<ShellResult> Run(string commandLine, string workingDirectory, int timeoutSeconds = 60, string? stateDirectory = null) =>
        Start(commandLine, workingDirectory, timeoutSeconds, stateDirectory).Completion;

    /// <summary>
    /// Starts the command line; the caller can wait for a line on its standard error before acting (a live
    /// source open). han keeps what it learns (line settings, statistics positions) in
    /// <paramref name="stateDirectory"/>, by default a fresh empty folder of this command's own: never the
    /// user's ~/.local/state/han, which earlier tests, runs and other worktrees share. A
    /// <c>STATE_DIRECTORY=...</c> in the command line itself still wins.
    /// </summary>
    public static RunningShell Start(string commandLine, string workingDirectory, int timeoutSeconds = 60, string? stateDirectory = null)
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
        var state = stateDirectory ?? FreshStateFolder();
        start.Environment["STATE_DIRECTORY"] = state;
        var process = Process.Start(start)!;
        var running = new RunningShell(process, commandLine, timeoutSeconds);
        if (stateDirectory is null)
        {
            // Removed as soon as the command ends: nobody else knows the folder, and a test host's exit
            // handlers are not sure to run to their end.
            _ = running.Completion.ContinueWith(_ => Remove(state), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }

        return running;
    }

    /// <summary>
    /// A new empty temporary folder, open to everyone: some commands run as nobody, and han as another
    /// user must still be able to keep its state.
    /// </summary>
    private static string FreshStateFolder()
    {
        var folder = Directory.CreateTempSubdirectory("han-test-state-").FullName;
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111);
        return folder;
    }

    private static void Remove(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception stillInUse) when (stillInUse is IOException or UnauthorizedAccessException)
        {
            // A process the command left running in the background still writes there: a leftover in the
            // temporary folder, which decides no test.
        }
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
