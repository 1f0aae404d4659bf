using Han.Pipeline;
using Han.Protocol;
using Han.Readings;

namespace Han.Cli.Live;

/// <summary>What a live reader has seen so far, for its one-line status: readings, the last one's time, the source's state.</summary>
internal sealed class LiveStatus : DecodeObserver
{
    public long Readings { get; private set; }

    public DateTimeOffset? LastReading { get; private set; }

    public string SourceState { get; set; } = "starting";

    public override void OnReading(MeterReading reading, long offset)
    {
        Readings++;
        LastReading = reading.Received ?? LastReading;
    }

    /// <summary><c>connected · 12 readings · 14 frames · 0 checksum errors · 0 bytes skipped · last reading 3 s ago</c>.</summary>
    public string Describe(DecodeCounters counters, DateTimeOffset now)
    {
        var framing = counters.Framing;
        var last = LastReading is { } at ? $"last reading {Age(now - at)} ago" : "no reading yet";
        return $"{SourceState} · {Readings} readings · {framing.Frames} frames · {framing.ChecksumErrors} checksum errors · {framing.DiscardedBytes} bytes skipped · {last}";
    }

    private static string Age(TimeSpan age) => age.TotalSeconds switch
    {
        < 1 => "<1 s",
        < 120 => $"{age.TotalSeconds:0} s",
        < 7200 => $"{age.TotalMinutes:0} min",
        _ => $"{age.TotalHours:0} h",
    };
}
