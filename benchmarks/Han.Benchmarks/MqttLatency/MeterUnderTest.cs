using System.Diagnostics;
using Han.Cli.Configuration;
using Han.Cli.Io;
using Han.Cli.Service;
using Han.Integrations.HomeAssistant;
using Han.Integrations.Mqtt;
using Han.Live;
using Han.Live.Fanout;
using Han.Pipeline;
using Han.Readings;
using Han.Simulation;
using Han.Simulation.Vendors;
using Han.Sources.Live;

namespace Han.Benchmarks.MqttLatency;

/// <summary>
/// One meter of the harness, put together as han run's <c>ServiceHost</c> does with <c>--mqtt
/// --homeassistant</c>: decoder, han run's own observer (live state, fan-out), and the plain JSON state and
/// Home Assistant outputs each behind its own queue, publishing through the one MQTT connection. The
/// bytes come from a simulated Aidon meter fed straight to the decoder at its cadence (the source is not
/// part of what is measured), with the simulated clock starting now, so that receive times are those a
/// live source would give. <see cref="Pipeline"/> is han run's pipeline of the meter, never started:
/// what han run's line-status reporter needs to send this meter's line status through the same fan-out.
/// han run's log output is left out: it writes notes, not readings.
/// </summary>
internal sealed class MeterUnderTest : IAsyncDisposable
{
    private const int QueueSize = 10_000; // han run's default outputs.queue_size

    private readonly string _name;
    private readonly DateTimeOffset _start;
    private readonly StreamDecoder _decoder;
    private readonly Simulator _simulator;

    public MeterUnderTest(int number, DateTimeOffset start, MqttConnection mqtt, HomeAssistantOptions homeAssistant, DiscoveryJanitor janitor, LatencyLedger ledger, Action<string, NoteLevel> report)
    {
        _name = Name(number);
        _start = start;
        var state = new MqttStateSink(_name, mqtt);
        var toHomeAssistant = new HomeAssistantSink(_name, homeAssistant, mqtt, state.Republish, janitor, TimeProvider.System);
        FanOut = new MeterFanOut([new QueuedSink(state, QueueSize, report), new QueuedSink(toHomeAssistant, QueueSize, report)]);
        var stats = new MeterStats { State = "connected" };
        var unused = SourceAddress.TryParse("tcp://127.0.0.1:1", out var address, out _) ? address! : throw new InvalidOperationException("no source address");
        Pipeline = new MeterPipeline(new MeterConfiguration(_name, unused, null, Country.Norway, 1, null, null), FanOut, stats, new StandardStreams(() => Stream.Null, Stream.Null, TextWriter.Null), TimeProvider.System);
        var observer = new PipelineObserver(_name, new MeterState(new MeterStateOptions()), FanOut, stats, TimeProvider.System);
        _decoder = new StreamDecoder(new StampingObserver(_name, observer, ledger), new DecoderOptions(Country.Norway, null, null));
        _simulator = new Simulator(new SimulationOptions
        {
            Vendor = MeterVendors.Find("aidon") ?? throw new InvalidOperationException("no simulated Aidon"),
            Start = start,
            Seed = (ulong)number,
        });
    }

    public MeterFanOut FanOut { get; }

    public MeterPipeline Pipeline { get; }

    public static string Name(int number) => $"m{number}";

    /// <summary>
    /// Hands the decoder each list when this meter sends it: its time since the start divided by the
    /// speed, after <paramref name="phase"/> (where this meter's clock stands in the cadence), until the
    /// scenario's time is up. The list's meter time is its receive time, unique per meter.
    /// </summary>
    public async Task FeedAsync(LatencyScenario scenario, TimeSpan phase, Stopwatch clock)
    {
        foreach (var list in _simulator.Transmissions())
        {
            var due = phase + (list.Time - _start) / scenario.Speed;
            if (due >= scenario.Duration)
            {
                return;
            }

            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait).ConfigureAwait(false);
            }

            // As MeterPipeline does with each chunk its source delivers.
            FanOut.Publish(new BytesReceived(_name, list.Time, list.Wire));
            _decoder.Add(list.Wire, list.Time);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await FanOut.DisposeAsync().ConfigureAwait(false);
        _decoder.Dispose();
        _simulator.Dispose();
        Pipeline.Dispose();
    }
}
