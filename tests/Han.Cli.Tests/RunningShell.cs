using System.Diagnostics;

namespace Han.Cli.Tests;

/// <summary>A started shell command line whose standard error can be watched while it runs.</summary>
internal sealed class RunningShell
{
    private readonly System.Text.StringBuilder _stderr = new();
    private readonly object _gate = new();

    public RunningShell(Process process, string commandLine, int timeoutSeconds)
    {
        ProcessId = process.Id;
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

    /// <summary>The shell's process: han itself when the command line starts with <c>exec</c>.</summary>
    public int ProcessId { get; }

    /// <summary>Sends a signal (TERM, INT) to the process, as systemd or a user's Ctrl-C would.</summary>
    public void Signal(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

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

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>What the command has written to standard error so far.</summary>
    public string Stderr
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
