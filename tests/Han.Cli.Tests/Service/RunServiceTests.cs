using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Han.TestCorpus.Servers;

namespace Han.Cli.Tests.Service;

/// <summary>
/// <c>han run</c> as a real process with two simulated meters, one Aidon over TCP (as ser2net serves a
/// line) and one Kamstrup on a real socat pseudo-terminal, both with damaged frames (issue 8, point 9
/// and its acceptance): every intact list the simulators sent is in the JSON-lines output, and the
/// final totals account for the damaged ones.
/// </summary>
public sealed partial class RunServiceTests : IDisposable
{
    private const string Start = "2026-12-01T11:55:00+01:00";
    private const string Faults = "bad-crc:0.05,truncated:0.05,garbage:0.05";
    private readonly string _folder = Directory.CreateTempSubdirectory("han-run-").FullName;

    [Fact]
    public async Task Run_TwoSimulatedMetersWithFaults_WritesEveryIntactListAndCountsTheDamagedOnes()
    {
        using var pty = new PseudoTerminalPair();
        var port = LoopbackPort.Free();
        var config = Path.Combine(_folder, "han.yaml");
        await File.WriteAllTextAsync(config, $$"""
            meters:
              - name: house
                source: tcp://127.0.0.1:{{port}}
              - name: cabin
                source: {{pty.ReaderEnd}}
                baud: 2400
                parity: none
            outputs:
              capture: {{_folder}}/{meter}.han
              json_lines: {{_folder}}/{meter}.jsonl
            """);
        var service = Shell.Start($"exec \"$HAN\" run --config {config}", _folder, timeoutSeconds: 120);
        await service.WaitForErrorAsync("cabin: reading " + pty.ReaderEnd);

        var aidon = Shell.Start($"exec \"$HAN\" simulate --meter aidon --speed 60 --duration 15m --start {Start} --seed 11 --faults {Faults} --log house.log --serve tcp://127.0.0.1:{port}", _folder, timeoutSeconds: 120);
        var kamstrup = Shell.Start($"exec \"$HAN\" simulate --meter kamstrup --speed 60 --duration 15m --start {Start} --seed 12 --faults {Faults} --log cabin.log --pty {pty.MeterEnd}", _folder, timeoutSeconds: 120);
        Assert.Equal(0, (await aidon.Completion).ExitCode);
        Assert.Equal(0, (await kamstrup.Completion).ExitCode);
        // Every intact list through the decoder and into the JSON lines output before the stop: han's stop
        // empties the outputs' queues, but not what is still on its way through the decoder.
        foreach (var meter in new[] { "house", "cabin" })
        {
            var intact = SentLists(meter).Count(list => list["intact"]!.GetValue<bool>());
            await PrintedLines.WaitForAsync(Path.Combine(_folder, $"{meter}.jsonl"), intact, timeoutSeconds: 60);
        }

        service.Signal("TERM");
        var result = await service.Completion;

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("han run: stopped", result.Stderr, StringComparison.Ordinal);
        foreach (var meter in new[] { "house", "cabin" })
        {
            var sent = SentLists(meter);
            var intact = sent.Where(list => list["intact"]!.GetValue<bool>()).Select(list => Canonical(list["reading"]!.AsObject())).ToList();
            var written = ReadLines($"{meter}.jsonl").Select(line => Canonical(Strip(line))).ToList();
            Assert.True(intact.Count > 50, $"{meter}: {intact.Count} intact lists sent");
            AssertSame(meter, intact, written);

            var totals = Totals(result.Stderr, meter);
            var badChecksums = sent.Count(list => Fault(list) == "bad-crc");
            var cut = sent.Count(list => Fault(list) == "truncated");
            var noise = sent.Count(list => Fault(list) == "garbage");
            Assert.True(badChecksums + cut > 0, $"{meter}: the faults damaged no list");
            Assert.Equal(intact.Count, totals.Readings);
            Assert.Equal(0, totals.Undecoded);
            Assert.Equal(badChecksums, totals.ChecksumErrors);
            Assert.InRange(totals.CutFrames, cut, cut + noise); // noise before a frame may look like the start of one
            Assert.True(totals.SkippedBytes > 0);
            Assert.Matches($"json_lines {Regex.Escape(_folder)}/{meter}.jsonl: {intact.Count} written, 0 dropped \\(queue full\\), 0 failed", result.Stderr);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Equal lists, or the first place they differ, in full.</summary>
    private static void AssertSame(string meter, List<string> sent, List<string> written)
    {
        var at = Enumerable.Range(0, Math.Min(sent.Count, written.Count)).FirstOrDefault(i => sent[i] != written[i], -1);
        Assert.True(at < 0 && sent.Count == written.Count, at < 0
            ? $"{meter}: {sent.Count} intact lists sent, {written.Count} readings written"
            : $"{meter}: reading {at} differs:\nsent    {sent[at]}\nwritten {written[at]}");
    }

    private List<JsonObject> SentLists(string meter) =>
        [.. ReadLines($"{meter}.log").Select(line => JsonNode.Parse(line)!.AsObject())];

    private IEnumerable<string> ReadLines(string name) =>
        File.ReadAllLines(Path.Combine(_folder, name)).Where(line => line.Length > 0);

    /// <summary>A written reading without what han adds to what the meter sent (its name, the receive time, the estimates).</summary>
    private static JsonObject Strip(string line)
    {
        var reading = JsonNode.Parse(line)!.AsObject();
        foreach (var added in new[] { "meter", "received", "active_energy_import_estimate", "active_energy_export_estimate" })
        {
            reading.Remove(added);
        }

        return reading;
    }

    /// <summary>
    /// The reading with its keys in order and its numbers as decimals, so that 230 and 230.0 compare
    /// equal. The meter time is compared as the wall-clock time the meter sent: the simulator's log adds
    /// the offset it knows, which an Aidon's clock leaves unspecified on the wire.
    /// </summary>
    private static string Canonical(JsonObject reading) =>
        string.Join(",", reading.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={(p.Key == "meter_time" ? p.Value!.GetValue<string>()[..19] : Value(p.Value!))}"));

    private static string Value(JsonNode value) => value.GetValueKind() == JsonValueKind.Number
        ? value.GetValue<decimal>().ToString(CultureInfo.InvariantCulture)
        : value.ToJsonString();

    private static string? Fault(JsonObject list) => list["fault"]?.GetValue<string>();

    private static (long Readings, long ChecksumErrors, long CutFrames, long SkippedBytes, long Undecoded) Totals(string log, string meter)
    {
        var match = TotalsLine().Matches(log).Single(m => m.Groups["meter"].Value == meter);
        long Number(string name) => long.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);
        return (Number("readings"), Number("checksum"), Number("cut"), Number("skipped"), Number("undecoded"));
    }

    [GeneratedRegex(@"(?<meter>\w+): final totals: (?<readings>\d+) readings, \d+ frames, (?<checksum>\d+) checksum errors, (?<cut>\d+) cut frames, (?<skipped>\d+) bytes skipped, (?<undecoded>\d+) frames that did not decode")]
    private static partial Regex TotalsLine();
}
