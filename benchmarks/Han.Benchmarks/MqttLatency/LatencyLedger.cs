using System.Collections.Concurrent;
using System.Diagnostics;
using Han.Readings;

namespace Han.Benchmarks.MqttLatency;

/// <summary>
/// One reading's times on the way through han run's pipeline (<see cref="Stopwatch"/> ticks): when the
/// decoder handed it on, when the first state PUBLISH carrying it went to the socket, and when the
/// broker's PUBACK for that PUBLISH came back.
/// </summary>
internal sealed class ReadingTimes(long decoded, bool warmUp)
{
    public long Decoded { get; } = decoded;

    /// <summary>Decoded while the harness was still warming up (JIT, first connections): not in the figures.</summary>
    public bool WarmUp { get; } = warmUp;

    public long Sent { get; set; }

    public long Acknowledged { get; set; }

    /// <summary>How many state PUBLISHes carried this reading (more than one when a republish followed it).</summary>
    public int Publishes { get; set; }
}

/// <summary>
/// The readings of a run by meter and receive time (the <c>received</c> a state message carries, to the
/// millisecond, <see cref="ReceiveTime"/>), so that a PUBLISH seen on the socket finds the reading it
/// carries without any help from han's own code.
/// </summary>
internal sealed class LatencyLedger
{
    private readonly ConcurrentDictionary<string, ReadingTimes> _readings = new(StringComparer.Ordinal);
    private long _warmUpEnds = long.MaxValue;
    private long _collisions;

    /// <summary>A snapshot of the readings so far.</summary>
    public ICollection<ReadingTimes> Readings => _readings.Values;

    /// <summary>Readings whose key was taken already: the run cannot tell them apart, so it fails.</summary>
    public long Collisions => Interlocked.Read(ref _collisions);

    public void EndWarmUpAt(long timestamp) => Interlocked.Exchange(ref _warmUpEnds, timestamp);

    public static string Key(string meter, string received) => meter + "|" + received;

    public void Decoded(string meter, DateTimeOffset received, long timestamp)
    {
        var times = new ReadingTimes(timestamp, timestamp < Interlocked.Read(ref _warmUpEnds));
        if (!_readings.TryAdd(Key(meter, ReceiveTime.ToText(received)), times))
        {
            Interlocked.Increment(ref _collisions);
        }
    }

    public ReadingTimes? Find(string key) => _readings.GetValueOrDefault(key);
}
