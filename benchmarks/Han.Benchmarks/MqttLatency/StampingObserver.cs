using System.Diagnostics;
using Han.Pipeline;
using Han.Readings;

namespace Han.Benchmarks.MqttLatency;

/// <summary>
/// Stands between a meter's decoder and han run's own observer (<c>PipelineObserver</c>): notes the
/// moment each reading leaves the decoder, the start of the latency measured, then passes on what han run's observer takes
/// (readings and problems) unchanged.
/// </summary>
internal sealed class StampingObserver(string meter, DecodeObserver inner, LatencyLedger ledger) : DecodeObserver
{
    public override void OnReading(MeterReading reading, long offset)
    {
        var decoded = Stopwatch.GetTimestamp();
        ledger.Decoded(meter, reading.Received ?? throw new InvalidOperationException("a reading without its receive time"), decoded);
        inner.OnReading(reading, offset);
    }

    public override void OnProblem(in DecodeProblem problem) => inner.OnProblem(problem);
}
