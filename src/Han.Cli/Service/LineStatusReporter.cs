using Han.Live.Fanout;

namespace Han.Cli.Service;

/// <summary>
/// Sends each meter's <see cref="LineStatus"/> (its line's counters and state) to its outputs every
/// <see cref="Every"/>, and at once when the line's state changes, for what shows them (the MQTT state's
/// diagnostics, Home Assistant's diagnostic entities). Ticked by the watch, once a second.
/// </summary>
internal sealed class LineStatusReporter(IReadOnlyList<MeterPipeline> meters)
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, (DateTimeOffset At, string State)> _sent = new(StringComparer.Ordinal);

    public void Tick(DateTimeOffset now)
    {
        foreach (var meter in meters)
        {
            var state = meter.Stats.State;
            if (_sent.TryGetValue(meter.Name, out var last) && now - last.At < Every && last.State == state)
            {
                continue;
            }

            _sent[meter.Name] = (now, state);
            var stats = meter.Stats;
            meter.FanOut.Publish(new LineStatus(
                meter.Name, now, state, meter.LineSettings, stats.Readings, stats.Frames, stats.ChecksumErrors,
                stats.CutFrames, stats.SkippedBytes, stats.Problems, stats.LastReading));
        }
    }
}
