using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Han.TestCorpus.Servers;

namespace Han.Cli.Tests.Service;

/// <summary>
/// han run with its web server, as a process: a simulated meter served over TCP, the live state read
/// over HTTP (docs/web.md). The server itself is tested in Han.Web.Tests.
/// </summary>
public sealed class RunWebTests : IDisposable
{
    private const string Start = "2026-12-01T11:55:00+01:00";
    private readonly string _folder = Directory.CreateTempSubdirectory("han-run-web-").FullName;

    [Fact]
    public async Task Run_SimulatedAidon_LiveAndMetricsHaveTheListsSent()
    {
        var (service, web, sent, _) = await RunWithSimulatedAidonAsync(string.Empty);
        using var client = web;
        // The line status (every 10 s) counts every frame once the decoder has them all.
        var live = await WaitForAsync(web, "api/meters/house/live", state => state["frames"]?.GetValue<long>() == sent.Count);
        var metrics = await web.GetStringAsync("metrics");
        service.Signal("TERM");
        var result = await service.Completion;

        Assert.Equal(sent[^1]["active_power_import"]!.GetValue<decimal>(), live["active_power_import"]!.GetValue<decimal>());
        Assert.Equal(sent.Last(l => l.ContainsKey("active_energy_import"))["active_energy_import"]!.GetValue<decimal>(), live["active_energy_import"]!.GetValue<decimal>());
        Assert.Equal(sent[^1]["meter_id"]?.GetValue<string>() ?? sent.Last(l => l.ContainsKey("meter_id"))["meter_id"]!.GetValue<string>(), live["meter_id"]!.GetValue<string>());
        Assert.Contains($"han_frames_total{{meter=\"house\"}} {sent.Count}\n", metrics, StringComparison.Ordinal);
        Assert.Contains($"han_active_power_import_watts{{meter=\"house\"}} {sent[^1]["active_power_import"]}\n", metrics, StringComparison.Ordinal);
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"web house: \d+ written, 0 dropped \(queue full\), 0 failed", result.Stderr);
    }

    [Fact]
    public async Task Run_WithStorage_HistoryApiAndStatusReadTheStoreAndExportHasEveryList()
    {
        var store = Path.Combine(_folder, "history.db");
        var (service, web, sent, config) = await RunWithSimulatedAidonAsync($"storage:\n  sqlite: {store}\ntime_zone: Europe/Oslo\n");
        using var client = web;
        var status = await WaitForAsync(web, "api/status", s => s["sinks"]!.AsArray().Any(q => q!["sink"]!.GetValue<string>() == "history house" && q["written"]!.GetValue<long>() == sent.Count));
        var power = await WaitForAsync(web, "api/meters/house/power", p => p["time"]!.AsArray().Count > 0);
        var history = JsonNode.Parse(await web.GetStringAsync("api/history"))!.AsObject();
        service.Signal("TERM");
        var result = await service.Completion;
        var export = await HanRunner.Run("export", "--config", config, "--from", "2000", "--to", "2100", "--resolution", "raw", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("sqlite", status["storage"]!["kind"]!.GetValue<string>());
        Assert.Equal(store, status["storage"]!["location"]!.GetValue<string>());
        Assert.Equal("Europe/Oslo", status["zone"]!.GetValue<string>());
        Assert.Equal(["house"], history["meters"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.NotNull(history["first"]);
        Assert.All(power["import_max"]!.AsArray(), watts => Assert.True(watts!.GetValue<double>() > 0));
        Assert.Equal(0, export.ExitCode);
        // Every exported list is one the simulator sent, in order, with its power. (Lists decoded from one
        // TCP read share their receive time, and the store keeps one list per meter and receive time: at
        // 60 times the meter's speed a few lists can arrive together, so not all of them need be there.)
        var exported = export.JsonLines.Select(l => l.TryGetProperty("active_power_import", out var p) ? p.GetDecimal() : (decimal?)null).ToList();
        var next = 0;
        foreach (var watts in exported)
        {
            while (next < sent.Count && sent[next]["active_power_import"]?.GetValue<decimal>() != watts)
            {
                next++;
            }

            Assert.True(next++ < sent.Count, $"exported power {watts} is not in the order the simulator sent");
        }

        Assert.InRange(exported.Count, sent.Count * 9 / 10, sent.Count);
    }

    [Fact]
    public async Task Run_WebPortInUse_SaysSoNamingWebListenAndExitsWithConfigError()
    {
        using var other = new TcpListener(IPAddress.Loopback, 0);
        other.Start();
        var port = ((IPEndPoint)other.LocalEndpoint).Port;
        var config = await WriteConfigAsync($"meters:\n  - name: house\n    source: tcp://127.0.0.1:{LoopbackPort.Free()}\nweb:\n  listen: 127.0.0.1:{port}\n");

        var result = await Shell.Run($"exec \"$HAN\" run --config {config}", _folder, timeoutSeconds: 60);

        Assert.Equal(78, result.ExitCode);
        Assert.Contains($"han run: web.listen: 127.0.0.1:{port} is already in use by another program; stop that program or choose another port in web.listen", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WebSection_SaysTheAddressAndTheToken()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "web.token"), "0123456789abcdef0123456789abcdef\n");
        var config = await WriteConfigAsync($"meters:\n  - name: house\n    source: tcp://127.0.0.1:3001\nweb:\n  listen: 0.0.0.0:8080\n  token_file: {_folder}/web.token\n");

        var result = await HanRunner.Run("run", "--config", config, "--check");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("web: http://0.0.0.0:8080/, requests need the token\n", result.Stdout, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<JsonObject> WaitForAsync(HttpClient web, string path, Func<JsonObject, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var state = JsonNode.Parse(await web.GetStringAsync(path))!.AsObject();
            if (condition(state))
            {
                return state;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{path} never got there; last: {state.ToJsonString()}");
            await Task.Delay(200);
        }
    }

    /// <summary>han run with its web server (and <paramref name="moreYaml"/>) reading a simulated Aidon meter that sent ten minutes of lists at 60 times its speed.</summary>
    private async Task<(RunningShell Service, HttpClient Web, List<JsonObject> Sent, string Config)> RunWithSimulatedAidonAsync(string moreYaml)
    {
        var meterPort = LoopbackPort.Free();
        var webPort = LoopbackPort.Free();
        var config = await WriteConfigAsync($"meters:\n  - name: house\n    source: tcp://127.0.0.1:{meterPort}\nweb:\n  listen: 127.0.0.1:{webPort}\n{moreYaml}");
        var service = Shell.Start($"exec \"$HAN\" run --config {config}", _folder, timeoutSeconds: 180);
        await service.WaitForErrorAsync($"web server on http://127.0.0.1:{webPort}/");
        var web = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}/") };

        var simulator = await Shell.Run($"exec \"$HAN\" simulate --meter aidon --speed 60 --duration 10m --start {Start} --seed 5 --log house.log --serve tcp://127.0.0.1:{meterPort}", _folder, timeoutSeconds: 120);
        Assert.Equal(0, simulator.ExitCode);
        var sent = File.ReadAllLines(Path.Combine(_folder, "house.log")).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!["reading"]!.AsObject()).ToList();
        return (service, web, sent, config);
    }

    private async Task<string> WriteConfigAsync(string yaml)
    {
        var config = Path.Combine(_folder, "han.yaml");
        await File.WriteAllTextAsync(config, yaml);
        return config;
    }
}
