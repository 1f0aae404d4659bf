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
    public static string Han => Path.Combine(AppContext.BaseDirectory, "han");

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
}
