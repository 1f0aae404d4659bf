using Han.Sources.Serving;

namespace Han.Simulation;

/// <summary>
/// Delivers a simulator's lists to an output at their pace: each list leaves when the real time that
/// its meter time corresponds to has come (<see cref="Pace"/>), measured on the given clock; at
/// <see cref="Pace.Max"/> nothing waits and writes are flushed at the end. Stops at the end of the
/// simulated duration or when cancelled, and says what it sent.
/// </summary>
public sealed class SimulationRunner
{
    private readonly TimeProvider _clock;
    private readonly Pace _pace;

    public SimulationRunner(TimeProvider clock, Pace pace)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _pace = pace;
    }

    /// <param name="transmissions">The lists, in time order (a <see cref="Simulator"/>'s).</param>
    /// <param name="start">The meter time the run starts at (it takes no real time to reach).</param>
    /// <param name="end">The meter time the run ends at (exclusive), or null to run until cancelled.</param>
    /// <param name="output">Where the bytes go.</param>
    /// <param name="sent">Told about each list once it is written (the log).</param>
    /// <param name="cancellationToken">Ctrl-C.</param>
    public async Task<RunSummary> RunAsync(IEnumerable<Transmission> transmissions, DateTimeOffset start, DateTimeOffset? end, IByteOutput output, Action<Transmission>? sent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transmissions);
        ArgumentNullException.ThrowIfNull(output);
        var summary = new RunSummary();
        var began = _clock.GetTimestamp();
        foreach (var transmission in transmissions)
        {
            if (transmission.Time >= end)
            {
                break;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var wait = _pace.RealTimeFor(transmission.Time - start) - _clock.GetElapsedTime(began);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _clock, cancellationToken).ConfigureAwait(false);
            }

            if (transmission.Wire.Length > 0)
            {
                await output.WriteAsync(transmission.Wire, cancellationToken).ConfigureAwait(false);
                if (!_pace.IsMax || transmission.DropsConnection)
                {
                    await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            if (transmission.DropsConnection)
            {
                await output.DropConnectionsAsync(cancellationToken).ConfigureAwait(false);
            }

            summary.Add(transmission);
            sent?.Invoke(transmission);
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return summary;
    }
}
