using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Han.TestCorpus.Servers;

namespace Han.Cli.Tests.Service;

/// <summary>
/// <c>han run --mqtt</c> as a real process against a real mosquitto, checked with mosquitto_sub (issue
/// 9, points 1, 4 and 7 and their acceptance): a simulated meter's merged state arrives retained with
/// the values the simulator sent; han/status is online while han runs, offline after SIGTERM (han says
/// so) and after SIGKILL (the broker's last will); a wrong password is told once.
/// </summary>
public sealed class RunMqttTests : IDisposable
{
    private const string Start = "2026-12-01T11:55:00+01:00";
    private readonly string _folder = Directory.CreateTempSubdirectory("han-run-mqtt-").FullName;

    [Fact]
    public async Task Run_SimulatedAidonToMosquitto_StateHoldsTheNewestValueOfEveryKeyRetained()
    {
        using var broker = new MosquittoBroker();
        var port = LoopbackPort.Free();
        var config = await WriteConfigAsync($"meters:\n  - name: house\n    source: tcp://127.0.0.1:{port}\n");
        using var live = new MosquittoSubscriber(broker, ["han/#"]);
        var service = Shell.Start($"exec \"$HAN\" run --config {config} --mqtt {broker.Host}:{broker.Port}", _folder, timeoutSeconds: 180);
        await service.WaitForErrorAsync($"MQTT: connected to {broker.Host}:{broker.Port}");

        var simulator = await Shell.Run($"exec \"$HAN\" simulate --meter aidon --speed 60 --duration 10m --start {Start} --seed 5 --log house.log --serve tcp://127.0.0.1:{port}", _folder, timeoutSeconds: 120);
        Assert.Equal(0, simulator.ExitCode);
        var sent = File.ReadAllLines(Path.Combine(_folder, "house.log")).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!["reading"]!.AsObject()).ToList();
        Assert.True(sent.Count > 100, $"{sent.Count} lists sent");
        Assert.Contains(sent, list => list.ContainsKey("active_energy_import")); // the hourly list at 12:00
        // The line status (every 10 s) counts every frame once the decoder has them all.
        await live.WaitForAsync(m => m.Topic == "han/house/state" && Json(m.Payload)["frames"]?.GetValue<long>() == sent.Count, TimeSpan.FromSeconds(40));
        using var later = new MosquittoSubscriber(broker, ["han/#"]);
        var retained = await later.WaitForTopicAsync("han/house/state");
        var availability = await later.WaitForTopicAsync("han/house/availability");
        var status = await later.WaitForTopicAsync("han/status");
        service.Signal("TERM");
        var result = await service.Completion;

        Assert.True(retained.Retained);
        var state = Json(retained.Payload);
        Assert.Equal(Merged(sent), Canonical(state, stripAdded: true));
        Assert.Equal("house", state["meter"]!.GetValue<string>());
        Assert.Equal(0, state["checksum_errors"]!.GetValue<long>());
        Assert.Equal(0, state["undecoded"]!.GetValue<long>());
        Assert.True(state["active_energy_import_estimate"]!.GetValue<decimal>() >= state["active_energy_import"]!.GetValue<decimal>());
        Assert.Equal(sent.Count, state["frames"]!.GetValue<long>());
        Assert.True(availability.Retained);
        Assert.Equal("online", availability.Payload);
        Assert.True(status.Retained);
        Assert.Equal("online", status.Payload);
        Assert.Equal(0, result.ExitCode);
        await live.WaitForAsync(m => m.Topic == "han/status" && m.Payload == "offline" && m.Retained == false);
        Assert.Matches(@"mqtt: final totals: \d+ published, 0 dropped \(queue full\), 0 refused by the broker, 1 connections in 1 attempts", result.Stderr);
        Assert.Matches(@"mqtt han/house/state: \d+ written, 0 dropped \(queue full\), 0 failed", result.Stderr);
    }

    [Fact]
    public async Task Run_SerialMeterWithAutoDetection_StateNamesTheLineSettingFound()
    {
        using var broker = new MosquittoBroker();
        using var pty = new PseudoTerminalPair();
        var config = await WriteConfigAsync($"meters:\n  - name: cabin\n    source: {pty.ReaderEnd}\nmqtt:\n  host: {broker.Host}\n  port: {broker.Port}\n");
        using var subscriber = new MosquittoSubscriber(broker, ["han/cabin/state"]);
        var service = Shell.Start($"STATE_DIRECTORY={_folder} exec \"$HAN\" run --config {config}", _folder, timeoutSeconds: 180);
        await service.WaitForErrorAsync("MQTT: connected to");
        var simulator = Shell.Start($"exec \"$HAN\" simulate --meter kamstrup --speed 10 --duration 1h --start {Start} --seed 7 --pty {pty.MeterEnd}", _folder, timeoutSeconds: 180);

        var found = await subscriber.WaitForAsync(m => Json(m.Payload)["line_settings"] is not null, TimeSpan.FromSeconds(120));
        await subscriber.WaitForAsync(m => Json(m.Payload)["meter_manufacturer"] is not null, TimeSpan.FromSeconds(120)); // readings, not only the line
        simulator.Signal("TERM");
        service.Signal("TERM");
        await simulator.Completion;
        var result = await service.Completion;

        // On a pseudo-terminal any parity reads alike, so the setting is the one han's detection settled
        // on, as its log says: the state names the same.
        var logged = System.Text.RegularExpressions.Regex.Match(result.Stderr, $@"reading {System.Text.RegularExpressions.Regex.Escape(pty.ReaderEnd)} \((?<settings>2400 8[NEO]1)\)");
        Assert.True(logged.Success, result.Stderr);
        Assert.Equal(logged.Groups["settings"].Value, Json(found.Payload)["line_settings"]!.GetValue<string>());
    }

    [Fact]
    public async Task Run_KilledWithSigkill_BrokerPublishesOfflineAsTheLastWill()
    {
        using var broker = new MosquittoBroker();
        var config = await WriteConfigAsync($"meters:\n  - name: house\n    source: tcp://127.0.0.1:{LoopbackPort.Free()}\nmqtt:\n  host: {broker.Host}\n  port: {broker.Port}\n  keepalive: 5\n");
        using var subscriber = new MosquittoSubscriber(broker, ["han/status"]);
        var service = Shell.Start($"exec \"$HAN\" run --config {config}", _folder, timeoutSeconds: 120);
        await service.WaitForErrorAsync("MQTT: connected to");
        await subscriber.WaitForAsync(m => m.Payload == "online");

        service.Signal("KILL");
        await service.Completion;

        var offline = await subscriber.WaitForAsync(m => m.Payload == "offline", TimeSpan.FromSeconds(30));
        Assert.Equal("han/status", offline.Topic);
        using var later = new MosquittoSubscriber(broker, ["han/status"]);
        var kept = await later.WaitForTopicAsync("han/status");
        Assert.True(kept.Retained);
        Assert.Equal("offline", kept.Payload);
        Assert.Contains("Will message specified", broker.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WrongPassword_IsToldOnceWithWhatToCheck()
    {
        using var broker = new MosquittoBroker(new Dictionary<string, string> { ["han"] = "right" });
        await File.WriteAllTextAsync(Path.Combine(_folder, "mqtt.password"), "wrong\n");
        var config = await WriteConfigAsync($"meters:\n  - name: house\n    source: tcp://127.0.0.1:{LoopbackPort.Free()}\nmqtt:\n  host: {broker.Host}\n  port: {broker.Port}\n  username: han\n  password_file: {_folder}/mqtt.password\n");
        var service = Shell.Start($"exec \"$HAN\" run --config {config}", _folder, timeoutSeconds: 120);
        await service.WaitForErrorAsync("refused the user name or password");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (broker.Log.Split('\n').Count(l => l.Contains("not authorised", StringComparison.OrdinalIgnoreCase)) < 3)
        {
            Assert.True(DateTime.UtcNow < deadline, $"han did not try 3 times within 60 s; the broker logged: {broker.Log}");
            await Task.Delay(100); // more attempts, after 1 s and 2 s
        }

        service.Signal("TERM");
        var result = await service.Completion;

        Assert.Equal(0, result.ExitCode);
        var told = result.Stderr.Split('\n').Where(l => l.Contains("MQTT:", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(told);
        Assert.Contains($"MQTT: the MQTT broker at {broker.Host}:{broker.Port} refused the user name or password (user 'han': NotAuthorized); check mqtt.username and mqtt.password (or mqtt.password_file)", line, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WithMqtt_SaysWhichBrokerAndHow()
    {
        var config = await WriteConfigAsync("meters:\n  - source: /dev/ttyUSB0\nmqtt:\n  host: broker.local\n  username: han\n  password: x\n  protocol: 5\n");

        var result = await HanRunner.Run("run", "--config", config, "--check", "--mqtt", "other.local:1884");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("mqtt: other.local:1884 as han-", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("user han with password, no TLS, MQTT 5, keep-alive 30 s; state on han/<meter>/state", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(": x", result.Stdout, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<string> WriteConfigAsync(string yaml)
    {
        var config = Path.Combine(_folder, "han.yaml");
        await File.WriteAllTextAsync(config, yaml);
        return config;
    }

    private static JsonObject Json(string payload) => JsonNode.Parse(payload)!.AsObject();

    /// <summary>Every key the simulator sent with its newest value (the obis object merged key by key), canonical.</summary>
    private static string Merged(IEnumerable<JsonObject> sent)
    {
        var merged = new JsonObject();
        foreach (var list in sent)
        {
            foreach (var (key, value) in list)
            {
                if (key == "obis" && value is JsonObject codes)
                {
                    var into = merged["obis"] as JsonObject ?? new JsonObject();
                    foreach (var (code, codeValue) in codes)
                    {
                        into[code] = codeValue?.DeepClone();
                    }

                    merged["obis"] = into;
                }
                else
                {
                    merged[key] = value?.DeepClone();
                }
            }
        }

        return Canonical(merged, stripAdded: false);
    }

    /// <summary>The reading's keys in order with numbers as decimals; the meter time as the wall clock the meter sent (as RunServiceTests).</summary>
    private static string Canonical(JsonObject reading, bool stripAdded)
    {
        string[] added = ["meter", "received", "active_energy_import_estimate", "active_energy_export_estimate", "frames", "checksum_errors", "cut_frames", "skipped_bytes", "undecoded", "line_state", "line_settings", "last_reading"];
        return string.Join(",", reading
            .Where(p => !stripAdded || !added.Contains(p.Key))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={(p.Key == "meter_time" ? p.Value!.GetValue<string>()[..19] : Value(p.Value!))}"));
    }

    private static string Value(JsonNode value) => value switch
    {
        JsonObject codes => "{" + string.Join(",", codes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={Value(p.Value!)}")) + "}",
        _ when value.GetValueKind() == JsonValueKind.Number => value.GetValue<decimal>().ToString(CultureInfo.InvariantCulture),
        _ => value.ToJsonString(),
    };
}
