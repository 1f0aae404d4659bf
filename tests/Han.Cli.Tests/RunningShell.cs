using System.Diagnostics;

namespace Han.Cli.Tests;

/// <summary>A started shell command line whose standard error can be watched while it runs.</summary>
internal sealed class RunningShell
{
    private readonly System.Text.StringBuilder _stderr = new();
    private readonly object _gate = new();
    private readonly int _processId;

    public RunningShell(Process process, string commandLine, int timeoutSeconds)
    {
        _processId = process.Id;
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                lock (_gate)
                {
                    _stderr.Append(line.Data).Append('\n');
                }
            }
        };
        process.BeginErrorReadLine();
        Completion = CompleteAsync(process, commandLine, timeoutSeconds);
    }

    public Task<ShellResult> Completion { get; }

    /// <summary>Waits until standard error holds <paramref name="text"/> (or the command ends), <paramref name="times"/> times over.</summary>
    public async Task WaitForErrorAsync(string text, int timeoutSeconds = 30, int times = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (Occurrences(Stderr, text) < times)
        {
            if (Completion.IsCompleted || DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"'{text}' did not appear {times} times on standard error; it holds: {Stderr}");
            }

            await Task.Delay(25);
        }
    }

    /// <summary>
    /// Sends Ctrl-C's signal (SIGINT) to the command line's process, once, as a user's Ctrl-C reaches han:
    /// the command line must <c>exec</c> han, so that the process is han itself.
    /// </summary>
    public void Interrupt()
    {
        using var kill = Process.Start("kill", ["-INT", _processId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private string Stderr
    {
        get
        {
            lock (_gate)
            {
                return _stderr.ToString();
            }
        }
    }

    private async Task<ShellResult> CompleteAsync(Process process, string commandLine, int timeoutSeconds)
    {
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
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

            process.WaitForExit(); // the error lines still in flight
            return new ShellResult(process.ExitCode, await stdout, Stderr);
        }
    }
}
