using Han.Cli.Io;
using Han.Sources.Live;

namespace Han.Cli.Live;

/// <summary>
/// What a live command (<c>han listen</c>, <c>han diagnose</c> on a device or bridge) shows on standard
/// error while it reads: the source's events, a line each, and on a terminal a status line below them
/// that says how the source is doing. Connection attempts are left to the status line: a line per
/// attempt would flood a log while a bridge is away.
/// </summary>
internal sealed class LiveConsole
{
    private readonly string _command;
    private readonly TextWriter _error;
    private readonly StatusLine? _statusLine;

    /// <param name="command">How lines start: <c>han listen</c>.</param>
    public LiveConsole(string command, StandardStreams streams, TimeProvider clock)
    {
        _command = command;
        _error = streams.Error;
        _statusLine = streams.ErrorTerminal is { } terminal ? new StatusLine(terminal, clock) : null;
    }

    /// <summary>What has been read so far (an observer of the decoder), for the status line.</summary>
    public LiveStatus Status { get; } = new();

    /// <summary>Whether there is a status line (standard error is a terminal).</summary>
    public bool OnTerminal => _statusLine is not null;

    /// <summary>A source's event: kept for the status line and, unless it is a connection attempt, said on a line.</summary>
    public void Report(SourceEvent change)
    {
        Status.SourceState = SourceStateText.Of(change.State);
        if (change.State != SourceState.Connecting)
        {
            Say(change.Message);
        }
    }

    /// <summary>A line on standard error, <c>han listen: ...</c>, above the status line.</summary>
    public void Say(string message) => Above(() => _error.WriteLine($"{_command}: {message}"));

    /// <summary>Lets <paramref name="write"/> write (to standard output or error) above the status line.</summary>
    public void Above(Action write)
    {
        if (_statusLine is null)
        {
            write();
        }
        else
        {
            _statusLine.Above(write);
        }
    }

    /// <summary>Redraws the status line (on a terminal), at most four times a second unless <paramref name="now"/>.</summary>
    public void ShowStatus(string text, bool now = false) => _statusLine?.Show(text, now);

    /// <summary>Removes the status line for good.</summary>
    public void Close() => _statusLine?.Close();
}
