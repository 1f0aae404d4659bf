using Han.Cli.Arguments;
using Han.Cli.Io;
using Han.Cli.Live;
using Han.Pipeline;
using Han.Pipeline.Diagnosis;
using Han.Sources.Live;
using Han.Sources.Serial;

namespace Han.Cli.Diagnosis;

/// <summary>
/// <c>han diagnose</c> on a serial device or a TCP bridge: listens for a while (<see cref="ListeningWindow"/>)
/// through the same <see cref="Diagnoser"/> a file goes through. It says on standard error what it listens
/// for and what the source does, and on a terminal keeps a status line with what has come and the time
/// left, redrawn every second so a silent line does not look like a hung program. Ctrl-C ends it early.
/// </summary>
internal sealed class LiveWatch
{
    private readonly SourceAddress _address;
    private readonly LineSettings? _settings;
    private readonly TimeSpan _duration;
    private readonly StandardStreams _streams;
    private readonly TimeProvider _clock;
    private readonly LiveConsole _console;
    private readonly List<(DateTimeOffset At, string Message)> _events = [];
    private readonly Lock _gate = new();

    public LiveWatch(SourceAddress address, LineSettings? settings, TimeSpan duration, StandardStreams streams, TimeProvider clock)
    {
        _address = address;
        _settings = settings;
        _duration = duration;
        _streams = streams;
        _clock = clock;
        _console = new LiveConsole("han diagnose", streams, clock);
    }

    /// <summary>Sees what the diagnoser decodes, for the status line: give it to the <see cref="Diagnoser"/>.</summary>
    public DecodeObserver Progress => _console.Status;

    /// <summary>Listens until the window is over, no line setting reads the meter, or Ctrl-C.</summary>
    /// <exception cref="SourceUnavailableException">The source cannot be read at all (no such device, no permission); the message says what to do.</exception>
    public async Task<WatchResult> RunAsync(Diagnoser diagnoser, CancellationToken cancellation)
    {
        var started = _clock.GetUtcNow();
        using var window = new ListeningWindow(_duration, _clock);
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellation, window.Over);
        var announced = false;
        void Report(SourceEvent change)
        {
            if (change.State != SourceState.Connecting)
            {
                _events.Add((_clock.GetUtcNow(), change.Message));
            }

            if (!announced && change.State is SourceState.Detecting or SourceState.Connected)
            {
                // Once there is something to listen to: a device that does not exist needs no promise.
                announced = true;
                _console.Say($"listening to {_address.Text} for {DurationText.Describe(_duration)} once it is open: enough for a Norwegian meter's list 1 (every 2 to 2.5 s) and list 2 (every 10 s); the hourly list comes only just after each full hour (--duration 61m sees one). Ctrl-C ends it sooner.");
            }

            _console.Report(change);
            window.Follow(change);
        }

        IByteSource? source = null;
        var end = WatchEnd.Duration;
        using (var ticker = _console.OnTerminal ? _clock.CreateTimer(_ => ShowStatus(diagnoser, window), null, TimeSpan.Zero, TimeSpan.FromSeconds(1)) : null)
        {
            try
            {
                source = await SourceFactory.CreateAsync(_address, _settings, _streams, _clock, Report, watching.Token).ConfigureAwait(false);
                await foreach (var chunk in source.ReadAsync(watching.Token).ConfigureAwait(false))
                {
                    lock (_gate)
                    {
                        diagnoser.Add(chunk);
                    }

                    ShowStatus(diagnoser, window);
                }
            }
            catch (OperationCanceledException) when (watching.IsCancellationRequested)
            {
                end = cancellation.IsCancellationRequested ? WatchEnd.Interrupted : window.NoLineSetting ? WatchEnd.NoLineSetting : WatchEnd.Duration;
            }
            finally
            {
                _console.Close();
            }
        }

        return new WatchResult(source?.Description ?? _address.Text, _settings, (source as SerialSource)?.Detection, started, window.OpenedAt, _clock.GetUtcNow(), end, _events);
    }

    /// <summary><c>connected · 12 readings · 14 frames · 0 checksum errors · 0 bytes skipped · last reading 1 s ago · 18 s left</c>.</summary>
    private void ShowStatus(Diagnoser diagnoser, ListeningWindow window)
    {
        if (!_console.OnTerminal)
        {
            return;
        }

        var now = _clock.GetUtcNow();
        var left = window.EndsAt is { } ends
            ? DurationText.Describe(TimeSpan.FromSeconds(Math.Ceiling(Math.Max(0, (ends - now).TotalSeconds)))) + " left"
            : "listening starts once the line setting is found";
        string status;
        lock (_gate)
        {
            status = _console.Status.Describe(diagnoser.Counters, now);
        }

        _console.ShowStatus($"{status} · {left}");
    }
}
