using System.Globalization;
using System.Text.Json.Nodes;
using Han.Integrations.Tests.HomeAssistant.Statistics;

namespace Han.Cli.Tests.Service;

/// <summary>
/// <c>han run</c> as a real process reading a simulated Aidon meter, with the statistics of Home Assistant
/// configured against a real WebSocket server that checks every message (integrations.md §1.9): each hour's
/// row has the hour's start and the difference of the simulator's hourly registers.
/// </summary>
public sealed class HomeAssistantStatisticsRunTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("han-ha-").FullName;

    [Fact]
    public async Task Run_SimulatedMeterAndHomeAssistant_RowsMatchTheHourlyRegisters()
    {
        await using var homeAssistant = await FakeHomeAssistant.StartAsync();
        var port = Han.TestCorpus.Servers.LoopbackPort.Free();
        var config = Path.Combine(_folder, "han.yaml");
        await File.WriteAllTextAsync(Path.Combine(_folder, "ha.token"), FakeHomeAssistant.GoodToken + "\n");
        await File.WriteAllTextAsync(config, $$"""
            meters:
              - name: house
                source: tcp://127.0.0.1:{{port}}
            homeassistant:
              statistics:
                url: http://127.0.0.1:{{homeAssistant.Port}}
                token_file: {{_folder}}/ha.token
                time_zone: Europe/Oslo
            """);
        var meter = Shell.Start($"exec \"$HAN\" simulate --meter aidon --speed 900 --duration 3h2m --start 2026-10-25T00:59:00+02:00 --seed 5 --log house.log --serve tcp://127.0.0.1:{port}", _folder, timeoutSeconds: 120);
        var service = Shell.Start($"STATE_DIRECTORY={_folder}/state exec \"$HAN\" run --config {config}", _folder, timeoutSeconds: 120); // the simulator serves one client, and waits for it
        Assert.Equal(0, (await meter.Completion).ExitCode);
        var expected = HourlyRows();
        Assert.Equal(3, expected.Count); // 01:00 CEST, 02:00 CEST, 02:00 CET: the night summer time ends
        await homeAssistant.WaitForAsync(() => homeAssistant.Rows("han:" + MeterId() + "_energy_import").Count == expected.Count, "the rows of han run");
        service.Signal("TERM");
        var result = await service.Completion;

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(homeAssistant.Violations);
        var rows = homeAssistant.Rows("han:" + MeterId() + "_energy_import");
        Assert.Equal(expected.Select(e => e.Start), rows.Select(r => r.Start));
        Assert.Equal(expected.Select(e => e.Energy), rows.Select(r => r.State));
        Assert.Equal(expected.Sum(e => e.Energy), rows[^1].Sum);
        Assert.Contains("Home Assistant statistics: connected to Home Assistant 2026.11.1", result.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The hours the simulator's hourly registers close: start (UTC) and the difference to the register an hour before.</summary>
    private List<(DateTimeOffset Start, decimal Energy)> HourlyRows()
    {
        var hourly = SentReadings()
            .Where(r => r["active_energy_import"] is not null)
            .Select(r => (Time: DateTimeOffset.Parse(r["meter_time"]!.GetValue<string>(), CultureInfo.InvariantCulture), Register: r["active_energy_import"]!.GetValue<decimal>()))
            .Where(r => r.Time.Minute == 0)
            .ToList();
        return [.. hourly.Zip(hourly.Skip(1)).Select(pair => (pair.First.Time.ToUniversalTime(), pair.Second.Register - pair.First.Register))];
    }

    private string MeterId() => SentReadings().Select(r => r["meter_id"]?.GetValue<string>()).First(id => id is not null)!.ToLowerInvariant();

    private IEnumerable<JsonObject> SentReadings() =>
        File.ReadAllLines(Path.Combine(_folder, "house.log")).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!["reading"]!.AsObject());
}
