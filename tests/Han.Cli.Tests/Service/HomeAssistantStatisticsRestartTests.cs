using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Han.Integrations.Tests.HomeAssistant.Statistics;
using Han.TestCorpus.Servers;

namespace Han.Cli.Tests.Service;

/// <summary>
/// <c>han run</c> stopped 20 minutes before an hour boundary and started again after it, with its state
/// folder kept (<c>STATE_DIRECTORY</c>, as systemd gives it): Home Assistant still gets every hour's row
/// exactly once, the hour of the restart included, each with the difference of the meter's hourly
/// registers, and a sum that never jumps; also when Home Assistant was away as han stopped, and the
/// hours waiting for it had to wait for the next start. A simulated Aidon is recorded as a han capture
/// and cut in two (<see cref="SimulatedCapture"/>): the lists before the stop, and those after it.
/// </summary>
public sealed class HomeAssistantStatisticsRestartTests : IDisposable
{
    private static readonly DateTimeOffset Boundary = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero); // 13:00 in Oslo

    private readonly string _folder = Directory.CreateTempSubdirectory("han-ha-restart-").FullName;

    [Fact]
    public async Task Run_StoppedBeforeAnHourAndStartedAfterIt_EveryHourReachesHomeAssistantOnce()
    {
        var (capture, log) = await SimulatedCapture.WriteAsync(_folder, "aidon", "5h", "2026-11-30T10:58:00+01:00", 5);
        await using var homeAssistant = await FakeHomeAssistant.StartAsync();
        var source = Path.Combine(_folder, "house.han");
        var config = await ConfigAsync(source, homeAssistant.Port);
        var expected = HourlyRows(log);
        var statisticId = "han:" + MeterId(log) + "_energy_import";
        Assert.Equal(4, expected.Count); // 11–12, 12–13 (han restarts in it), 13–14 and 14–15 in Oslo

        await WritePartAsync(capture, log, source, time => time < Boundary.AddMinutes(-20));
        var before = await RunAsync(config);
        Assert.Single(homeAssistant.Rows(statisticId)); // 11–12 only: the register of 13:00 comes after the stop
        await WritePartAsync(capture, log, source, time => time >= Boundary);
        var after = await RunAsync(config);

        Assert.Empty(homeAssistant.Violations);
        Assert.True(File.Exists(Path.Combine(_folder, "state", "homeassistant-statistics.json")));
        AssertEveryHourOnce(homeAssistant, statisticId, expected);
        Assert.DoesNotContain("statistic " + statisticId, before.Stderr + after.Stderr, StringComparison.Ordinal); // no count started again
    }

    [Fact]
    public async Task Run_HomeAssistantAwayWhenHanStops_TheWaitingHoursArriveAfterTheNextStart()
    {
        var (capture, log) = await SimulatedCapture.WriteAsync(_folder, "aidon", "5h", "2026-11-30T10:58:00+01:00", 5);
        await using var homeAssistant = new FakeHomeAssistant(LoopbackPort.Free()); // not started: away, connections refused
        var source = Path.Combine(_folder, "house.han");
        var config = await ConfigAsync(source, homeAssistant.Port);
        var expected = HourlyRows(log);
        var statisticId = "han:" + MeterId(log) + "_energy_import";
        Assert.Equal(4, expected.Count); // 11–12, 12–13 (waiting when han stops), 13–14 (han restarts in it) and 14–15 in Oslo

        await WritePartAsync(capture, log, source, time => time < Boundary.AddMinutes(40));
        var before = await RunAsync(config);
        Assert.Contains($"hourly rows wait in {_folder}/state/homeassistant-statistics.json for Home Assistant", before.Stderr, StringComparison.Ordinal);
        await homeAssistant.StartAsync(); // back, while han is stopped
        await WritePartAsync(capture, log, source, time => time >= Boundary.AddHours(1));
        var after = await RunAsync(config);

        Assert.Empty(homeAssistant.Violations);
        Assert.Contains($"{statisticId}: 2 hourly rows that were waiting for Home Assistant when han stopped are queued again", after.Stderr, StringComparison.Ordinal);
        AssertEveryHourOnce(homeAssistant, statisticId, expected);
        Assert.DoesNotContain("not delivered", before.Stderr + after.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Home Assistant holds a row for each hour, with the hour's energy and a sum that never jumps, each sent once.</summary>
    private static void AssertEveryHourOnce(FakeHomeAssistant homeAssistant, string statisticId, List<(DateTimeOffset Start, decimal Energy)> expected)
    {
        var rows = homeAssistant.Rows(statisticId);
        Assert.Equal(expected.Select(e => e.Start), rows.Select(r => r.Start));
        Assert.Equal(expected.Select(e => e.Energy), rows.Select(r => r.State));
        Assert.Equal(rows[0].State, rows[0].Sum);
        Assert.All(rows.Zip(rows.Skip(1)), pair => Assert.Equal(pair.First.Sum + pair.Second.State, pair.Second.Sum)); // never a jump
        Assert.All(homeAssistant.ImportedStarts(statisticId).GroupBy(start => start), hour => Assert.Single(hour)); // each hour sent once
    }

    private async Task<string> ConfigAsync(string source, int homeAssistantPort)
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "ha.token"), FakeHomeAssistant.GoodToken + "\n");
        var config = Path.Combine(_folder, "han.yaml");
        await File.WriteAllTextAsync(config, $$"""
            meters:
              - name: house
                source: {{source}}
            homeassistant:
              statistics:
                url: http://127.0.0.1:{{homeAssistantPort}}
                token_file: {{_folder}}/ha.token
                time_zone: Europe/Oslo
            """);
        return config;
    }

    private async Task<ShellResult> RunAsync(string config)
    {
        var result = await Shell.Run($"STATE_DIRECTORY={_folder}/state exec \"$HAN\" run --config {config}", _folder, timeoutSeconds: 120);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("every source has ended; stopping", result.Stderr, StringComparison.Ordinal);
        return result;
    }

    /// <summary>Writes the lists of the capture whose send time <paramref name="keep"/> takes (the capture has one line per list of the log, after its header).</summary>
    private static async Task WritePartAsync(string capture, string log, string path, Func<DateTimeOffset, bool> keep)
    {
        var lists = File.ReadAllLines(capture).Skip(1).Zip(File.ReadAllLines(log).Where(l => l.Length > 0));
        var part = new StringBuilder("# han capture 1\n");
        foreach (var (line, list) in lists)
        {
            if (keep(DateTimeOffset.Parse(JsonNode.Parse(list)!["time"]!.GetValue<string>(), CultureInfo.InvariantCulture)))
            {
                part.Append(line).Append('\n');
            }
        }

        await File.WriteAllTextAsync(path, part.ToString());
    }

    /// <summary>The hours the simulator's hourly registers close: start (UTC) and the difference to the register an hour before.</summary>
    private static List<(DateTimeOffset Start, decimal Energy)> HourlyRows(string log)
    {
        var hourly = Readings(log)
            .Where(r => r["active_energy_import"] is not null)
            .Select(r => (Time: DateTimeOffset.Parse(r["meter_time"]!.GetValue<string>(), CultureInfo.InvariantCulture), Register: r["active_energy_import"]!.GetValue<decimal>()))
            .Where(r => r.Time.Minute == 0)
            .ToList();
        return [.. hourly.Zip(hourly.Skip(1)).Select(pair => (pair.First.Time.ToUniversalTime(), pair.Second.Register - pair.First.Register))];
    }

    private static string MeterId(string log) => Readings(log).Select(r => r["meter_id"]?.GetValue<string>()).First(id => id is not null)!.ToLowerInvariant();

    private static IEnumerable<JsonObject> Readings(string log) =>
        File.ReadAllLines(log).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!["reading"]!.AsObject());
}
