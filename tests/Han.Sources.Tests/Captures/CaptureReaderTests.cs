using System.Text;
using Han.Pipeline;
using Han.Sources.Captures;
using Han.Sources.Live;
using Han.TestCorpus;

namespace Han.Sources.Tests.Captures;

/// <summary>Reading a capture line by line: pieces, sessions, damaged and overlong lines, and the capture as a plain byte stream.</summary>
public sealed class CaptureReaderTests
{
    private const string Capture = """
        # han capture 1
        # 2026-12-01T20:00:00.000Z recording tcp://pi:3001
        2026-12-01T20:00:00.123Z 7EA0
        2026-12-01T20:00:00.180Z e22b
        # 2026-12-01T20:00:05.000Z tcp://pi:3001: the bridge closed the connection; trying again in 1 s
        2026-12-01T20:00:07.5Z 01
        # 2026-12-02T06:00:00.000Z recording tcp://pi:3001
        2026-12-02T06:00:00.2Z 02

        """;

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task ReadPiecesAsync_AnyReadSize_GivesEachPieceWithItsTimeAndWhereSessionsStart(int readSize)
    {
        var pieces = await ReadAllAsync(new Trickle(Encoding.ASCII.GetBytes(Capture), readSize));

        Assert.Equal(["7EA0", "E22B", "01", "02"], pieces.Select(piece => Convert.ToHexString(piece.Chunk.Bytes.Span)));
        Assert.Equal(
            [At("2026-12-01T20:00:00.123"), At("2026-12-01T20:00:00.180"), At("2026-12-01T20:00:07.500"), At("2026-12-02T06:00:00.200")],
            pieces.Select(piece => piece.Chunk.ReceivedAt));
        Assert.Equal([true, false, false, true], pieces.Select(piece => piece.StartsSession));
    }

    [Fact]
    public async Task ReadChunksAsync_LaterSession_ItsFirstPieceFollowsABreak()
    {
        var chunks = new List<ReceivedChunk>();
        await foreach (var chunk in CaptureReader.ReadAsync(new MemoryStream(Encoding.ASCII.GetBytes(Capture)), CancellationToken.None))
        {
            chunks.Add(chunk);
        }

        // The first session's start follows nothing; a bridge's reconnect inside a session is only a comment.
        Assert.Equal([false, false, false, true], chunks.Select(chunk => chunk.AfterBreak));
    }

    [Fact]
    public async Task ReadPiecesAsync_WindowsLineEndsAndNoLastLineEnd_AreRead()
    {
        var pieces = await ReadAllAsync(new MemoryStream(Encoding.UTF8.GetBytes("\uFEFF# han capture 1\r\n2026-12-01T20:00:00Z 7E\r\n2026-12-01T20:00:01Z 7F")));

        Assert.Equal(["7E", "7F"], pieces.Select(piece => Convert.ToHexString(piece.Chunk.Bytes.Span)));
    }

    [Fact]
    public async Task ReadPiecesAsync_StrayCharacter_NamesItsLineAndColumnAfterEveryPieceBeforeIt()
    {
        var reader = new CaptureReader(new MemoryStream(Encoding.ASCII.GetBytes("# han capture 1\n2026-12-01T20:00:00Z 7E\n2026-12-01T20:00:01Z 7EXA\n2026-12-01T20:00:02Z 7E\n")));

        Assert.NotNull(await reader.ReadPieceAsync(CancellationToken.None));
        var failure = await Assert.ThrowsAsync<InvalidDataException>(() => reader.ReadPieceAsync(CancellationToken.None).AsTask());

        Assert.StartsWith("capture, line 3, column 24: 'X' is not a hex digit; correct or delete that line", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadPiecesAsync_LineLongerThanAnyRead_IsRefusedWithoutReadingItAll()
    {
        var endless = new Endless(Encoding.ASCII.GetBytes("# han capture 1\n2026-12-01T20:00:00Z "), (byte)'7');
        var reader = new CaptureReader(endless);

        var failure = await Assert.ThrowsAsync<InvalidDataException>(() => reader.ReadPieceAsync(CancellationToken.None).AsTask());

        Assert.StartsWith("capture, line 2: longer than 1 MiB without a line end", failure.Message, StringComparison.Ordinal);
        Assert.InRange(endless.Given, CaptureReader.MaxLineLength, 3L * CaptureReader.MaxLineLength);
    }

    [Fact]
    public void CaptureStream_ReadAsBytes_GivesThePiecesOneAfterAnother()
    {
        using var stream = new CaptureStream(new MemoryStream(Encoding.ASCII.GetBytes(Capture)));
        using var bytes = new MemoryStream();

        stream.CopyTo(bytes, 3);

        Assert.Equal(Convert.FromHexString("7EA0E22B0102"), bytes.ToArray());
    }

    [Fact]
    public async Task OpenAsync_CaptureWhateverItsName_IsRecognisedByItsFirstLine()
    {
        await using var opened = await InputOpener.OpenAsync(new MemoryStream(Encoding.UTF8.GetBytes("\uFEFF" + Capture)));

        var capture = Assert.IsType<CaptureStream>(opened);
        var chunks = new List<ReceivedChunk>();
        await foreach (var chunk in capture.Pieces.ReadChunksAsync(CancellationToken.None))
        {
            chunks.Add(chunk);
        }

        Assert.Equal(4, chunks.Count);
        Assert.Equal(At("2026-12-01T20:00:00.123"), chunks[0].ReceivedAt);
    }

    [Fact]
    public async Task OpenAsync_CaptureOfARealList_DecodesWithTheRecordedTimes()
    {
        var list = RealFrames.KamstrupList2;
        var text = $"# han capture 1\n2026-12-01T20:00:00.100Z {Convert.ToHexString(list.AsSpan(0, 50))}\n2026-12-01T20:00:00.150Z {Convert.ToHexString(list.AsSpan(50))}\n";
        await using var opened = await InputOpener.OpenAsync(new MemoryStream(Encoding.ASCII.GetBytes(text)));
        var readings = new ReadingsSeen();
        using var decoder = new StreamDecoder(readings, DecoderOptions.Default);

        await foreach (var chunk in ((CaptureStream)opened).Pieces.ReadChunksAsync(CancellationToken.None))
        {
            decoder.Add(chunk.Bytes.Span, chunk.ReceivedAt);
        }

        decoder.End();
        Assert.Equal([At("2026-12-01T20:00:00.150")], readings.Received);
    }

    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc + "Z", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<List<CapturePiece>> ReadAllAsync(Stream capture)
    {
        var pieces = new List<CapturePiece>();
        await foreach (var piece in new CaptureReader(capture).ReadPiecesAsync(CancellationToken.None))
        {
            pieces.Add(piece);
        }

        return pieces;
    }

    private sealed class ReadingsSeen : DecodeObserver
    {
        public List<DateTimeOffset?> Received { get; } = [];

        public override void OnReading(Han.Readings.MeterReading reading, long offset) => Received.Add(reading.Received);
    }

    /// <summary>A pipe that hands over at most a few bytes a read.</summary>
    private sealed class Trickle(byte[] bytes, int readSize) : ReadOnlyStream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override int Read(Span<byte> buffer) => _inner.Read(buffer[..Math.Min(readSize, buffer.Length)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            _inner.ReadAsync(buffer[..Math.Min(readSize, buffer.Length)], cancellationToken);
    }

    /// <summary>A start, then one byte for ever: counts what was taken.</summary>
    private sealed class Endless(byte[] start, byte fill) : ReadOnlyStream
    {
        public long Given { get; private set; }

        public override int Read(Span<byte> buffer)
        {
            var fromStart = (int)Math.Max(0, Math.Min(buffer.Length, start.Length - Given));
            start.AsSpan((int)Math.Min(Given, start.Length), fromStart).CopyTo(buffer);
            buffer[fromStart..].Fill(fill);
            Given += buffer.Length;
            return buffer.Length;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));
    }
}
