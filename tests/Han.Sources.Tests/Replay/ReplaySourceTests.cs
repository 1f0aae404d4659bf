using System.Text;
using Han.Sources.Live;
using Han.Sources.Replay;
using Han.Sources.Serving;
using Han.TestCorpus.Clocks;

namespace Han.Sources.Tests.Replay;

/// <summary>Replay pacing, on a clock that jumps instead of waiting: every time is exactly what a real clock would show.</summary>
public sealed class ReplaySourceTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 5, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Pieces at 0, 0.25 s and 10.125 s of a session, and one of a session begun ten hours later.</summary>
    private const string Capture = """
        # han capture 1
        # 2026-12-01T20:00:00.000Z recording tcp://pi:3001
        2026-12-01T20:00:00.100Z 01
        2026-12-01T20:00:00.350Z 02
        # 2026-12-01T20:00:05.000Z tcp://pi:3001: the bridge closed the connection; trying again in 1 s
        2026-12-01T20:00:10.225Z 03
        # 2026-12-02T06:00:00.000Z recording tcp://pi:3001
        2026-12-02T06:00:02.000Z 04
        2026-12-02T06:00:01.000Z 05
        2026-12-02T06:00:03.000Z 06

        """;

    [Fact]
    public async Task ReadAsync_CaptureAtSpeed10_PlaysEachPieceATenthOfItsRecordedDelayAfterTheLast()
    {
        var clock = new JumpingClock(Now);

        var played = await PlayAsync(Capture, new Pace(10), clock);

        Assert.Equal(["01", "02", "03", "04", "05", "06"], played.Select(chunk => Convert.ToHexString(chunk.Bytes.Span)));
        // The night between the sessions is not played; the clock set back (05) is no wait, and 06 is 2 s after 05.
        AssertPlayedAt([0, 25, 1012.5, 1012.5, 1012.5, 1212.5], played);
    }

    [Fact]
    public async Task ReadAsync_CaptureAtRecordedPace_TakesAsLongAsTheRecording()
    {
        var clock = new JumpingClock(Now);

        var played = await PlayAsync(Capture, Pace.RealTime, clock);

        AssertPlayedAt([0, 250, 10_125, 10_125, 10_125, 12_125], played);
    }

    [Fact]
    public async Task ReadAsync_AtMaxSpeed_WaitsForNothing()
    {
        var clock = new JumpingClock(Now);

        var played = await PlayAsync(Capture, Pace.Max, clock);

        Assert.Equal(6, played.Count);
        Assert.Equal(TimeSpan.Zero, clock.Elapsed);
    }

    [Fact]
    public async Task ReadAsync_BytesWithoutTimes_ArePlayedAtTheLineSpeedOf2400Baud8E1()
    {
        var clock = new JumpingClock(Now);
        var bytes = new byte[150];
        new Random(3).NextBytes(bytes);

        var played = await PlayAsync(bytes, Pace.RealTime, clock);

        Assert.Equal(bytes, played.SelectMany(chunk => chunk.Bytes.ToArray()));
        Assert.Equal([64, 64, 22], played.Select(chunk => chunk.Bytes.Length));
        // 11 bits a byte at 2400 bit/s: a piece is due when its last byte is in.
        AssertPlayedAt([64 * 11 / 2.4, 128 * 11 / 2.4, 150 * 11 / 2.4], played);
    }

    [Fact]
    public async Task ReadAsync_Loop_StartsAgainRightAfterTheEndAndKeepsThePace()
    {
        var clock = new JumpingClock(Now);
        var source = new ReplaySource(_ => Task.FromResult(Open(Capture)), "capture.han", new Pace(10), loop: true, clock);
        var played = new List<ReceivedChunk>();

        await foreach (var chunk in source.ReadAsync(CancellationToken.None))
        {
            played.Add(chunk);
            if (played.Count == 14)
            {
                break;
            }
        }

        Assert.Equal(3, source.Rounds);
        Assert.Equal(played.Take(6).Select(Hex), played.Skip(6).Take(6).Select(Hex));
        AssertPlayedAt([1212.5, 1212.5 + 25], played[6..8]);
        AssertPlayedAt([(2 * 1212.5) + 25], played[13..]);
    }

    [Fact]
    public async Task ReadAsync_LoopOverNothing_SaysThereIsNothingToPlayInsteadOfSpinning()
    {
        var source = new ReplaySource(_ => Task.FromResult(Open("# han capture 1\n# only a comment\n")), "empty.han", Pace.Max, loop: true, new JumpingClock(Now));

        var failure = await Assert.ThrowsAsync<InvalidDataException>(async () =>
        {
            await foreach (var chunk in source.ReadAsync(CancellationToken.None))
            {
            }
        });

        Assert.Equal("empty.han holds no bytes, so there is nothing to play again and again", failure.Message);
    }

    [Fact]
    public async Task ReadAsync_DamagedLine_PlaysEveryPieceBeforeItThenSaysWhich()
    {
        var played = new List<ReceivedChunk>();
        var source = new ReplaySource(_ => Task.FromResult(Open("# han capture 1\n2026-12-01T20:00:00Z 0102\n2026-12-01T20:00:01Z 03\nnot a line\n")), "damaged.han", Pace.Max, loop: false, new JumpingClock(Now));

        var failure = await Assert.ThrowsAsync<InvalidDataException>(async () =>
        {
            await foreach (var chunk in source.ReadAsync(CancellationToken.None))
            {
                played.Add(chunk);
            }
        });

        Assert.Equal(2, played.Count);
        Assert.StartsWith("capture, line 4: expected a receive time", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Each piece was played when due, in milliseconds after the start. A delay is kept to the whole
    /// millisecond (Task.Delay's resolution), so a piece may leave up to 1 ms early, never late; since
    /// every wait is measured from the start, that never adds up.
    /// </summary>
    private static void AssertPlayedAt(double[] milliseconds, List<ReceivedChunk> played)
    {
        Assert.Equal(milliseconds.Length, played.Count);
        foreach (var (due, chunk) in milliseconds.Zip(played))
        {
            Assert.InRange((chunk.ReceivedAt - Now).TotalMilliseconds, due - 1, due);
        }
    }

    private static string Hex(ReceivedChunk chunk) => Convert.ToHexString(chunk.Bytes.Span);

    private static Stream Open(string capture) => InputOpener.OpenAsync(new MemoryStream(Encoding.ASCII.GetBytes(capture))).GetAwaiter().GetResult();

    private static Task<List<ReceivedChunk>> PlayAsync(string capture, Pace pace, TimeProvider clock) =>
        PlayAsync(new ReplaySource(_ => Task.FromResult(Open(capture)), "capture.han", pace, loop: false, clock));

    private static Task<List<ReceivedChunk>> PlayAsync(byte[] bytes, Pace pace, TimeProvider clock) =>
        PlayAsync(new ReplaySource(cancellation => InputOpener.OpenAsync(new MemoryStream(bytes), cancellation), "raw.bin", pace, loop: false, clock));

    private static async Task<List<ReceivedChunk>> PlayAsync(ReplaySource source)
    {
        var played = new List<ReceivedChunk>();
        await foreach (var chunk in source.ReadAsync(CancellationToken.None))
        {
            played.Add(chunk);
        }

        return played;
    }
}
