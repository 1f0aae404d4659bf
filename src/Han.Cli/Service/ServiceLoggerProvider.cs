using Microsoft.Extensions.Logging;

namespace Han.Cli.Service;

/// <summary>
/// The log of <c>han run</c>, one line per message on standard error (through han's error writer, so
/// control characters from a meter are escaped). For the journal (systemd sets <c>JOURNAL_STREAM</c>)
/// each line starts with its syslog priority, <c>&lt;4&gt;</c> for a warning (sd-daemon(3)), and has no
/// time, which the journal adds; on a terminal or in a file it starts with the local time and the level.
/// The host's own messages below warnings are left out: they say nothing a user needs.
/// </summary>
internal sealed class ServiceLoggerProvider(TextWriter error, bool journal, TimeProvider clock) : ILoggerProvider
{
    private readonly Lock _writing = new();

    public ILogger CreateLogger(string categoryName) =>
        new ServiceLogger(this, categoryName.StartsWith("Microsoft.", StringComparison.Ordinal) ? LogLevel.Warning : LogLevel.Information);

    public void Dispose() => error.Flush();

    private void Write(LogLevel level, string message)
    {
        var line = journal
            ? $"<{Priority(level)}>{message}"
            : $"{clock.GetLocalNow():yyyy-MM-dd HH:mm:ss} {Word(level)} {message}";
        lock (_writing)
        {
            error.WriteLine(line.ReplaceLineEndings(" "));
            error.Flush();
        }
    }

    private static int Priority(LogLevel level) => level switch
    {
        LogLevel.Critical => 2,
        LogLevel.Error => 3,
        LogLevel.Warning => 4,
        LogLevel.Information => 6,
        _ => 7,
    };

    private static string Word(LogLevel level) => level switch
    {
        LogLevel.Critical => "critical",
        LogLevel.Error => "error  ",
        LogLevel.Warning => "warning",
        LogLevel.Information => "info   ",
        _ => "debug  ",
    };

    private sealed class ServiceLogger(ServiceLoggerProvider provider, LogLevel least) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= least && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var message = formatter(state, exception);
            if (exception is not null)
            {
                message += $" ({exception.GetType().Name}: {exception.Message})";
            }

            provider.Write(logLevel, message);
        }
    }
}
