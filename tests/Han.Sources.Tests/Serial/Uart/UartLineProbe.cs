using System.Runtime.CompilerServices;
using Han.Sources.Serial;

namespace Han.Sources.Tests.Serial.Uart;

/// <summary>
/// An <see cref="ILineProbe"/> on a <see cref="MeterLine"/>: each listen opens a receiving UART at the
/// asked setting where the last one stopped (so each candidate hears a later stretch of the line, as in
/// real life, and the first character may be cut), and hands over what the port delivers in slices of
/// 16 ms, as a USB adapter does (the FTDI latency timer's default). Simulated time: a 12-second window
/// takes no real time.
/// </summary>
internal sealed class UartLineProbe(MeterLine line, FramingRecovery recovery, bool countsLineErrors, bool dropBreaks = true, double openAt = 0.05) : ILineProbe
{
    private const double Slice = 0.016;

    private double _now = openAt;

    public bool CountsLineErrors => countsLineErrors;

    /// <summary>Every setting listened at, in order.</summary>
    public List<LineSettings> Tried { get; } = [];

    /// <summary>Seconds of line time the listens used (less than their windows when the detector stopped early).</summary>
    public List<double> Listened { get; } = [];

    public async IAsyncEnumerable<LineChunk> ListenAsync(LineSettings settings, TimeSpan window, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Tried.Add(settings);
        var from = _now;
        var to = from + window.TotalSeconds;
        if (to > line.Duration)
        {
            throw new InvalidOperationException($"the meter line lasts {line.Duration} s; make it longer than {to} s");
        }

        var reached = from;
        try
        {
            var characters = new UartReceiver(settings, recovery).Read(line.Signal, from, to);
            foreach (var slice in characters.GroupBy(c => Math.Floor((c.Time - from) / Slice)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                reached = from + ((slice.Key + 1) * Slice);
                var errors = countsLineErrors ? slice.Count(c => c.Flagged) : 0;
                yield return new LineChunk(PortDelivery.Bytes(slice, dropBreaks), errors);
                await Task.Yield();
            }

            reached = to;
        }
        finally
        {
            // Stopped early or not, the next listen starts where this one stopped.
            Listened.Add(reached - from);
            _now = reached;
        }
    }
}
