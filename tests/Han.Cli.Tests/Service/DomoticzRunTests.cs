using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Han.TestCorpus.Servers;

namespace Han.Cli.Tests.Service;

/// <summary>
/// <c>han simulate</c> -> <c>han run</c> -> a local server that answers and checks like Domoticz' JSON
/// API: every request fits the API and its device's format, and the values are the simulated meter's.
/// </summary>
public sealed class DomoticzRunTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("han-domoticz-").FullName;

    [Fact]
    public async Task Run_SimulatedKamstrupOverTheHour_UpdatesDomoticzWithTheMetersValues()
    {
        using var domoticz = new FakeDomoticz(new()
        {
            [1] = FakeDomoticz.P1Format,
            [2] = FakeDomoticz.InstantAndCounterFormat,
            [3] = FakeDomoticz.VoltageFormat,
            [4] = FakeDomoticz.ThreeCurrentsFormat,
        });
        // Five minutes at 60 times real speed, over the hour: the hourly list with the registers comes at 12:00.
        var result = await RunAsync(domoticz.Url, "p1: 1, power: 2, voltage_l1: 3, current: 4", "--start 2026-12-01T11:58:00+01:00 --seed 5");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(domoticz.Violations);
        Assert.DoesNotContain(result.Stderr.Split('\n'), l => l.Contains("Domoticz", StringComparison.Ordinal)); // every trouble message names it so
        Assert.Matches($@"domoticz {Regex.Escape(domoticz.Url.GetLeftPart(UriPartial.Authority))}: \d+ written, 0 dropped \(queue full\), 0 failed", result.Stderr);
        var sent = File.ReadAllLines(Path.Combine(_folder, "sent.log")).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!["reading"]!.AsObject()).ToList();
        var register = sent.Select(r => r["active_energy_import"]?.GetValue<decimal>()).First(r => r is not null)!.Value;
        var powers = sent.Select(r => r["active_power_import"]!.GetValue<decimal>().ToString("0", CultureInfo.InvariantCulture)).ToHashSet();
        var voltages = sent.Select(r => r["voltage_l1"]!.GetValue<decimal>().ToString("0.0", CultureInfo.InvariantCulture)).ToHashSet();

        var p1 = domoticz.Updates.Where(u => u.Idx == 1).Select(u => u.SValue.Split(';')).ToList();
        Assert.True(p1.Count >= 2, $"{p1.Count} P1 updates");
        var usage = p1.Select(f => long.Parse(f[0], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(usage.Order(), usage); // never back
        Assert.InRange(usage[0], (long)(register * 1000), (long)(register * 1000) + 2000); // the register, plus what the power added since
        Assert.All(p1, f => Assert.Contains(f[4], powers));
        var power = domoticz.Updates.Where(u => u.Idx == 2).Select(u => u.SValue.Split(';')).ToList();
        Assert.NotEmpty(power);
        Assert.All(power, f => Assert.Contains(f[0], powers));
        var voltage = domoticz.Updates.Where(u => u.Idx == 3).Select(u => u.SValue).ToList();
        Assert.True(voltage.Count >= 3, $"{voltage.Count} voltage updates"); // from the first list on, before the register
        Assert.All(voltage, v => Assert.Contains(v, voltages));
        Assert.Contains(domoticz.Updates, u => u.Idx == 4);
        // At most one update per device per second (the interval), give or take the process's start.
        Assert.True(voltage.Count <= 9, $"{voltage.Count} voltage updates in about 6 s");
    }

    [Fact]
    public async Task Run_DevicesDomoticzDoesNotHave_SaysSoOncePerDevice()
    {
        using var domoticz = new FakeDomoticz([]); // answers ERR to every idx, as Domoticz does to an unknown one
        var log = (await RunAsync(domoticz.Url, "voltage_l1: 3, current: 4", "--seed 6")).Stderr;

        Assert.True(domoticz.AuthorizationHeaders.Count >= 6, $"{domoticz.AuthorizationHeaders.Count} updates tried");
        Assert.Single(log.Split('\n'), l => l.Contains("refused the update of voltage_l1 (idx 3) (status ERR): check that idx 3 is a 'Voltage' device", StringComparison.Ordinal));
        Assert.Single(log.Split('\n'), l => l.Contains("refused the update of current (idx 4) (status ERR)", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// han run with the given Domoticz devices (updated at most every second) reading a simulated
    /// Kamstrup for five minutes of meter time at 60 times real speed (the lists it sent in sent.log);
    /// its result once every list is decoded and han has stopped.
    /// </summary>
    private async Task<ShellResult> RunAsync(Uri domoticz, string devices, string simulation)
    {
        var port = LoopbackPort.Free();
        var config = Path.Combine(_folder, "han.yaml");
        await File.WriteAllTextAsync(config, $$"""
            meters:
              - name: house
                source: tcp://127.0.0.1:{{port}}
            outputs:
              json_lines: {{_folder}}/{meter}.jsonl
            domoticz:
              url: {{domoticz}}
              interval: 1
              idx: { {{devices}} }
            """);
        // The simulator starts its meter when han connects.
        var simulator = Shell.Start($"exec \"$HAN\" simulate --meter kamstrup --speed 60 --duration 5m {simulation} --log sent.log --serve tcp://127.0.0.1:{port}", _folder, timeoutSeconds: 120);
        var service = Shell.Start($"exec \"$HAN\" run --config {config}", _folder, timeoutSeconds: 120);
        Assert.Equal(0, (await simulator.Completion).ExitCode);
        // Every list the simulator sent decoded (the JSON lines output has it): han's stop hands what the
        // outputs' queues still hold to Domoticz, but not what is still on its way through the decoder.
        var sent = File.ReadLines(Path.Combine(_folder, "sent.log")).Count(l => l.Length > 0);
        await PrintedLines.WaitForAsync(Path.Combine(_folder, "house.jsonl"), sent, timeoutSeconds: 60);

        service.Signal("TERM");
        return await service.Completion;
    }
}
