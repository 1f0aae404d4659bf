using System.Runtime.InteropServices;

namespace Han.Cli.Io;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM as a cancellation, so that a command stops by unwinding: what it was
/// writing is closed or removed (a half bundle never stays behind), and it says it was stopped. A
/// second signal ends the process at once, for a command that does not stop. The command-line
/// parser's own handling cannot serve: it starts listening only once a command's first await yields,
/// and a command reading a local file may never yield.
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _received;

    public TerminationSignals()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _cancellation.Token;

    /// <summary>The exit code of a process ended by the signal received (130, 143), or null when none came.</summary>
    public int? ExitCode => Volatile.Read(ref _received) switch
    {
        0 => null,
        var signal => 128 + signal,
    };

    /// <summary>The signal's name for a message.</summary>
    public string SignalName => Volatile.Read(ref _received) == SigInt ? "Ctrl-C (SIGINT)" : "SIGTERM";

    private const int SigInt = 2;
    private const int SigTerm = 15;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cancellation.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        var number = context.Signal == PosixSignal.SIGINT ? SigInt : SigTerm;
        if (Interlocked.CompareExchange(ref _received, number, 0) != 0)
        {
            return; // the second signal: let it end the process
        }

        context.Cancel = true;
        _cancellation.Cancel();
    }
}
