using Han.Cli.Configuration;
using Han.Cli.Io;
using Han.Cli.Service;
using Han.Integrations.Mqtt;
using Han.Live.Fanout;
using Han.Readings;
using Han.Sources.Live;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Han.Cli.Tests.Service;

/// <summary>The watch of <c>han run</c>: a meter that goes quiet is told once, and told again when it comes back; the summaries.</summary>
public sealed class MeterWatchTests
{
    [Fact]
    public async Task WatchSilence_AMinuteWithoutAReadingThenOneAgain_TellsEachChangeOnce()
    {
        var notes = new NoteSink();
        var fanOut = new MeterFanOut([new QueuedSink(notes, 100, (_, _) => { })]);
        var stats = new MeterStats { State = "connected" };
        Assert.True(SourceAddress.TryParse("tcp://127.0.0.1:3001", out var address, out _));
        var meter = new MeterPipeline(new MeterConfiguration("house", address!, null, Country.Norway, 1, null, null), fanOut, stats, new StandardStreams(() => Stream.Null, Stream.Null, TextWriter.Null), TimeProvider.System);
        var watch = new MeterWatch([meter], NullLoggerFactory.Instance, new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance), TimeProvider.System);
        var start = DateTimeOffset.UtcNow;

        watch.WatchSilence(start.AddSeconds(30));
        watch.WatchSilence(start.AddSeconds(61));
        watch.WatchSilence(start.AddSeconds(90)); // still quiet: said already
        stats.CountReading(start.AddSeconds(95));
        watch.WatchSilence(start.AddSeconds(96));
        watch.WatchSilence(start.AddSeconds(100));
        await fanOut.CompleteAsync(TimeSpan.FromSeconds(10));

        Assert.Collection(
            notes.Texts,
            quiet => Assert.StartsWith("no reading yet for 61 s (the line is connected); check the cable and that the meter's HAN port is open", quiet, StringComparison.Ordinal),
            back => Assert.Equal("readings again", back));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Summarise_Hourly_HasTheMqttCountersOnlyWithABroker(bool broker)
    {
        using var log = new StringWriter();
        using var logs = new LoggerFactory([new ServiceLoggerProvider(log, journal: true, TimeProvider.System)]);
        Assert.True(SourceAddress.TryParse("tcp://127.0.0.1:3001", out var address, out _));
        var meter = new MeterPipeline(new MeterConfiguration("house", address!, null, Country.Norway, 1, null, null), new MeterFanOut([]), new MeterStats(), new StandardStreams(() => Stream.Null, Stream.Null, TextWriter.Null), TimeProvider.System);
        var watch = new MeterWatch([meter], logs, new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance), TimeProvider.System, broker ? new MqttCounters() : null);

        watch.Summarise("hourly");

        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("<6>house: hourly totals: 0 readings", lines[0], StringComparison.Ordinal);
        if (broker)
        {
            Assert.Equal(2, lines.Length);
            Assert.Equal("<6>mqtt: hourly totals: 0 published, 0 dropped (queue full), 0 refused by the broker, 0 connections in 0 attempts", lines[1]);
        }
        else
        {
            Assert.Single(lines);
        }
    }

    private sealed class NoteSink : IMeterSink
    {
        public List<string> Texts { get; } = [];

        public string Name => "notes";

        public bool Accepts(MeterEvent item) => item is LineNote;

        public ValueTask WriteAsync(MeterEvent item, CancellationToken cancellationToken)
        {
            Texts.Add(((LineNote)item).Text);
            return ValueTask.CompletedTask;
        }

        public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
