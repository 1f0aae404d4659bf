using System.Text.Json;
using Han.Cli.Service.Sinks;
using Han.Live;
using Han.Live.Fanout;
using Han.Pipeline;
using Han.Readings;
using Han.Sources.Captures;
using Han.TestCorpus;

namespace Han.Cli.Tests.Service;

/// <summary>The file outputs of <c>han run</c> on real files (issue 8, point 9).</summary>
public sealed class SinkTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 12, 0, 10, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("han-sinks-").FullName;

    [Fact]
    public async Task JsonLines_FileWhoseLastLineWasCut_StartsTheNextReadingOnALineOfItsOwn()
    {
        var path = Path.Combine(_folder, "house.jsonl");
        await File.WriteAllTextAsync(path, "{\"meter\":\"house\",\"active_po");
        var reading = Reading();
        await using (var sink = new JsonLinesSink(path, "house"))
        {
            await sink.WriteAsync(reading, CancellationToken.None);
            await sink.FlushAsync(CancellationToken.None);
        }

        var lines = await File.ReadAllLinesAsync(path);
        Assert.Equal(2, lines.Length);
        using var json = JsonDocument.Parse(lines[1]);
        Assert.Equal("house", json.RootElement.GetProperty("meter").GetString());
        Assert.Equal(reading.Reading.Reading[ReadingField.ActivePowerImport], json.RootElement.GetProperty("active_power_import").GetDecimal());
    }

    [Fact]
    public async Task JsonLines_FolderMissing_FailsWithTheReasonAndWritesOnceTheFolderExists()
    {
        var folder = Path.Combine(_folder, "later");
        var path = Path.Combine(folder, "house.jsonl");
        await using var sink = new JsonLinesSink(path, "house");

        var failure = await Assert.ThrowsAsync<IOException>(async () => await sink.WriteAsync(Reading(), CancellationToken.None));
        Directory.CreateDirectory(folder);
        await sink.WriteAsync(Reading(), CancellationToken.None);
        await sink.FlushAsync(CancellationToken.None);

        Assert.StartsWith("cannot write: Could not find a part of the path", failure.Message, StringComparison.Ordinal);
        Assert.Single(await File.ReadAllLinesAsync(path));
    }

    [Fact]
    public async Task Capture_BytesAndNotes_AreACaptureThatReadsBackAsTheBytesWithTheirTimes()
    {
        var path = Path.Combine(_folder, "house.han");
        var frame = RealFrames.KamstrupList2;
        await using (var sink = new CaptureSink(path, "tcp://pi:3001", TimeProvider.System))
        {
            await sink.WriteAsync(new BytesReceived("house", At, frame.AsMemory(0, 40)), CancellationToken.None);
            await sink.WriteAsync(new LineNote("house", At.AddSeconds(1), "disconnected from tcp://pi:3001", NoteLevel.Warning), CancellationToken.None);
            await sink.WriteAsync(new BytesReceived("house", At.AddSeconds(2), frame.AsMemory(40)), CancellationToken.None);
        }

        await using var capture = File.OpenRead(path);
        var chunks = new List<(DateTimeOffset At, byte[] Bytes)>();
        await foreach (var chunk in CaptureReader.ReadAsync(capture, CancellationToken.None))
        {
            chunks.Add((chunk.ReceivedAt, chunk.Bytes.ToArray()));
        }

        Assert.Equal([At, At.AddSeconds(2)], chunks.Select(c => c.At));
        Assert.Equal(frame, chunks.SelectMany(c => c.Bytes));
        Assert.Contains("disconnected from tcp://pi:3001", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Capture_PathHoldsAnotherKindOfFile_FailsSayingSoAndLeavesItAlone()
    {
        var path = Path.Combine(_folder, "notes.txt");
        await File.WriteAllTextAsync(path, "my notes");
        await using var sink = new CaptureSink(path, "tcp://pi:3001", TimeProvider.System);

        var failure = await Assert.ThrowsAsync<IOException>(async () => await sink.WriteAsync(new BytesReceived("house", At, new byte[] { 0x7E }), CancellationToken.None));

        Assert.Contains("is not a han capture", failure.Message, StringComparison.Ordinal);
        Assert.Equal("my notes", await File.ReadAllTextAsync(path));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static ReadingMade Reading()
    {
        var collector = new Collector();
        using (var decoder = new StreamDecoder(collector, Country.Norway))
        {
            decoder.Add(RealFrames.KamstrupList2, At);
            decoder.End();
        }

        var live = new MeterState(new MeterStateOptions()).Add(Assert.Single(collector.Readings));
        return new ReadingMade("house", At, live);
    }

    private sealed class Collector : DecodeObserver
    {
        public List<MeterReading> Readings { get; } = [];

        public override void OnReading(MeterReading reading, long offset) => Readings.Add(reading);
    }
}
