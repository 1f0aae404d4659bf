using System.Collections.Concurrent;
using Han.Cli.Configuration;
using Han.Cli.Io;
using Han.Cli.Service;
using Han.Live.Fanout;
using Han.Readings;
using Han.Sources.Live;

namespace Han.Cli.Tests.Service;

/// <summary>The line status of <c>han run</c>'s meters: every 10 s each, spread over the 10 s, and at once when a line's state changes.</summary>
public sealed class LineStatusReporterTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 6, 0, 3, 250, TimeSpan.Zero);

    [Fact]
    public async Task Tick_TwentyMetersForTwentySeconds_SendsEachEveryTenSecondsButNeverAllInOneTick()
    {
        var statuses = new StatusSink();
        var meters = Enumerable.Range(1, 20).Select(i => Meter($"m{i}", statuses)).ToList();
        var reporter = new LineStatusReporter(meters);

        for (var second = 0; second <= 20; second++)
        {
            reporter.Tick(Start.AddSeconds(second));
        }

        await Task.WhenAll(meters.Select(m => m.FanOut.CompleteAsync(TimeSpan.FromSeconds(10))));
        var perTick = statuses.Sent.GroupBy(s => s.At).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(20, perTick[Start]); // the first status of every meter at once
        Assert.All(perTick.Where(t => t.Key > Start), tick => Assert.True(tick.Value <= 2, $"{tick.Value} statuses at {tick.Key:O}"));
        Assert.All(statuses.Sent.GroupBy(s => s.Meter), meter => Assert.Equal(3, meter.Count())); // the first, then one every 10 s
    }

    [Fact]
    public async Task Tick_StateChangesWithinThePeriod_SendsTheNewStateAtOnce()
    {
        var statuses = new StatusSink();
        var meter = Meter("house", statuses);
        var reporter = new LineStatusReporter([meter]);

        reporter.Tick(Start);
        reporter.Tick(Start.AddSeconds(1));
        meter.Stats.State = "unavailable";
        reporter.Tick(Start.AddSeconds(2));
        reporter.Tick(Start.AddSeconds(3));
        await meter.FanOut.CompleteAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([("connected", Start), ("unavailable", Start.AddSeconds(2))], statuses.Sent.Select(s => (s.State, s.At)));
    }

    private static MeterPipeline Meter(string name, StatusSink statuses)
    {
        Assert.True(SourceAddress.TryParse("tcp://127.0.0.1:3001", out var address, out _));
        var fanOut = new MeterFanOut([new QueuedSink(statuses, 100, (_, _) => { })]);
        return new MeterPipeline(new MeterConfiguration(name, address!, null, Country.Norway, 1, null, null), fanOut, new MeterStats { State = "connected" }, new StandardStreams(() => Stream.Null, Stream.Null, TextWriter.Null), TimeProvider.System);
    }

    /// <summary>Every meter's statuses, from every meter's queue (hence a concurrent collection).</summary>
    private sealed class StatusSink : IMeterSink
    {
        private readonly ConcurrentQueue<LineStatus> _sent = new();

        public IReadOnlyCollection<LineStatus> Sent => _sent;

        public string Name => "statuses";

        public bool Accepts(MeterEvent item) => item is LineStatus;

        public ValueTask WriteAsync(MeterEvent item, CancellationToken cancellationToken)
        {
            _sent.Enqueue((LineStatus)item);
            return ValueTask.CompletedTask;
        }

        public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
