using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Han.TestCorpus.Servers;

namespace Han.Cli.Tests.Service;

/// <summary>
/// <c>han run --mqtt --homeassistant</c> end to end (issue 9's acceptance): hours of a simulated meter
/// (a capture with the meter's own send times, so the live estimate integrates over meter time) go
/// through han run to a real mosquitto, read by mosquitto_sub: Home Assistant finds a device for the
/// meter whose every entity reads a key the state carries, the live energy estimate moves within each
/// hour and agrees with each hourly register to 1 %.
/// </summary>
public sealed partial class RunHomeAssistantTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("han-run-ha-").FullName;

    [Fact]
    public async Task Run_SimulatedKamstrupHours_DeviceAnnouncedAndLiveEnergyMovesAndMeetsEachRegister()
    {
        using var broker = new MosquittoBroker();
        var (capture, _) = await SimulatedCapture.WriteAsync(_folder, "kamstrup", "4h", "2026-11-30T10:00:00+01:00", 7);
        var config = Path.Combine(_folder, "han.yaml");
        await File.WriteAllTextAsync(config, $"meters:\n  - name: house\n    source: {capture}\n");
        using var subscriber = new MosquittoSubscriber(broker, ["han/#", "homeassistant/#"]);

        var result = await Shell.Run($"exec \"$HAN\" run --config {config} --mqtt {broker.Host}:{broker.Port} --homeassistant", _folder, timeoutSeconds: 180);

        Assert.True(result.ExitCode == 0, result.Stderr);
        await subscriber.WaitForAsync(m => m.Topic == "han/status" && m.Payload == "offline"); // said at the stop, after every state
        var states = subscriber.Messages.Where(m => m.Topic == "han/house/state").Select(m => JsonNode.Parse(m.Payload)!.AsObject()).ToList();
        var last = states[^1];
        var meterId = last["meter_id"]!.GetValue<string>();
        using var later = new MosquittoSubscriber(broker, ["homeassistant/#"]); // what Home Assistant finds when it (re)starts
        var discovery = await later.WaitForTopicAsync($"homeassistant/device/han_{meterId}/config");
        Assert.True(discovery.Retained);
        var device = JsonNode.Parse(discovery.Payload)!.AsObject();
        Assert.Equal("han/house/state", device["stat_t"]!.GetValue<string>());
        var components = device["cmps"]!.AsObject();
        foreach (var (id, component) in components)
        {
            var key = TemplateKey().Match(component!["val_tpl"]!.GetValue<string>()).Groups["key"].Value;
            Assert.True(last.ContainsKey(key), $"entity {id} reads {key}, which the state does not carry");
        }

        var live = components.Select(c => c.Value!.AsObject()).Single(c => c["val_tpl"]!.GetValue<string>().Contains("active_energy_import_estimate", StringComparison.Ordinal));
        Assert.Equal("energy", live["dev_cla"]!.GetValue<string>());
        Assert.Equal("total_increasing", live["stat_cla"]!.GetValue<string>());
        Assert.Equal("kWh", live["unit_of_meas"]!.GetValue<string>());

        // Hour by hour: the estimate moves between registers, and meets each register to 1 % of the hour.
        const decimal RegisterStep = 0.01m; // kWh: the Kamstrup register's resolution
        decimal? register = null;
        decimal? before = null;
        var estimatesThisHour = new HashSet<decimal>();
        var hours = 0;
        foreach (var state in states)
        {
            if (state["active_energy_import"]?.GetValue<decimal>() is { } now && now != register)
            {
                if (register is { } previous && before is { } estimate)
                {
                    var used = now - previous;
                    Assert.True(Math.Abs(estimate - now) <= (used / 100) + (2 * RegisterStep), $"hour ending {state["meter_time"]}: live {estimate - previous} kWh, the register says {used} kWh");
                    Assert.True(estimatesThisHour.Count > 10, $"hour ending {state["meter_time"]}: the live estimate took only {estimatesThisHour.Count} values");
                    hours++;
                }

                register = now;
                estimatesThisHour.Clear();
            }

            before = state["active_energy_import_estimate"]?.GetValue<decimal>();
            if (before is { } value)
            {
                estimatesThisHour.Add(value);
            }
        }

        Assert.True(hours >= 3, $"only {hours} hours compared");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [GeneratedRegex(@"value_json\.(?<key>[a-z0-9_]+)")]
    private static partial Regex TemplateKey();
}
