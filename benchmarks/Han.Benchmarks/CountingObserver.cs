using Han.Pipeline;
using Han.Readings;

namespace Han.Benchmarks;

/// <summary>Counts readings and problems, nothing else (the benchmarks measure decoding, not output).</summary>
internal sealed class CountingObserver : DecodeObserver
{
    public long Readings { get; private set; }

    public long Problems { get; private set; }

    public override void OnReading(MeterReading reading, long offset) => Readings++;

    public override void OnProblem(in DecodeProblem problem) => Problems++;
}
