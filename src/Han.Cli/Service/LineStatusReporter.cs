using Han.Live.Fanout;

namespace Han.Cli.Service;

/// <summary>
/// Sends each meter's <see cref="LineStatus"/> (its line's counters and state) to its outputs every
/// <see cref="Every"/>, and at once when the line's state changes, for what shows them (the MQTT state's
/// diagnostics, Home Assistant's diagnostic entities). Ticked by the watch, once a second. Each meter's
/// period starts at its own offset within <see cref="Every"/>: sent in the same tick, the statuses of
/// hundreds of meters (a state message each) would wait in the one MQTT queue in front of readings
/// (docs/performance.md, "MQTT latency inside han").
/// </summary>
internal sealed class LineStatusReporter(IReadOnlyList<MeterPipeline> meters)
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, (long Period, string State)> _sent = new(StringComparer.Ordinal);

    public void Tick(DateTimeOffset now)
    {
        for (var i = 0; i < meters.Count; i++)
        {
            var meter = meters[i];
            var period = (now.UtcTicks + (Every.Ticks * i / meters.Count)) / Every.Ticks;
            var state = meter.Stats.State;
            if (_sent.TryGetValue(meter.Name, out var last) && last.Period == period && last.State == state)
            {
                continue;
            }

            _sent[meter.Name] = (period, state);
            var stats = meter.Stats;
            meter.FanOut.Publish(new LineStatus(
                meter.Name, now, state, meter.LineSettings, stats.Readings, stats.Frames, stats.ChecksumErrors,
                stats.CutFrames, stats.SkippedBytes, stats.Problems, stats.LastReading));
        }
    }
}
