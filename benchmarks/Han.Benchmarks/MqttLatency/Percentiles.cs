using System.Diagnostics;
using System.Globalization;

namespace Han.Benchmarks.MqttLatency;

/// <summary>Median, 90th and 99th percentile and maximum of latencies given in <see cref="Stopwatch"/> ticks, written in µs (nearest rank).</summary>
internal static class Percentiles
{
    public static string Describe(IEnumerable<long> ticks)
    {
        var sorted = ticks.Order().ToArray();
        if (sorted.Length == 0)
        {
            return "no samples";
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"median {Micros(At(sorted, 0.50)):0} µs, p90 {Micros(At(sorted, 0.90)):0} µs, p99 {Micros(At(sorted, 0.99)):0} µs, max {Micros(sorted[^1]):0} µs ({sorted.Length} samples)");
    }

    private static long At(long[] sorted, double quantile) => sorted[Math.Max(0, (int)Math.Ceiling(quantile * sorted.Length) - 1)];

    private static double Micros(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
}
