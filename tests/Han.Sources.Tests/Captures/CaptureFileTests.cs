using System.Text;
using Han.Sources.Captures;
using Han.Sources.Live;
using Han.TestCorpus;

namespace Han.Sources.Tests.Captures;

public sealed class CaptureFileTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 20, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("han-test-").FullName;

    [Fact]
    public async Task ReadAsync_WhatWasWritten_GivesTheSameChunksWithTheirTimes()
    {
        var path = Path.Combine(_folder, "session.han");
        ReceivedChunk[] chunks =
        [
            new(RealFrames.KamstrupList2.AsMemory(0, 100), Start.AddMilliseconds(123)),
            new(RealFrames.KamstrupList2.AsMemory(100), Start.AddMilliseconds(180)),
            new(RealFrames.AidonList3, Start.AddSeconds(10)),
        ];
        using (var writer = CaptureWriter.Open(path, "tcp://pi:3001", Start))
        {
            foreach (var chunk in chunks)
            {
                writer.Write(chunk);
            }

            writer.Note(Start.AddSeconds(11), "the bridge closed the connection");
        }

        var read = await ReadAllAsync(path);

        Assert.Equal(chunks.Select(c => (Convert.ToHexString(c.Bytes.Span), c.ReceivedAt)), read.Select(c => (Convert.ToHexString(c.Bytes.Span), c.ReceivedAt)));
        var lines = File.ReadAllLines(path);
        Assert.Equal(CaptureFormat.Header, lines[0]);
        Assert.Equal("# 2026-12-01T20:00:00.000Z recording tcp://pi:3001", lines[1]);
        Assert.StartsWith("2026-12-01T20:00:00.123Z 7EA0E22B", lines[2], StringComparison.Ordinal);
        Assert.Equal("# 2026-12-01T20:00:11.000Z the bridge closed the connection", lines[^1]);
    }

    [Fact]
    public async Task Open_ExistingCapture_AddsASessionAndKeepsTheFirst()
    {
        var path = Path.Combine(_folder, "session.han");
        using (var first = CaptureWriter.Open(path, "/dev/ttyUSB0 (2400 8E1)", Start))
        {
            first.Write(new ReceivedChunk(new byte[] { 1, 2 }, Start));
        }

        using (var second = CaptureWriter.Open(path, "/dev/ttyUSB0 (2400 8E1)", Start.AddHours(1)))
        {
            second.Write(new ReceivedChunk(new byte[] { 3 }, Start.AddHours(1)));
        }

        var read = await ReadAllAsync(path);

        Assert.Equal([1, 2, 3], read.SelectMany(c => c.Bytes.ToArray()));
        Assert.Single(File.ReadAllLines(path), line => line == CaptureFormat.Header);
    }

    [Fact]
    public async Task Open_CaptureWhoseLastLineWasCutShort_StartsTheNewSessionOnALineOfItsOwn()
    {
        var path = Path.Combine(_folder, "killed.han");
        File.WriteAllText(path, CaptureFormat.Header + "\n2026-12-01T20:00:00.000Z 0102\n2026-12-01T20:00:01.000Z 7EA");

        using (var writer = CaptureWriter.Open(path, "tcp://pi:3001", Start.AddHours(1)))
        {
            writer.Write(new ReceivedChunk(new byte[] { 3 }, Start.AddHours(1)));
        }

        var read = new List<ReceivedChunk>();
        var failure = await Assert.ThrowsAsync<InvalidDataException>(async () =>
        {
            await using var file = File.OpenRead(path);
            await foreach (var chunk in CaptureReader.ReadAsync(file, CancellationToken.None))
            {
                read.Add(chunk);
            }
        });

        // Only the cut line is damaged: deleting it, as the message says, gives every other piece.
        Assert.StartsWith("capture, line 3: the bytes after the receive time are not an even number of hex digits", failure.Message, StringComparison.Ordinal);
        Assert.Equal("2026-12-01T20:00:01.000Z 7EA", File.ReadAllLines(path)[2]);
        Assert.Equal("# 2026-12-01T21:00:00.000Z recording tcp://pi:3001", File.ReadAllLines(path)[3]);
        Assert.Equal([1, 2], read.SelectMany(c => c.Bytes.ToArray()));
    }

    [Fact]
    public void Open_ExistingFileThatIsNotACapture_IsRefusedAndLeftAsItWas()
    {
        var path = Path.Combine(_folder, "capture.hex");
        File.WriteAllText(path, "7E A0 E2");

        var refusal = Assert.Throws<IOException>(() => CaptureWriter.Open(path, "tcp://pi:3001", Start));

        Assert.Equal($"{path} exists and is not a han capture, so han will not write into it; give a new file name", refusal.Message);
        Assert.Equal("7E A0 E2", File.ReadAllText(path));
    }

    [Theory]
    [InlineData("2026-12-01T20:00:00Z 7EA0\nnot a line\n", "capture, line 3: expected a receive time")]
    [InlineData("2026-12-01T20:00:00.5Z 7EA\n", "capture, line 2: the bytes after the receive time are not an even number of hex digits")]
    public async Task ReadAsync_DamagedLine_SaysWhichAfterEveryChunkBeforeIt(string body, string expected)
    {
        var path = Path.Combine(_folder, "damaged.han");
        File.WriteAllText(path, CaptureFormat.Header + "\n" + body);
        var read = new List<ReceivedChunk>();

        var failure = await Assert.ThrowsAsync<InvalidDataException>(async () =>
        {
            await using var file = File.OpenRead(path);
            await foreach (var chunk in CaptureReader.ReadAsync(file, CancellationToken.None))
            {
                read.Add(chunk);
            }
        });

        Assert.StartsWith(expected, failure.Message, StringComparison.Ordinal);
        Assert.Equal(body.Count(c => c == '\n') - 1, read.Count);
    }

    [Theory]
    [InlineData("# han capture 1\n", true)]
    [InlineData("\uFEFF# han capture 1\n", true)]
    [InlineData("# a comment\n7E A0", false)]
    [InlineData("7EA0E22B", false)]
    public void IsCapture_FirstBytes_TellACaptureFromOtherInput(string start, bool expected)
    {
        Assert.Equal(expected, CaptureFormat.IsCapture(Encoding.UTF8.GetBytes(start)));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<List<ReceivedChunk>> ReadAllAsync(string path)
    {
        await using var file = File.OpenRead(path);
        var chunks = new List<ReceivedChunk>();
        await foreach (var chunk in CaptureReader.ReadAsync(file, CancellationToken.None))
        {
            chunks.Add(chunk);
        }

        return chunks;
    }
}
