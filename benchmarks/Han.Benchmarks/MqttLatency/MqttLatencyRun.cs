using System.Collections.Concurrent;
using System.Diagnostics;
using Han.Cli.Service;
using Han.Integrations.HomeAssistant;
using Han.Integrations.Mqtt;
using Han.Live.Fanout;
using Han.TestCorpus.Servers;

namespace Han.Benchmarks.MqttLatency;

/// <summary>
/// Issue 9's latency from a frame decoded to its PUBLISH sent, inside han: han run's real meter pipeline
/// (decoder, live state, fan-out, output queues, the MQTT state and Home Assistant outputs, the MQTT
/// connection's queue and MQTTnet) against a real mosquitto on loopback. Starts at the decoder's output
/// (<see cref="StampingObserver"/>), ends when MQTTnet hands the state PUBLISH to the socket, and for
/// QoS 1 (what han publishes) when the broker's PUBACK is read (<see cref="PacketWatch"/>). Fails (exit
/// code 1) when any reading after the warm-up was not published and acknowledged, or anything was dropped.
/// </summary>
internal static class MqttLatencyRun
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(LatencyScenario scenario)
    {
        Console.WriteLine($"mqtt-latency: {scenario}");
        using var broker = new MosquittoBroker();
        var ledger = new LatencyLedger();
        var watch = new PacketWatch(ledger);
        var trouble = new ConcurrentQueue<string>();
        void Report(string text, NoteLevel level)
        {
            if (level != NoteLevel.Information)
            {
                trouble.Enqueue(text);
            }
        }

        var mqtt = new MqttConnection(new MqttConnectionOptions("127.0.0.1", broker.Port, "han-latency"), Report, TimeProvider.System);
        mqtt.Client.InspectPacketAsync += watch.InspectAsync;
        var names = Enumerable.Range(1, scenario.Meters).Select(MeterUnderTest.Name).ToList();
        var homeAssistant = new HomeAssistantOptions { ConfiguredMeters = names };
        using var janitor = new DiscoveryJanitor(homeAssistant, mqtt, TimeProvider.System);
        var start = DateTimeOffset.UtcNow;
        var meters = Enumerable.Range(1, scenario.Meters).Select(i => new MeterUnderTest(i, start, mqtt, homeAssistant, janitor, ledger, Report)).ToList();
        mqtt.Start();
        await WaitUntilAsync(() => mqtt.IsConnected, "han's connection to mosquitto").ConfigureAwait(false);

        var random = new Random(1);
        var phases = meters.Select(_ => scenario.Aligned ? TimeSpan.Zero : TimeSpan.FromSeconds(2.5 * random.NextDouble() / scenario.Speed)).ToList();
        var clock = Stopwatch.StartNew();
        ledger.EndWarmUpAt(Stopwatch.GetTimestamp() + (long)(scenario.WarmUp.TotalSeconds * Stopwatch.Frequency));
        using var feeding = new CancellationTokenSource();
        var lineStatus = scenario.LineStatus ? ReportLineStatusAsync(new LineStatusReporter([.. meters.Select(m => m.Pipeline)]), feeding.Token) : Task.CompletedTask;
        await Task.WhenAll(meters.Select((meter, i) => Task.Run(() => meter.FeedAsync(scenario, phases[i], clock)))).ConfigureAwait(false);
        await feeding.CancelAsync().ConfigureAwait(false);
        await lineStatus.ConfigureAwait(false);
        var counted = ledger.Readings.Where(r => !r.WarmUp).ToList();
        await WaitUntilAsync(() => counted.All(r => r.Acknowledged != 0), "a PUBACK for every reading's state").ConfigureAwait(false);

        foreach (var meter in meters)
        {
            await meter.FanOut.CompleteAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }

        await mqtt.CloseAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        var dropped = meters.SelectMany(m => m.FanOut.Queues).Sum(q => q.Counters.Dropped + q.Counters.Failed);
        var decoded = ledger.Readings.Count;
        var unpublished = counted.Count(r => r.Sent == 0);
        var unacknowledged = counted.Count(r => r.Acknowledged == 0);
        Console.WriteLine($"readings decoded: {decoded} ({decoded - counted.Count} in the warm-up, not counted); counted without a state PUBLISH: {unpublished}, without its PUBACK: {unacknowledged}; published more than once: {counted.Count(r => r.Publishes > 1)}");
        Console.WriteLine($"decoded -> state PUBLISH handed to the socket: {Percentiles.Describe(counted.Where(r => r.Sent != 0).Select(r => r.Sent - r.Decoded))}");
        Console.WriteLine($"decoded -> its PUBACK read (QoS 1):           {Percentiles.Describe(counted.Where(r => r.Acknowledged != 0).Select(r => r.Acknowledged - r.Decoded))}");
        Console.WriteLine($"mqtt: {mqtt.Counters}; outputs: {dropped} dropped or failed; state PUBLISHes matching no reading: {watch.Unmatched}; readings with the same key: {ledger.Collisions}");
        foreach (var text in trouble)
        {
            Console.WriteLine($"told: {text}");
        }

        foreach (var meter in meters)
        {
            await meter.DisposeAsync().ConfigureAwait(false);
        }

        await mqtt.DisposeAsync().ConfigureAwait(false);
        var failed = counted.Count == 0 || unpublished + unacknowledged > 0 || dropped > 0 || watch.Unmatched > 0 || ledger.Collisions > 0 || mqtt.Counters.Dropped > 0;
        return failed ? 1 : 0;
    }

    /// <summary>As han run's watch does: the line-status reporter ticked once a second (it sends every meter's status every 10 s, all in one tick).</summary>
    private static async Task ReportLineStatusAsync(LineStatusReporter reporter, CancellationToken stop)
    {
        using var ticks = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await ticks.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                reporter.Tick(DateTimeOffset.UtcNow);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The meters have sent their lists.
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > Patience)
            {
                Console.WriteLine($"mqtt-latency: gave up waiting for {what} after {Patience.TotalSeconds:0} s");
                return;
            }

            await Task.Delay(50).ConfigureAwait(false);
        }
    }
}
