namespace Han.Cli.Live;

/// <summary>
/// One line at the bottom of a terminal that says how a live source is doing, redrawn in place. Text
/// for standard output and messages for standard error go above it: the line is cleared before them
/// and drawn again after. Only on a terminal; elsewhere it writes nothing.
/// </summary>
internal sealed class StatusLine
{
    private const string ClearLine = "\r\u001b[K";
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly TextWriter _terminal;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private string _shown = string.Empty;
    private DateTimeOffset _drawnAt;
    private bool _closed;

    public StatusLine(TextWriter terminal, TimeProvider time)
    {
        _terminal = terminal;
        _time = time;
    }

    /// <summary>Shows <paramref name="text"/>, at most four times a second unless <paramref name="now"/> says it must; never once closed.</summary>
    public void Show(string text, bool now = false)
    {
        lock (_gate)
        {
            var at = _time.GetUtcNow();
            if (_closed || (!now && at - _drawnAt < Interval))
            {
                return;
            }

            _drawnAt = at;
            _shown = Han.Protocol.PrintableText.Escape(text);
            _terminal.Write(ClearLine + _shown);
            _terminal.Flush();
        }
    }

    /// <summary>Writes something above the status line: clears it, lets <paramref name="write"/> run, draws it again.</summary>
    public void Above(Action write)
    {
        lock (_gate)
        {
            if (_shown.Length > 0)
            {
                _terminal.Write(ClearLine);
                _terminal.Flush();
            }

            write();
            if (_shown.Length > 0)
            {
                _terminal.Write(_shown);
                _terminal.Flush();
            }
        }
    }

    /// <summary>Removes the line for good (the command ends): a timer's redraw still under way does not bring it back.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            if (_shown.Length > 0)
            {
                _terminal.Write(ClearLine);
                _terminal.Flush();
                _shown = string.Empty;
            }
        }
    }
}
