using System.Globalization;
using Spectre.Console;

namespace Han.Cli.Import;

/// <summary>
/// Shows how far an import has come while it runs on the thread pool: a progress bar (Spectre.Console)
/// when standard error is a terminal and the input is large enough to wait for; a line every
/// <see cref="LineInterval"/> when it is not a terminal (a log, a CI job); nothing for a small input.
/// </summary>
internal static class ImportProgress
{
    /// <summary>Inputs smaller than this are imported in a moment: no progress is shown.</summary>
    public const long LargeInput = 16 * 1024 * 1024;

    public static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan Redraw = TimeSpan.FromMilliseconds(200);

    /// <param name="terminal">Standard error when it is a terminal, else null.</param>
    /// <param name="log">Standard error.</param>
    public static async Task<T> RunAsync<T>(long totalBytes, TextWriter? terminal, TextWriter log, TimeProvider clock, Func<ImportPosition, Task<T>> import)
    {
        var position = new ImportPosition();
        var work = Task.Run(() => import(position));
        if (totalBytes < LargeInput)
        {
            return await work.ConfigureAwait(false);
        }

        if (terminal is not null)
        {
            await ShowBarAsync(terminal, totalBytes, position, work, clock).ConfigureAwait(false);
        }
        else
        {
            await WriteLinesAsync(log, totalBytes, position, work, clock).ConfigureAwait(false);
        }

        return await work.ConfigureAwait(false);
    }

    private static async Task ShowBarAsync(TextWriter terminal, long totalBytes, ImportPosition position, Task work, TimeProvider clock)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(terminal) });
        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var bar = context.AddTask("importing", maxValue: totalBytes);
                while (!work.IsCompleted)
                {
                    await Task.WhenAny(work, Task.Delay(Redraw, clock)).ConfigureAwait(false);
                    bar.Value = Math.Min(position.Bytes, totalBytes);
                    bar.Description = $"{position.Lists.ToString("N0", CultureInfo.InvariantCulture)} lists";
                }

                bar.Value = totalBytes;
            }).ConfigureAwait(false);
    }

    private static async Task WriteLinesAsync(TextWriter log, long totalBytes, ImportPosition position, Task work, TimeProvider clock)
    {
        while (!work.IsCompleted)
        {
            await Task.WhenAny(work, Task.Delay(LineInterval, clock)).ConfigureAwait(false);
            if (!work.IsCompleted)
            {
                var percent = 100.0 * position.Bytes / totalBytes;
                await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"han import: {percent:F0} % read, {position.Lists:N0} lists")).ConfigureAwait(false);
            }
        }
    }
}
