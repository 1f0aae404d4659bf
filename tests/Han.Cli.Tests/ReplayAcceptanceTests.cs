using System.Text.Json;
using Han.TestCorpus.Servers;

namespace Han.Cli.Tests;

/// <summary>
/// Issue 8's acceptance, with real processes and sockets: a simulated meter served on TCP is recorded,
/// and its capture decoded, replayed into han decode and served to han listen gives the readings the
/// meter sent every way; decoding the capture gives the times its pieces were received.
/// </summary>
public sealed class ReplayAcceptanceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("han-test-").FullName;

    [Fact]
    public async Task RecordedSimulation_DecodedReplayedOrServed_GivesTheReadingsTheMeterSentEveryWay()
    {
        string[] meter = ["--meter", "kamstrup", "--duration", "3m", "--start", SimulateCommandTests.Start, "--seed", "4"];
        var sent = await SimulateCommandTests.RunAsync(["simulate", .. meter, "--speed", "max"]);
        var expected = (await HanRunner.Run(sent.Stdout, "decode", "--format", "json", "-")).Readings;
        var capture = Path.Combine(_folder, "session.han");

        // The meter on TCP at 60 times real time (its three minutes in three seconds), recorded.
        var meterPort = LoopbackPort.Free();
        var recorded = await Shell.Run(ServeAndRead(
            $"\"$HAN\" simulate {string.Join(' ', meter)} --speed 60 --serve tcp://127.0.0.1:{meterPort}",
            $"\"$HAN\" record tcp://127.0.0.1:{meterPort} --output session.han"), _folder);
        Assert.Contains("server exit 0", recorded.Stderr, StringComparison.Ordinal);

        // The capture decoded, read as a file by listen, replayed into decode, and replayed on TCP to listen.
        var decoded = (await HanRunner.Run("decode", "--format", "json", capture)).Readings;
        var listenedToFile = (await HanRunner.Run("listen", "--format", "json", capture)).Readings;
        var replayed = await Shell.Run("\"$HAN\" replay session.han --speed max | \"$HAN\" decode --format json -", _folder);
        var replayPort = LoopbackPort.Free();
        var served = await Shell.Run(ServeAndRead(
            $"\"$HAN\" replay session.han --speed max --serve tcp://127.0.0.1:{replayPort}",
            $"\"$HAN\" listen tcp://127.0.0.1:{replayPort} --format json"), _folder);
        Assert.Contains("server exit 0", served.Stderr, StringComparison.Ordinal);

        Assert.Equal(19, expected.Count); // every 10 s for three minutes, and the hourly list at 10:00:05
        Assert.Equal(expected.Select(WithoutReceived), decoded.Select(WithoutReceived));
        Assert.Equal(decoded.Select(reading => reading.GetRawText()), listenedToFile.Select(reading => reading.GetRawText()));
        var fromStandardInput = ReadingsOf(replayed.Stdout);
        Assert.Equal(expected.Select(WithoutReceived), fromStandardInput.Select(WithoutReceived));
        Assert.DoesNotContain(fromStandardInput, reading => reading.TryGetProperty("received", out _));
        var fromTcp = ReadingsOf(served.Stdout);
        Assert.Equal(expected.Select(WithoutReceived), fromTcp.Select(WithoutReceived));

        // Decoded, each reading has the recorded time of the piece that completed its frame; served
        // again, the time it arrived from the replay, after everything recorded.
        var pieceTimes = File.ReadLines(capture).Where(line => line.Length > 0 && line[0] != '#').Select(line => line[..line.IndexOf(' ', StringComparison.Ordinal)]).ToList();
        var decodedTimes = decoded.Select(Received).ToList();
        Assert.All(decodedTimes, time => Assert.Contains(time, pieceTimes));
        Assert.Equal(decodedTimes.Order(StringComparer.Ordinal), decodedTimes);
        Assert.Equal(pieceTimes[^1], decodedTimes[^1]);
        Assert.All(fromTcp, reading => Assert.True(string.CompareOrdinal(Received(reading), pieceTimes[^1]) > 0, Received(reading)));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// A script: <paramref name="server"/> (a han command with --serve) in the background; once it serves,
    /// <paramref name="reader"/> (a han command reading that address), until the server has ended and the
    /// reader has seen it close the connection; then the reader is stopped with SIGTERM (a background job
    /// of a script ignores SIGINT). The reader's standard output is the script's; the server's exit code
    /// and both standard errors go to its standard error.
    /// </summary>
    private static string ServeAndRead(string server, string reader) => $"""
        {server} 2> server.err & server=$!
        until grep -q 'serving on' server.err || ! kill -0 $server 2> /dev/null; do sleep 0.05; done
        {reader} 2> reader.err & reader=$!
        wait $server; echo "server exit $?" >&2
        until grep -q 'closed the connection' reader.err || ! kill -0 $reader 2> /dev/null; do sleep 0.05; done
        kill -TERM $reader; wait $reader
        cat server.err reader.err >&2
        """;

    private static List<JsonElement> ReadingsOf(string jsonLines) => [.. new HanResult(0, jsonLines, string.Empty).Readings];

    private static string Received(JsonElement reading) => reading.GetProperty("received").GetString()!;

    /// <summary>The reading as JSON without its receive time, which differs where the bytes were received again.</summary>
    private static string WithoutReceived(JsonElement reading) =>
        string.Join(",", reading.EnumerateObject().Where(value => value.Name != "received").Select(value => $"{value.Name}:{value.Value.GetRawText()}"));
}
