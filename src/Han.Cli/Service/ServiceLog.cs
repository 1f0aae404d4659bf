using Han.Live.Fanout;
using Microsoft.Extensions.Logging;

namespace Han.Cli.Service;

/// <summary>
/// The log lines of <c>han run</c>. Every line is a sentence made where it happens (meter, what, what to
/// do), so one template per level carries them all.
/// </summary>
internal static partial class ServiceLog
{
    public static void Write(ILogger log, NoteLevel level, string text)
    {
        switch (level)
        {
            case NoteLevel.Error:
                Error(log, text);
                break;
            case NoteLevel.Warning:
                Warning(log, text);
                break;
            default:
                Information(log, text);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Text}")]
    public static partial void Information(ILogger log, string text);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Text}")]
    public static partial void Warning(ILogger log, string text);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Text}")]
    public static partial void Error(ILogger log, string text);
}
