using System.Globalization;

namespace Han.Benchmarks.MqttLatency;

/// <summary>
/// What one run of the harness measures: how many simulated meters, each list sent when its meter
/// would send it divided by <see cref="Speed"/>; meters whose clocks are spread over the 2.5 s cadence
/// (as real meters, each on its own clock) or aligned (every meter's list in the same millisecond, the
/// worst case, as benchmarks/mqtt-meters.sh's one simulator gives). With <see cref="LineStatus"/>, as in
/// han run, every meter's line status also goes out every 10 s (a state message each, all at once).
/// </summary>
internal sealed record LatencyScenario(int Meters, TimeSpan Duration, double Speed, bool Aligned, TimeSpan WarmUp, bool LineStatus)
{
    public const string Usage = "mqtt-latency [--meters N] [--seconds S] [--speed X] [--aligned] [--warmup S] [--no-line-status]";

    public static LatencyScenario Parse(IReadOnlyList<string> args)
    {
        var scenario = new LatencyScenario(1, TimeSpan.FromSeconds(60), 1, false, TimeSpan.FromSeconds(5), true);
        for (var i = 0; i < args.Count; i++)
        {
            scenario = args[i] switch
            {
                "--meters" => scenario with { Meters = int.Parse(Value(args, ++i), CultureInfo.InvariantCulture) },
                "--seconds" => scenario with { Duration = TimeSpan.FromSeconds(double.Parse(Value(args, ++i), CultureInfo.InvariantCulture)) },
                "--speed" => scenario with { Speed = double.Parse(Value(args, ++i), CultureInfo.InvariantCulture) },
                "--aligned" => scenario with { Aligned = true },
                "--no-line-status" => scenario with { LineStatus = false },
                "--warmup" => scenario with { WarmUp = TimeSpan.FromSeconds(double.Parse(Value(args, ++i), CultureInfo.InvariantCulture)) },
                _ => throw new ArgumentException($"unknown option '{args[i]}'; usage: {Usage}", nameof(args)),
            };
        }

        if (scenario.Meters < 1 || scenario.Speed <= 0 || scenario.Duration <= scenario.WarmUp)
        {
            throw new ArgumentException($"--meters must be at least 1, --speed above 0, --seconds longer than --warmup; usage: {Usage}", nameof(args));
        }

        return scenario;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Meters} simulated Aidon meter(s) at speed {Speed} ({2.5 / Speed * 1000:0.#} ms between a meter's lists), clocks {(Aligned ? "aligned (every meter's list at once)" : "spread over the 2.5 s cadence")}, {(LineStatus ? "line status every 10 s" : "no line status")}, {Duration.TotalSeconds:0} s, the first {WarmUp.TotalSeconds:0} s not counted");

    private static string Value(IReadOnlyList<string> args, int i) =>
        i < args.Count ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value; usage: {Usage}", nameof(args));
}
