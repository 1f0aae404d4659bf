using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Han.TestCorpus.Servers;

namespace Han.Cli.Tests.Service;

/// <summary>
/// Domoticz over MQTT end to end (docs/domoticz.md §2 "Via MQTT"): a simulated Aidon -> <c>han run</c>
/// with <c>domoticz: via: mqtt</c> -> mosquitto -> mosquitto_sub on <c>domoticz/in</c>, where Domoticz'
/// MQTT hardware would read. The meter comes as a capture with its send times as receive times, so han
/// reads 75 minutes of it in seconds and the pace, which follows receive time, is exact: each idx gets,
/// in order, one update at the first list on which its values are known, then one at the first list at
/// least the interval after the last, with the newest values the meter sent; the energy counters follow
/// the meter's registers and never go back.
/// </summary>
public sealed class DomoticzMqttRunTests : IDisposable
{
    /// <summary>Seconds; not a multiple of the Aidon's 2.5 s lists, so each update is due between two lists and is sent at the next.</summary>
    private const int Interval = 12;

    private readonly string _folder = Directory.CreateTempSubdirectory("han-domoticz-mqtt-").FullName;

    [Fact]
    public async Task Run_SimulatedAidonViaMqtt_EachIdxGetsTheMetersValuesAtThePace()
    {
        using var broker = new MosquittoBroker();
        // Over two hours' registers: the one sent at 12:00:10 and the one at 13:00:10.
        var (capture, log) = await SimulatedCapture.WriteAsync(_folder, "aidon", "75m", "2026-12-01T11:50:00+01:00", 5);
        var config = Path.Combine(_folder, "han.yaml");
        await File.WriteAllTextAsync(config, $$"""
            meters:
              - name: house
                source: {{capture}}
            mqtt:
              host: {{broker.Host}}
              port: {{broker.Port}}
            domoticz:
              via: mqtt
              interval: {{Interval}}
              idx: { p1: 1, power: 2, voltage_l1: 3, current: 4 }
            """);
        using var domoticz = new MosquittoSubscriber(broker, ["domoticz/in", "han/status"]);

        var result = await Shell.Run($"exec \"$HAN\" run --config {config}", _folder, timeoutSeconds: 180);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Matches(@"domoticz mqtt domoticz/in: \d+ written, 0 dropped \(queue full\), 0 failed", result.Stderr);
        Assert.Matches(@"mqtt: final totals: \d+ published, 0 dropped \(queue full\), 0 refused by the broker", result.Stderr);
        await domoticz.WaitForAsync(m => m.Topic == "han/status" && m.Payload == "offline" && !m.Retained); // said at the stop, after every update
        var updates = domoticz.Messages.Where(m => m.Topic == "domoticz/in").ToList();
        Assert.All(updates, m => Assert.False(m.Retained)); // a command stream: a retained update would be replayed, stale
        var commands = updates.Select(m => JsonNode.Parse(m.Payload)!.AsObject()).ToList();
        Assert.All(commands, command =>
        {
            Assert.Equal(["command", "idx", "nvalue", "svalue"], command.Select(p => p.Key).Order(StringComparer.Ordinal));
            Assert.Equal("udevice", command["command"]!.GetValue<string>());
            Assert.Equal(JsonValueKind.Number, command["nvalue"]!.GetValueKind()); // an integer, or Domoticz logs Invalid/Unhandled data
            Assert.Equal(0, command["nvalue"]!.GetValue<int>());
            Assert.Equal(JsonValueKind.String, command["svalue"]!.GetValueKind());
        });
        var byIdx = commands.GroupBy(c => c["idx"]!.GetValue<int>()).ToDictionary(g => g.Key, g => g.Select(c => c["svalue"]!.GetValue<string>()).ToList());
        Assert.Equal([1, 2, 3, 4], byIdx.Keys.Order());
        var sent = SentLists(log);

        var voltage = Moments(sent, "voltage_l1");
        Assert.Equal(voltage.Select(m => Decimals(m.Latest["voltage_l1"], 1)), byIdx[3]);
        var current = Moments(sent, "current_l1");
        Assert.Equal(current.Select(m => $"{Decimals(m.Latest["current_l1"], 2)};{Decimals(m.Latest["current_l2"], 2)};{Decimals(m.Latest["current_l3"], 2)}"), byIdx[4]);
        Assert.True(voltage.Count > 300, $"{voltage.Count} voltage updates"); // 75 minutes at one per 12.5 s: the pace, not one per list (1800)

        // No counter before the first register (a 0 would be a reset): P1 and kWh from the hourly list at 12:00:10 on.
        var counted = Moments(sent, "active_power_import", "active_energy_import");
        var p1 = byIdx[1].Select(s => s.Split(';')).ToList();
        Assert.All(p1, fields => Assert.Equal(6, fields.Length));
        Assert.Equal(counted.Select(m => $"{Watts(m.Latest["active_power_import"])};{Watts(m.Latest["active_power_export"])}"), p1.Select(f => $"{f[4]};{f[5]}"));
        Assert.All(p1, fields => Assert.Equal(("0", "0"), (fields[1], fields[3]))); // one register per direction: USAGE1 and RETURN1 carry it
        var usage = p1.Select(f => long.Parse(f[0], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(usage.Order(), usage); // never back: Domoticz would book a lower counter as a reset
        CountersFollowTheRegisters(sent, counted, usage);
        Assert.Equal(counted.Select(m => WattHours(m.Latest["active_energy_export"]).ToString(CultureInfo.InvariantCulture)), p1.Select(f => f[2])); // nothing exported: the register as it is

        // The kWh device: the same power and counter as the P1 device, at the same moments.
        Assert.Equal(p1.Select(f => $"{f[4]};{f[0]}"), byIdx[2]);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// The import counter is the live estimate: at least the newest register, power integrated since
    /// (never more than the first register plus the highest power over the time since, with 1 % for
    /// the load between two lists); and just before the 13:00 register, within 1 % of the hour's use
    /// of it (the estimate's promise, RunEstimateTests), give or take what one interval adds.
    /// </summary>
    private static void CountersFollowTheRegisters(List<(DateTimeOffset At, JsonObject Reading)> sent, List<Moment> counted, List<long> usage)
    {
        var registers = sent.Where(l => l.Reading.ContainsKey("active_energy_import")).Select(l => (l.At, Kwh: l.Reading["active_energy_import"]!.GetValue<decimal>())).ToList();
        Assert.Equal(2, registers.Count);
        var highestPower = sent.Where(l => l.Reading.ContainsKey("active_power_import")).Max(l => l.Reading["active_power_import"]!.GetValue<decimal>());
        foreach (var (moment, counter) in counted.Zip(usage))
        {
            var most = WattHours(registers[0].Kwh) + (long)Math.Ceiling(highestPower * 1.01m * (decimal)(moment.At - registers[0].At).TotalHours) + 1;
            Assert.InRange(counter, WattHours(moment.Latest["active_energy_import"]), most);
        }

        var lastBefore = usage[counted.FindLastIndex(m => m.At < registers[1].At)];
        var hour = WattHours(registers[1].Kwh) - WattHours(registers[0].Kwh);
        var tolerance = (hour / 100) + 20 + (long)Math.Ceiling(highestPower * Interval / 3600m);
        Assert.InRange(lastBefore, WattHours(registers[1].Kwh) - tolerance, WattHours(registers[1].Kwh) + tolerance);
    }

    /// <summary>Each list the simulator sent (its log), with the time it was sent: the receive time the capture gives han.</summary>
    private static List<(DateTimeOffset At, JsonObject Reading)> SentLists(string log) =>
        [.. File.ReadLines(log).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject())
            .Select(l => (DateTimeOffset.Parse(l["time"]!.GetValue<string>(), CultureInfo.InvariantCulture), l["reading"]!.AsObject()))];

    /// <summary>
    /// When a device with these values is due (docs/domoticz.md §4): at the first list once every value
    /// has come, then at the first list at least <see cref="Interval"/> after the last update; each moment
    /// with the newest number of every key so far (a value is kept from the last list that carried it).
    /// </summary>
    private static List<Moment> Moments(List<(DateTimeOffset At, JsonObject Reading)> lists, params string[] needs)
    {
        var latest = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var moments = new List<Moment>();
        DateTimeOffset? last = null;
        foreach (var (at, reading) in lists)
        {
            foreach (var (key, value) in reading)
            {
                if (value?.GetValueKind() == JsonValueKind.Number)
                {
                    latest[key] = value.GetValue<decimal>();
                }
            }

            if (needs.All(latest.ContainsKey) && (last is null || at - last >= TimeSpan.FromSeconds(Interval)))
            {
                moments.Add(new Moment(at, new Dictionary<string, decimal>(latest, StringComparer.Ordinal)));
                last = at;
            }
        }

        return moments;
    }

    private static string Decimals(decimal value, int decimals) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Watts(decimal watts) => Decimals(watts, 0);

    private static long WattHours(decimal kilowattHours) => (long)decimal.Floor(kilowattHours * 1000m);

    private sealed record Moment(DateTimeOffset At, Dictionary<string, decimal> Latest);
}
